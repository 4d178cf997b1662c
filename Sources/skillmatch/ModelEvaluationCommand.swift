import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchStore
import SkillVectors

/// `skillmatch evaluate-model`: hidden; measures a relatedness model's quality on the catalogue (Benchmarks/README.md).
struct ModelEvaluationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate-model",
        abstract: "Measure relatedness quality: held-out requirement recovery and group coherence of related jobs.",
        shouldDisplay: false)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Share of essential requirements to hold out.") var holdout = 0.1
    @Option(name: .customLong("essential-importance"), help: "Requirements with at least this importance are eligible.")
    var essentialImportance = 1.0
    @Option(help: "Seed of the hold-out choice.") var seed: UInt64 = 1
    @Option(help: "Cut-offs k, comma-separated.") var top = "10,20,50"
    @Option(name: .customLong("dim"), help: "Embedding dimension.") var dimension = 100
    @Option(name: .customLong("job-group-weight"), help: "Weight of job-group contexts while evaluating.") var jobGroupWeight = 0.5
    @Option(name: .customLong("taxonomy-weight"), help: "Weight of taxonomy contexts while evaluating.") var taxonomyWeight = 0.5
    @Option(help: "Neighbours per job for the group check.") var neighbours = 5
    @Flag(name: .customLong("skip-holdout")) var skipHoldout = false
    @Option(help: "α of the related-jobs score (share of the direct profile).") var alpha = OccupationSimilarity.profileShare
    @Option(help: "ζ of the related-jobs score (job-zone penalty).") var zeta = OccupationSimilarity.zonePenalty
    @Flag(help: "Compare the related-jobs views of `similar` one by one, fused, and fused without each.") var views = false

    func run() throws {
        let store = try database.open()
        let catalog = try store.loadCatalog()
        var parameters = RelatednessParameters()
        parameters.dimension = dimension
        parameters.jobGroupWeight = jobGroupWeight
        parameters.taxonomyWeight = taxonomyWeight
        let ks = top.split(separator: ",").compactMap { Int($0) }
        let clock = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
        let holdoutReport = skipHoldout ? nil : try ModelEvaluation.holdout(
            catalog, parameters: parameters, fraction: holdout, seed: seed, essentialImportance: essentialImportance, k: ks, clock: clock)
        let start = clock()
        let model = RelatednessTrainer.train(catalog, parameters: parameters)
        let trained = clock()
        let lists = OccupationSimilarity(catalog: catalog, model: model, alpha: alpha, zeta: zeta).allNearest(k: neighbours)
        let searched = clock()
        let soc = { (job: Job) -> String? in
            let id = job.id
            guard id.count == 10, id.dropFirst(2).first == "-" else { return nil }
            return String(id.prefix(2))
        }
        let groupings: [(String, (Job) -> String?)] = [
            ("isco-major", { $0.iscoGroup.map { String($0.prefix(1)) } }),
            ("isco-sub-major", { $0.iscoGroup.flatMap { $0.count >= 2 ? String($0.prefix(2)) : nil } }),
            ("isco-minor", { $0.iscoGroup.flatMap { $0.count >= 3 ? String($0.prefix(3)) : nil } }),
            ("soc-major", soc),
            ("soc-minor", { job in soc(job).map { _ in String(job.id.prefix(4)) } }),
            ("soc-broad", { job in soc(job).map { _ in String(job.id.prefix(6)) } }),
            ("job-zone", { $0.jobZone.map(String.init) }),
        ]
        let groups = groupings.map { ModelEvaluation.groupCoherence(lists, catalog: catalog, grouping: $0.0, group: $0.1) }
            .filter { $0.jobs > 0 }
        if views {
            return try Output.json(viewComparison(catalog: catalog, model: model, groupings: Array(groupings.dropLast()), clock: clock))
        }
        try Output.json(EvaluationJSON(
            parameters: parameters, holdout: holdoutReport, groups: groups,
            trainingSeconds: (trained - start) * 1000 / 1000, similarAllSeconds: searched - trained))
    }
}

extension ModelEvaluationCommand {
    /// Group coherence (top `neighbours`) and group recall at 10 for: the model score, each view of
    /// ``RelatedOccupations`` alone, all fused, and all fused without each one.
    func viewComparison(
        catalog: Catalog, model: RelatednessModel, groupings: [(String, (Job) -> String?)], clock: () -> Double
    ) -> [ViewComparisonJSON] {
        let k = max(10, neighbours)
        var rows: [ViewComparisonJSON] = []
        func measure(_ name: String, _ lists: [[RankedIndex]], seconds: Double) {
            let coherence = groupings.map { ModelEvaluation.groupCoherence(lists.map { Array($0.prefix(neighbours)) }, catalog: catalog, grouping: $0.0, group: $0.1) }
                .filter { $0.jobs > 0 }
            let recall = groupings.map { ModelEvaluation.groupRecall(lists, catalog: catalog, grouping: $0.0, k: 10, group: $0.1) }
                .filter { $0.jobs > 0 }
            rows.append(ViewComparisonJSON(
                name: name, seconds: seconds,
                share: Dictionary(uniqueKeysWithValues: coherence.map { ($0.grouping, rounded($0.share)) }),
                recallAt10: Dictionary(uniqueKeysWithValues: recall.map { ($0.grouping, rounded($0.recall)) })))
        }
        var start = clock()
        measure("model score", OccupationSimilarity(catalog: catalog, model: model, alpha: alpha, zeta: zeta).allNearest(k: k), seconds: clock() - start)
        let all = Set(RelatedOccupations.View.allCases)
        var variants: [(String, Set<RelatedOccupations.View>)] = [("fused", all)]
        for view in RelatedOccupations.View.allCases {
            variants.append((view.rawValue, [view]))
            variants.append(("fused without " + view.rawValue, all.subtracting([view])))
        }
        for (name, set) in variants {
            start = clock()
            let related = RelatedOccupations(catalog: catalog, model: model, views: set)
            guard !related.views.isEmpty else { continue }
            let lists = related.allNearest(k: k).map { $0.map { RankedIndex(index: $0.index, score: $0.fused ?? 0) } }
            measure(name, lists, seconds: clock() - start)
        }
        return rows
    }
}

struct ViewComparisonJSON: Encodable {
    var name: String
    var seconds: Double
    var share: [String: Double]
    var recallAt10: [String: Double]
}

struct EvaluationJSON: Encodable {
    var parameters: RelatednessParameters
    var holdout: ModelEvaluation.HoldoutReport?
    var groups: [ModelEvaluation.GroupReport]
    var trainingSeconds: Double
    var similarAllSeconds: Double
}
