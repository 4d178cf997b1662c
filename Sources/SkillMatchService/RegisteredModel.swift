import Foundation
import SkillMatch
import SkillMatchStore

/// Loading the registered relatedness model.
public enum RegisteredModel {
    /// The model in use (the most recently registered, or `name`), checked against the catalogue; `nil` when none
    /// is registered.
    /// - Parameter purpose: how to do without the model, for the stale-model message.
    /// - Parameter note: receives the sentence saying a stale model is left out (the CLI prints it on standard error).
    /// - Throws: ``ServiceError`` when the model was trained on a different catalogue, ``ModelError`` when damaged.
    public static func load(
        store: CatalogStore, catalog: Catalog, name: String? = nil, purpose: String?, note: (String) -> Void = { _ in }
    ) throws -> RelatednessModel? {
        guard let stored = try store.model(named: name) else {
            if let name { throw ServiceError(.notFound, field: "model", "no relatedness model named \"\(name)\" is registered (see `skillmatch train`)") }
            return nil
        }
        let current = CatalogFingerprint(catalog)
        guard stored.fingerprint == current.description else {
            // Scoring degrades gracefully: a stale model only adds inferred credit, so it is left out, with a note.
            if purpose != nil, name == nil {
                note("""
                    the relatedness model "\(stored.name)" was trained on an earlier state of the catalogue, so scores leave out \
                    inferred skills (as with --no-infer); retrain it with `skillmatch train --out \(stored.path)`
                    """)
                return nil
            }
            let alternative = purpose.map { ", or pass \($0)" } ?? ""
            throw ServiceError(.unprocessable, field: "model", """
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
    public static func required(store: CatalogStore, catalog: Catalog, name: String? = nil) throws -> RelatednessModel {
        guard let model = try load(store: store, catalog: catalog, name: name, purpose: nil) else {
            throw ServiceError(.unprocessable, field: "model", "no relatedness model is registered with this catalogue; train one with `skillmatch train`")
        }
        return model
    }
}
