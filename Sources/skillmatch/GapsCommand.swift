import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchImport
import SkillMatchStore
import SkillVectors

/// `skillmatch gaps`: `analyse` (the default: `skillmatch gaps --candidates FILE --job ID`) and `merge`.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Find the credentials that would move the most people in a pool to qualified for some jobs.",
        discussion: "`skillmatch gaps --candidates FILE --job ID` runs `gaps analyse`; `gaps merge` combines partial reports.",
        subcommands: [GapsAnalyseCommand.self, GapsMergeCommand.self],
        defaultSubcommand: GapsAnalyseCommand.self)
}

/// `skillmatch gaps [analyse] --candidates FILE.jsonl --job ID`: the workforce board's question for a pool.
struct GapsAnalyseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Find the credentials that would move the most people in a pool to qualified for some jobs.",
        discussion: """
            For each usable credential: how many people it alone (with any prerequisites they lack) lifts to at least \
            --qualified for one of the jobs, and how many people's smallest plan to reach --qualified includes it \
            (the exact `gap --target` plan per person and job; --no-plans skips that). The pool is --candidates, \
            else the stored candidates. With --partial, the complete report of this part of a pool (every \
            credential, the analysis and the candidate ids) is written as JSON; `skillmatch gaps merge PART...` \
            combines such parts into exactly the report of one run over the whole pool.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var inference: DocumentInferenceOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("Candidates: a JSON or JSON Lines file, or - for JSON Lines on standard input (default: the stored candidates).", valueName: "file|-"))
    var candidates: String?
    @Option(name: .customLong("job"), help: "A job id; repeatable.") var job: [String] = []
    @Option(name: .customLong("jobs"), help: "Job ids separated by commas.") var jobs: String?
    @Option(parsing: .unconditional, help: "The fit score from which a person counts as qualified.") var qualified: Double = 0.8
    @Option(parsing: .unconditional, help: "How many credentials to list.") var top: Int = 20
    @Flag(name: .customLong("no-plans"), help: "Skip the per-person smallest plans (faster on large pools).") var noPlans = false
    @OptionGroup var filters: CredentialFilterOptions
    @Option(help: ArgumentHelp("Analyse people on at most this many threads (default: all cores); the report is the same on any number.", valueName: "n"))
    var threads: Int?
    @Option(name: .customLong("chunk-bytes"), help: ArgumentHelp("Bytes of a JSON Lines pool read at a time (tests use tiny chunks).", visibility: .hidden))
    var chunkBytes: Int = 4 << 20
    @Flag(help: "Write the complete, mergeable report of this part of a pool as JSON (for `gaps merge`).") var partial = false

    var jobIDs: [String] {
        job + (jobs ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        guard !jobIDs.isEmpty else { throw ValidationError("name at least one job with --job ID or --jobs ID,ID") }
        guard (1...OptionLimits.maximumTop).contains(top) else { throw ValidationError("--top must be a whole number from 1 to \(OptionLimits.maximumTop), not \(top)") }
        guard (0...1).contains(qualified) else { throw ValidationError("--qualified must be between 0 and 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard chunkBytes >= 1 else { throw ValidationError("--chunk-bytes must be at least 1") }
    }

    func run() throws {
        let store = try database.open()
        let catalog = try store.loadCatalog()
        let analysis = try PoolGapAnalysis(catalog: catalog, jobs: jobIDs)
        let report: PoolGapReport
        let ids: [String]
        if let file = candidates, file == "-" || CandidateReader.isLines(file) {
            (report, ids) = try analyseLines(file, analysis: analysis, catalog: catalog, store: store)
        } else {
            let people = try loadPool(candidates, store: store, catalog: catalog, inferFromTitles: !inference.noInfer)
            let progress = Progress(total: people.count, label: "people")
            report = try analyse(people, analysis, catalog: catalog) { progress.update($0) }
            progress.finish()
            ids = people.map(\.id)
        }
        if partial {
            let titles = Dictionary(uniqueKeysWithValues: report.jobs.map { ($0, catalog.job($0)?.title ?? $0) })
            return try Output.json(GapsPartialJSON(
                report, analysis: analysisDescription(titles: titles, scope: filters.poolScopeName(in: catalog)),
                candidates: ids.sorted()))
        }
        try GapsAnalyseCommand.print(report, top: top, format: output.format, plans: !noPlans) { catalog.job($0)?.title ?? $0 }
    }

    /// What makes two partial reports mergeable: the same jobs, threshold, filters, plans and inference.
    func analysisDescription(titles: [String: String], scope: String?) -> GapsPartialJSON.Analysis {
        let filter = filters.filter
        return .init(
            jobs: Array(Set(jobIDs)).sorted(), jobTitles: titles, qualified: qualified, plans: !noPlans, inferFromTitles: !inference.noInfer,
            types: filter.types.map(\.rawValue).sorted(), accreditedOnly: filter.accreditedOnly, excluded: filter.excluded.sorted(),
            maxCost: filter.maxCost, maxHours: filter.maxHours, scope: scope)
    }

    /// Prints a report as `gaps` does: the top credentials as a table (with the pool's summary), CSV or JSON.
    static func print(_ report: PoolGapReport, top: Int, format: OutputFormat, plans: Bool, title: (String) -> String) throws {
        let noPlans = !plans
        let qualified = report.qualified
        let shown = Array(report.credentials.prefix(top))
        if format == .json { return try Output.json(GapsJSON(report, shown: shown)) }
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Credential"), .init(header: "Name"),
            .init(header: "Lifted alone", numeric: true), .init(header: "In plans", numeric: true),
            .init(header: "Cost", numeric: true), .init(header: "Hours", numeric: true), .init(header: "Cost per person lifted", numeric: true),
        ])
        for (rank, impact) in shown.enumerated() {
            let perPerson = impact.lifted > 0 ? impact.cost.map { Format.dollars(($0 / Double(impact.lifted)).rounded()) } ?? "-" : "-"
            table.append([
                String(rank + 1), impact.credential, impact.name.truncated(format == .csv ? 500 : 44), String(impact.lifted),
                noPlans ? "-" : String(impact.inPlans), Format.dollars(impact.cost), Format.number(impact.hours), perPerson,
            ])
        }
        guard format == .table else { return Output.table(table, format: format) }
        Output.text("Pool of \(report.people) \(report.people == 1 ? "person" : "people"); qualified means a fit of at least \(Format.score(qualified)).")
        for id in report.jobs {
            let title = title(id)
            Output.text("  \(title) (\(id)): \(report.alreadyQualified[id] ?? 0) qualified now"
                + (noPlans ? "" : ", \(report.unreachable[id] ?? 0) cannot reach it with the usable credentials"))
        }
        Output.text("")
        if shown.isEmpty { Output.text("No usable credential lifts anyone.") } else { Output.table(table, format: .table) }
    }
}

extension GapsAnalyseCommand {
    private func analyse(
        _ people: [Candidate], _ analysis: PoolGapAnalysis, catalog: Catalog, progress: (Int) -> Void
    ) throws -> PoolGapReport {
        try analysis.analyse(
            people, qualified: qualified, filter: filters.filter(towards: jobIDs, in: catalog), plans: !noPlans, threads: threads ?? Parallel.threadCount,
            progress: progress)
    }

    /// A JSON Lines pool of any size in bounded memory, a chunk of lines at a time: first the whole file is read and
    /// checked (so a bad record stops the run at once, naming its line), then read again and analysed, the chunks'
    /// reports merged (the same report as for the whole file at once).
    private func analyseLines(
        _ file: String, analysis: PoolGapAnalysis, catalog: Catalog, store: CatalogStore
    ) throws -> (PoolGapReport, [String]) {
        // A file is checked whole first, so that a bad line stops the run before any analysis; a stream (standard
        // input, a pipe) can be read only once, so each chunk is checked just before it is analysed.
        let stream = LineChunkReader.isStream(file)
        let name = LineChunkReader.displayName(file)
        var seen = Set<String>()
        if !stream {
            let checking = try LineChunkReader(path: file, chunkBytes: chunkBytes)
            let checked = Progress(total: checking.size, label: "people checked")
            defer { checked.finish() }
            while let (bytes, firstLine) = try checking.next() {
                try CandidateReader.check(
                    CandidateReader.parseLines(bytes, file: name, firstLine: firstLine), against: catalog, seen: &seen)
                checked.update(bytes: checking.bytesRead, items: seen.count)
            }
        }

        let reader = try LineChunkReader(path: file, chunkBytes: chunkBytes)
        let progress = Progress(total: reader.size, label: "people")
        defer { progress.finish() }
        var report = try analyse([], analysis, catalog: catalog) { _ in }
        var resolver: ResumeTextResolver?
        var done = 0
        while let (bytes, firstLine) = try reader.next() {
            var located = try CandidateReader.parseLines(bytes, file: name, firstLine: firstLine)
            if stream { try CandidateReader.check(located, against: catalog, seen: &seen) }
            if located.contains(where: { $0.text != nil }) {
                let textResolver = try resolver ?? ResumeTextResolver(
                    catalog: catalog, inferFromTitles: !inference.noInfer, asOfYear: DocumentYear.current(),
                    extractor: storedExtractor(store, catalog),
            documentIndexes: storedDocumentIndexes(store, catalog))
                resolver = textResolver
                located = textResolver.resolve(located)
            }
            logUnresolved(located)
            let before = reader.bytesRead - bytes.count
            let part = try analyse(located.map(\.candidate), analysis, catalog: catalog) { count in
                progress.update(bytes: before + bytes.count * count / max(1, located.count), items: done + count)
            }
            done += located.count
            report = report.merged(with: part)
        }
        return (report, Array(seen))
    }
}
