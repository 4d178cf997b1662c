import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchStore

/// `--no-infer`, shared by the commands that score with inferred skills.
struct InferenceOptions: ParsableArguments {
    @Flag(name: .customLong("no-infer"), help: ArgumentHelp(
        "Score without inferred skills, even when a relatedness model is registered.",
        discussion: "With a model (see `skillmatch train`), a required skill the candidate lacks earns partial credit, at most 0.5, from a held skill whose similarity is at least 0.6."))
    var noInfer = false

    /// The inference to score with: none with --no-infer or without a registered model.
    func inference(store: CatalogStore, catalog: Catalog) throws -> SkillInference? {
        guard !noInfer, let model = try RegisteredModel.load(store: store, catalog: catalog, purpose: "--no-infer") else { return nil }
        return SkillInference(model: model)
    }
}

/// Loading the registered relatedness model.
enum RegisteredModel {
    /// The model in use (the most recently registered, or `name`), checked against the catalogue; `nil` when none
    /// is registered.
    /// - Parameter purpose: how to do without the model, for the stale-model message.
    /// - Throws: ``CLIError`` when the model was trained on a different catalogue, ``ModelError`` when damaged.
    static func load(store: CatalogStore, catalog: Catalog, name: String? = nil, purpose: String?) throws -> RelatednessModel? {
        guard let stored = try store.model(named: name) else {
            if let name { throw CLIError("no relatedness model named \"\(name)\" is registered (see `skillmatch train`)") }
            return nil
        }
        let current = CatalogFingerprint(catalog)
        guard stored.fingerprint == current.description else {
            // Scoring degrades gracefully: a stale model only adds inferred credit, so it is left out, with a note.
            if purpose != nil, name == nil {
                log("""
                    the relatedness model "\(stored.name)" was trained on an earlier state of the catalogue, so scores leave out \
                    inferred skills (as with --no-infer); retrain it with `skillmatch train --out \(stored.path)`
                    """)
                return nil
            }
            let alternative = purpose.map { ", or pass \($0)" } ?? ""
            throw CLIError("""
                the relatedness model "\(stored.name)" was trained on a different catalogue (fingerprint \(stored.fingerprint); \
                the catalogue's is now \(current)); retrain it with `skillmatch train --out \(stored.path)`\(alternative)
                """)
        }
        let metadata: ModelMetadata
        do {
            metadata = try JSONDecoder().decode(ModelMetadata.self, from: Data(stored.metadata.utf8))
        } catch {
            throw ModelError("model \"\(stored.name)\": its metadata is not valid model JSON")
        }
        let model = try ModelFile.read(binary: stored.binary, metadata: metadata, name: stored.name)
        guard model.skillIDs == catalog.skills.map(\.id) else {
            throw ModelError("model \"\(stored.name)\": its skills differ from the catalogue's; retrain it with `skillmatch train`")
        }
        return model
    }

    /// The model in use, or an error saying how to train one.
    static func required(store: CatalogStore, catalog: Catalog, name: String? = nil) throws -> RelatednessModel {
        guard let model = try load(store: store, catalog: catalog, name: name, purpose: nil) else {
            throw CLIError("no relatedness model is registered with this catalogue; train one with `skillmatch train`")
        }
        return model
    }
}
