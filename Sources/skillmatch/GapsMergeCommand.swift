import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchImport

/// `skillmatch gaps merge PART...`: partial reports of parts of a pool (`gaps --partial`), combined into exactly the
/// report of one run over the whole pool: the same counts, ranking and ties.
struct GapsMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine partial pool reports (gaps --partial) into the report of the whole pool.",
        discussion: """
            Every count of a pool report is per person, so the sums of the parts' counts are the whole pool's. The \\
            parts must come from the same analysis (jobs, --qualified, filters, plans, inference), and no candidate \\
            may be in two parts (a repeated id is named). --partial here writes the merged report as a partial again, \\
            for merging in stages.
            """)

    @Argument(help: ArgumentHelp("Partial reports written by `gaps --partial`.", valueName: "part")) var parts: [String]
    @OptionGroup var output: FormatOptions
    @Option(parsing: .unconditional, help: "How many credentials to list.") var top: Int = 20
    @Flag(name: .customLong("as-partial"), help: "Write the merged report as a partial report again (to merge in stages).")
    var asPartial = false

    func validate() throws {
        guard !parts.isEmpty else { throw ValidationError("name at least one partial report") }
        guard (1...OptionLimits.maximumTop).contains(top) else { throw ValidationError("--top must be a whole number from 1 to \(OptionLimits.maximumTop), not \(top)") }
    }

    func run() throws {
        var merged: GapsPartialJSON?
        var owners: [String: String] = [:]  // candidate id → the part it came from
        for part in parts {
            let text = try TextInput.read(part)
            let next: GapsPartialJSON
            do {
                next = try JSONDecoder().decode(GapsPartialJSON.self, from: Data(text.utf8))
            } catch {
                throw CLIError("\(part): is not a partial report written by `skillmatch gaps --partial`")
            }
            guard next.format == GapsPartialJSON.formatName, next.version == GapsPartialJSON.currentVersion else {
                throw CLIError("\(part): is not a partial report of this version (format \(next.format) \(next.version))")
            }
            guard next.candidates.count == next.people else {
                throw CLIError("\(part): lists \(next.candidates.count) candidate ids for \(next.people) people")
            }
            for id in next.candidates {
                if let first = owners.updateValue(part, forKey: id) {
                    throw CLIError("candidate \"\(id)\" is in both \(first) and \(part): each person must be in one part only")
                }
            }
            guard let sofar = merged else {
                merged = next
                continue
            }
            guard sofar.analysis == next.analysis else {
                throw CLIError("\(part): comes from another analysis than \(parts[0]) (jobs, --qualified, filters, plans or --no-infer differ)")
            }
            merged = GapsPartialJSON(
                sofar.report.merged(with: next.report), analysis: sofar.analysis, candidates: sofar.candidates + next.candidates)
        }
        guard var result = merged else { return }
        if asPartial {
            result.candidates.sort()
            return try Output.json(result)
        }
        try GapsAnalyseCommand.print(result.report, top: top, format: output.format, plans: result.analysis.plans) {
            result.analysis.jobTitles[$0] ?? $0
        }
    }
}

/// `gaps --partial`: a pool report with every credential, the analysis it came from and the candidate ids, so that
/// reports of parts of a pool can be merged exactly.
struct GapsPartialJSON: Codable {
    static let formatName = "skillmatch-gaps-partial"
    static let currentVersion = 1

    /// The analysis: two parts merge only when these are equal.
    struct Analysis: Codable, Equatable {
        var jobs: [String]
        var jobTitles: [String: String]
        var qualified: Double
        var plans: Bool
        var inferFromTitles: Bool
        var types: [String]
        var accreditedOnly: Bool
        var excluded: [String]
        var maxCost: Double?
        var maxHours: Double?
        /// Which credentials were used when the catalogue's credentials list occupations: `default` (each job's own,
        /// its field's when none serves it), `occupation`, `field` or `any`; absent otherwise.
        var scope: String? = nil
    }

    var format = formatName
    var version = currentVersion
    var analysis: Analysis
    var people: Int
    var alreadyQualified: [String: Int]
    var unreachable: [String: Int]
    /// Every credential that lifts someone or is in someone's plan, in the report's order.
    var credentials: [GapsJSON.Impact]
    /// The candidate ids of this part, sorted.
    var candidates: [String]

    init(_ report: PoolGapReport, analysis: Analysis, candidates: [String]) {
        self.analysis = analysis
        people = report.people
        alreadyQualified = report.alreadyQualified
        unreachable = report.unreachable
        credentials = report.credentials.map {
            GapsJSON.Impact(credential: $0.credential, name: $0.name, cost: $0.cost, hours: $0.hours, lifted: $0.lifted, liftedByJob: $0.liftedByJob, inPlans: $0.inPlans)
        }
        self.candidates = candidates
    }

    /// The report it holds.
    var report: PoolGapReport {
        PoolGapReport(
            jobs: analysis.jobs, people: people, qualified: analysis.qualified, alreadyQualified: alreadyQualified,
            unreachable: unreachable,
            credentials: credentials.map {
                PoolCredentialImpact(
                    credential: $0.credential, name: $0.name, cost: $0.cost, hours: $0.hours, lifted: $0.lifted,
                    liftedByJob: $0.liftedByJob, inPlans: $0.inPlans)
            }.sorted(by: PoolGapReport.ranks))
    }
}
