import ArgumentParser
import SkillMatchStore
import SkillMatch
import SkillMatchImport
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
        let store = try database.open()
        let catalog = try store.loadCatalog()
        guard let candidate else { return try rankCandidates(store: store, catalog: catalog, job: job!) }
        // The engine's job rows are built while the document (if it is one) is read and its indexes are built. One
        // candidate is scored by the sparse kernel: O(requirements), where the dense matrix would cost O(jobs × features)
        // to build for a single product.
        let skillInference = try inference.inference(store: store, catalog: catalog)
        let (engine, read) = Parallel.both(
            { MatchEngine(catalog: catalog, storage: .sparse, inference: skillInference) },
            { Result {
                try resolveDocumentCandidate(
                    candidate, store: store, catalog: catalog, inferFromTitles: !inference.noInfer,
                    semantic: try semanticOptions.resources(store: store, catalog: catalog))
            } })
        let (person, evidence, resolver, text) = try read.get()
        if let evidence, let resolver {
            return try printDocumentMatches(person, evidence: evidence, engine: engine, documents: resolver.documents, text: text ?? "")
        }
        let matches = try engine.match(person, top: top, minimumScore: minScore)
        if output.format == .json {
            return try Output.json(MatchJSON(candidate: person.id, matches: matches.map {
                .init(job: $0.job, title: $0.title, score: rounded($0.score))
            }))
        }
        var table = Table([
            .init(header: "Rank", numeric: true), .init(header: "Score", numeric: true),
            .init(header: "Job"), .init(header: "Title"),
        ])
        for (rank, match) in matches.enumerated() {
            table.append([String(rank + 1), Format.score(match.score), match.job, match.title])
        }
        if output.format == .table {
            let who = person.name.map { "\($0) (\(person.id))" } ?? person.id
            Output.text("Best-fitting jobs for \(who), out of \(catalog.jobs.count)\n")
        }
        Output.table(table, format: output.format)
    }
}

extension MatchCommand {
    /// `match --candidate DOCUMENT`: jobs ranked by the rank score (relevance, titles held, fit), each number shown.
    func printDocumentMatches(
        _ person: Candidate, evidence: DocumentEvidence, engine: MatchEngine, documents: DocumentMatcher, text: String
    ) throws {
        let catalog = engine.catalog
        let written = TextTerms.writtenForms(text)
        let matches = (evidence.linksToAnyJob
            ? try engine.match(person, evidence: evidence, documents: documents, top: top, minimumScore: minScore) : [])
            .map { match in
                var shown = match
                shown.terms = match.terms.map { TextTerms.written($0, forms: written) }
                return shown
            }
        let found = person.skills.filter { $0.evidence == nil }.compactMap { catalog.skill($0.skill)?.label }
        let note = evidence.linksToAnyJob ? nil
            : "Nothing in the document links it to any job of the catalogue: no title held and no word in common with any job."
        if output.format == .json {
            return try Output.json(DocumentMatchJSON(
                candidate: person.id, note: note,
                heldTitles: evidence.heldTitles.map {
                    .init(title: $0.title, line: $0.line, years: $0.years.map(rounded), jobs: $0.jobs.map { catalog.jobs[$0].id })
                },
                skillsFound: person.skills.filter { $0.evidence == nil }.map(\.skill),
                matches: matches.map {
                    .init(job: $0.job, title: $0.title, rank: rounded($0.rank), score: rounded($0.fit),
                          relevance: rounded($0.relevance), titleEvidence: rounded($0.titleEvidence), titlesHeld: $0.titles,
                          terms: $0.terms)
                }))
        }
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
    func rankCandidates(store: CatalogStore, catalog: Catalog, job: String) throws {
        let pool = try loadPool(
            candidates, store: store, catalog: catalog, inferFromTitles: !inference.noInfer,
            semantic: try semanticOptions.resources(store: store, catalog: catalog))
        let engine = MatchEngine(catalog: catalog, inference: try inference.inference(store: store, catalog: catalog))
        let ranked = try engine.rankCandidates(pool, for: job, top: top, minimumScore: minScore)
        if output.format == .json {
            return try Output.json(JobMatchJSON(job: job, candidates: pool.count, matches: ranked.map {
                .init(candidate: $0.candidate, name: $0.name, score: rounded($0.score))
            }))
        }
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

/// The JSON shape of `match --job`: `{"job", "candidates", "matches": [{"candidate", "name", "score"}]}`.
struct JobMatchJSON: Encodable {
    struct Match: Encodable {
        var candidate: String
        var name: String?
        var score: Double
    }

    var job: String
    var candidates: Int
    var matches: [Match]
}

/// The JSON shape of `match --candidate DOCUMENT`: `{"candidate", "heldTitles", "skillsFound", "note", "matches": [{"job",
/// "title", "rank", "score", "relevance", "titleEvidence", "titlesHeld", "terms"}]}`; `score` is the fit, `rank` what the
/// list is ordered by.
struct DocumentMatchJSON: Encodable {
    struct Held: Encodable {
        var title: String
        var line: Int
        var years: Double?
        var jobs: [String]
    }

    struct Match: Encodable {
        var job: String
        var title: String
        var rank: Double
        var score: Double
        var relevance: Double
        var titleEvidence: Double
        var titlesHeld: [String]
        var terms: [String]
    }

    var candidate: String
    var note: String?
    var heldTitles: [Held]
    var skillsFound: [String]
    var matches: [Match]
}

/// The JSON shape of `match`: `{"candidate", "matches": [{"job", "title", "score"}]}`.
struct MatchJSON: Encodable {
    struct Match: Encodable {
        var job: String
        var title: String
        var score: Double
    }

    var candidate: String
    var matches: [Match]
}
