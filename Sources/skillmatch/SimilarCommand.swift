import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchStore
import SkillVectors

/// `skillmatch similar --job ID | --all | --skill ID | --credential ID [--top K]`.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Related jobs (for career changers), skills or credentials, by the registered relatedness model.",
        discussion: """
            Jobs are ranked by every descriptor the catalogue holds, fused at the rank level (--method fused, the \
            default): each view ranks all other jobs (skills: centred cosine of the rated skill and knowledge \
            profiles; embedding: centred cosine of the profiles through the model; technologies and activities: \
            cosine of idf-weighted sets; tasks: TF-IDF cosine of description and task statements; titles: TF-IDF \
            cosine of all titles; interests: Pearson correlation of RIASEC profiles; jobZone: −|zone difference|), \
            and fused = Σ over views 1/(60 + rank), ties sharing their mean rank; views a job lacks abstain. \
            Each job also shows score, the model's similarity: 0.5·(centred skill profiles' cosine, importance × \
            level) + 0.5·(centred embedded profiles' cosine) − 0.2·|zone difference|/4 (--method model ranks by it \
            alone), its rank in each view, and the skills the other job needs that this one meets (shared) and does \
            not (missing). Skills: cosine of the skill vectors. Credentials: cosine of the level-weighted sums of \
            their granted skills' vectors. --all writes one JSON line per job in id order.
            """)

    typealias Method = SimilarMethod

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, jsonl }

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Jobs related to this job.", valueName: "id")) var job: String?
    @Flag(help: "Related jobs for every job, as JSON Lines.") var all = false
    @Option(help: ArgumentHelp("Skills related to this skill.", valueName: "id")) var skill: String?
    @Option(help: ArgumentHelp("Credentials related to this credential.", valueName: "id")) var credential: String?
    @Option(parsing: .unconditional, help: "How many to list.") var top = 10
    @Option(help: ArgumentHelp("The registered model to use (default: the most recently registered).", valueName: "name"))
    var model: String?
    @Option(help: "Output format: table or json (jsonl with --all).") var format: Format?
    @Option(help: "How jobs are ranked: fused (every descriptor, the default) or model (the model's score alone).")
    var method: Method = .fused

    func validate() throws {
        let chosen = [job != nil, all, skill != nil, credential != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("give exactly one of --job, --all, --skill and --credential") }
        guard (1...OptionLimits.maximumTop).contains(top) else { throw ValidationError("--top must be a whole number from 1 to \(OptionLimits.maximumTop), not \(top)") }
        if all, let format, format != .jsonl { throw ValidationError("similar --all writes JSON Lines: use --format jsonl") }
        if !all, format == .jsonl { throw ValidationError("--format jsonl goes with --all") }
    }

    func run() throws {
        let store = try database.open()
        let catalog = try store.loadCatalog()
        let model = try RegisteredModel.required(store: store, catalog: catalog, name: self.model)
        if let job { return try similarJobs(job, catalog: catalog, model: model) }
        if all { return allJobs(catalog: catalog, model: model) }
        if let skill { return try similarSkills(skill, catalog: catalog, model: model) }
        if let credential { return try similarCredentials(credential, catalog: catalog, model: model) }
    }

    private var json: Bool { format == .json }

    func similarJobs(_ id: String, catalog: Catalog, model: RelatednessModel) throws {
        let report = try SimilarJobsJSON(job: id, catalog: catalog, model: model, method: method, top: top)
        let entries = report.similar
        if json { return try Output.json(report) }
        let near = report.neighbours
        let source = (id: report.job, title: report.title)
        Output.text("Jobs related to \(source.title) (\(source.id)), out of \(catalog.jobs.count - 1)\n")
        var columns: [Table.Column] = [.init(header: "Rank", numeric: true)]
        if method == .fused { columns.append(.init(header: "Fused", numeric: true)) }
        columns += [
            .init(header: "Score", numeric: true), .init(header: "Job"), .init(header: "Title"),
            .init(header: "Transfer", numeric: true),
        ]
        if method == .fused { columns.append(.init(header: "Nearest in (rank)")) }
        columns += [.init(header: "Shared (most important)"), .init(header: "Missing (largest gain)")]
        var table = Table(columns)
        for (rank, (entry, ranked)) in zip(entries, near).enumerated() {
            var row = [String(rank + 1)]
            if let fused = entry.fused { row.append(String(format: "%.4f", fused)) }
            row += [String(format: "%.3f", entry.score), entry.job, entry.title.truncated(36), String(format: "%.2f", entry.transfer)]
            if method == .fused {
                let best = ranked.ranks.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.view.rawValue < $1.view.rawValue }
                row.append(best.prefix(3).map { "\($0.view.rawValue) \(midRank($0.rank))" }.joined(separator: ", "))
            }
            row += [
                entry.shared.prefix(3).map(\.label).joined(separator: ", ").truncated(40),
                entry.missing.prefix(3).map(\.label).joined(separator: ", ").truncated(40),
            ]
            table.append(row)
        }
        Output.table(table, format: .table)
        if method == .fused {
            Output.text("\nFused: Σ over views of 1/(60 + rank); Score: the model's similarity; Nearest in: the views ranking the job highest.")
        }
        Output.text("Transfer: the fit of this job's required levels for the other job (shared: met, missing: not met).")
    }

    func allJobs(catalog: Catalog, model: RelatednessModel) {
        let similarity = OccupationSimilarity(catalog: catalog, model: model)
        let lists: [[(index: Int, fused: Double?)]] = switch method {
        case .fused: RelatedOccupations(catalog: catalog, model: model).allNearest(k: top).map { $0.map { ($0.index, $0.fused) } }
        case .model: similarity.allNearest(k: top).map { $0.map { ($0.index, nil) } }
        }
        var text = ""
        text.reserveCapacity(catalog.jobs.count * top * 40)
        for (index, list) in lists.enumerated() {
            text += "{\"job\":" + jsonString(catalog.jobs[index].id) + ",\"similar\":["
            text += list.map { entry in
                "{" + (entry.fused.map { "\"fused\":" + jsonNumber($0) + "," } ?? "") + "\"job\":" + jsonString(catalog.jobs[entry.index].id)
                    + ",\"score\":" + jsonNumber(similarity.score(index, entry.index)) + "}"
            }.joined(separator: ",")
            text += "]}\n"
            if text.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(text.utf8))
                text = ""
            }
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func similarSkills(_ id: String, catalog: Catalog, model: RelatednessModel) throws {
        let report = try SimilarSkillsJSON(skill: id, catalog: catalog, model: model, top: top)
        if json { return try Output.json(report) }
        let (entries, source) = (report.similar, (id: report.skill, label: report.label))
        Output.text("Skills related to \(source.label) (\(source.id))\n")
        var table = Table([.init(header: "Rank", numeric: true), .init(header: "Similarity", numeric: true), .init(header: "Skill"), .init(header: "Id")])
        for (rank, entry) in entries.enumerated() {
            table.append([String(rank + 1), String(format: "%.3f", entry.score), entry.label.truncated(50), entry.skill])
        }
        Output.table(table, format: .table)
    }

    func similarCredentials(_ id: String, catalog: Catalog, model: RelatednessModel) throws {
        let report = try SimilarCredentialsJSON(credential: id, catalog: catalog, model: model, top: top)
        if json { return try Output.json(report) }
        let (entries, source) = (report.similar, (id: report.credential, name: report.name))
        Output.text("Credentials related to \(source.name) (\(source.id))\n")
        var table = Table([.init(header: "Rank", numeric: true), .init(header: "Similarity", numeric: true), .init(header: "Credential"), .init(header: "Name")])
        for (rank, entry) in entries.enumerated() {
            table.append([String(rank + 1), String(format: "%.3f", entry.score), entry.credential, entry.name.truncated(50)])
        }
        Output.table(table, format: .table)
    }
}

/// A JSON string literal.
func jsonString(_ text: String) -> String {
    let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
    return String(decoding: data, as: UTF8.self)
}

/// A score rounded to 6 decimals as JSON writes it.
func jsonNumber(_ value: Double) -> String {
    let data = (try? JSONEncoder().encode(rounded(value))) ?? Data("0".utf8)
    return String(decoding: data, as: UTF8.self)
}

extension SimilarMethod: ExpressibleByArgument {}
