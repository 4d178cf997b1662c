import ArgumentParser
import SkillMatchStore
import SkillMatch
import SkillMatchImport
import SkillMatchService
import SkillVectors

/// `skillmatch match --candidate FILE|ID [--top K]`.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank jobs for a candidate, or candidates for a job, by fit score.",
        discussion: """
            With --candidate, ranks the catalogue's jobs; with --job, ranks the stored candidates (or those in \
            --candidates FILE). Ordered by score rounded to 6 decimals, descending, then id ascending.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("A candidate JSON file, or the id of a stored candidate.", valueName: "file|id"))
    var candidate: String?
    @Option(help: ArgumentHelp("Rank candidates for this job instead.", valueName: "id")) var job: String?
    @Option(help: ArgumentHelp("With --job: the pool, a JSON or JSON Lines file (default: the stored candidates).", valueName: "file"))
    var candidates: String?
    @Option(parsing: .unconditional, help: "How many to list.") var top: Int = 10
    @Option(name: .customLong("min-score"), parsing: .unconditional, help: "Leave out jobs scoring below this (0 to 1).") var minScore: Double = 0
    @OptionGroup var inference: InferenceOptions
    @OptionGroup var semanticOptions: SemanticDocumentOptions

    func validate() throws {
        guard (candidate == nil) != (job == nil) else { throw ValidationError("give either --candidate or --job") }
        guard candidates == nil || job != nil else { throw ValidationError("--candidates goes with --job") }
        guard (1...OptionLimits.maximumTop).contains(top) else { throw ValidationError("--top must be a whole number from 1 to \(OptionLimits.maximumTop), not \(top)") }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func run() throws {
        let session = try openSession(database)
        let catalog = session.catalog
        guard let candidate else { return try rankCandidates(session: session, job: job!) }
        // The engine's job rows are built while the document (if it is one) is read and its indexes are built. One
        // candidate is scored by the sparse kernel: O(requirements), where the dense matrix would cost O(jobs × features)
        // to build for a single product.
        let infer = !inference.noInfer
        let (_, read) = Parallel.both(
            { _ = try? session.engine(infer: infer) },
            { Result {
                try resolvePerson(
                    candidate, session: session, inferFromTitles: infer,
                    semantic: try semanticOptions.resources(store: session.store, catalog: catalog))
            } })
        let person = try read.get()
        let found = try session.match(person, top: top, minimumScore: minScore, infer: infer)
        if output.format == .json { return try Output.json(found.report(for: person.candidate, catalog: catalog)) }
        guard case .scored(let matches) = found else {
            return printDocumentMatches(person.candidate, found: found, catalog: catalog)
        }
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Score", numeric: true),
            .init(header: "Job"), .init(header: "Title"),
        ])
        for (rank, match) in matches.enumerated() {
            table.append([String(rank + 1), Format.score(match.score), match.job, match.title])
        }
        if output.format == .table {
            let who = person.candidate.name.map { "\($0) (\(person.candidate.id))" } ?? person.candidate.id
            Output.text("Best-fitting jobs for \(who), out of \(catalog.jobs.count)\n")
        }
        Output.table(table, format: output.format)
    }
}

extension MatchCommand {
    /// `match --candidate DOCUMENT`: jobs ranked by the rank score (relevance, titles held, fit), each number shown.
    func printDocumentMatches(_ person: Candidate, found: JobMatches, catalog: Catalog) {
        guard case .document(let matches, let evidence, let note) = found else { return }
        let found = person.skills.filter { $0.evidence == nil }.compactMap { catalog.skill($0.skill)?.label }
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Score", numeric: true), .init(header: "Fit", numeric: true),
            .init(header: "Text", numeric: true), .init(header: "Title", numeric: true), .init(header: "Job"),
            .init(header: "Title"), .init(header: "Evidence"),
        ])
        for (rank, match) in matches.enumerated() {
            let why = (match.titles.map { "held \"\($0)\"" } + match.terms.prefix(3).map { "\"\($0)\"" }).joined(separator: ", ")
            table.append([
                String(rank + 1), Format.score(match.rank), Format.score(match.fit), Format.score(match.relevance),
                Format.score(match.titleEvidence), match.job, match.title.truncated(45), why.truncated(60),
            ])
        }
        if output.format == .table {
            let who = person.name.map { "\($0) (\(person.id))" } ?? person.id
            let titles = evidence.heldTitles.map { held in
                "\"\(held.title)\" (line \(held.line)\(held.years.map { ", " + DocumentMatcher.format(years: $0) } ?? ""))"
            }
            Output.text("Jobs for \(who), out of \(catalog.jobs.count), read from a document.")
            Output.text("Titles held: " + (titles.isEmpty ? "none recognised" : titles.prefix(6).joined(separator: "; ")))
            Output.text("Skills named: " + (found.isEmpty ? "none recognised" : found.prefix(12).joined(separator: ", ")
                + (found.count > 12 ? " (\(found.count - 12) more)" : "")))
            Output.text("Score = 0.6 · text relevance + 0.2 · title held + 0.2 · fit (see the README).\n")
            if let note { return Output.text(note) }
        }
        Output.table(table, format: output.format)
    }

    /// `match --job ID`: the best candidates for one job.
    func rankCandidates(session: CatalogSession, job: String) throws {
        let (store, catalog) = (session.store, session.catalog)
        let pool = try loadPool(
            candidates, store: store, catalog: catalog, inferFromTitles: !inference.noInfer,
            semantic: try semanticOptions.resources(store: store, catalog: catalog))
        let ranked = try session.rankCandidates(pool, for: job, top: top, minimumScore: minScore, infer: !inference.noInfer)
        if output.format == .json { return try Output.json(JobMatchJSON(job: job, candidates: pool.count, matches: ranked)) }
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Score", numeric: true), .init(header: "Candidate"), .init(header: "Name"),
        ])
        for (rank, match) in ranked.enumerated() {
            table.append([String(rank + 1), Format.score(match.score), match.candidate, match.name ?? "-"])
        }
        if output.format == .table {
            Output.text("Best-fitting candidates for \(catalog.job(job)?.title ?? job) (\(job)), out of \(pool.count)\n")
        }
        Output.table(table, format: output.format)
    }
}

