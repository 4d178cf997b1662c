import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchStore

/// `--no-infer`, shared by the commands that score with inferred skills.
struct InferenceOptions: ParsableArguments {
    @Flag(name: .customLong("no-infer"), help: ArgumentHelp(
        "Score without inferred skills, even when a relatedness model is registered.",
        discussion: "With a model (see `skillmatch train`), a required skill the candidate lacks earns partial credit, at most 0.5, from a held skill whose similarity is at least 0.6."))
    var noInfer = false

    /// The inference to score with: none with --no-infer or without a registered model.
    func inference(store: CatalogStore, catalog: Catalog) throws -> SkillInference? {
        guard !noInfer, let model = try RegisteredModel.load(store: store, catalog: catalog, purpose: "--no-infer", note: log) else { return nil }
        return SkillInference(model: model)
    }
}
