import ArgumentParser
import SkillMatch

/// `skillmatch stats`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the skills, jobs, credentials, requirements and candidates in the catalogue, and what each taxonomy contributed.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let store = try database.open()
        let stats = try store.stats()
        if output.format == .json { return try Output.json(stats) }
        var table = Table([.init(header: "What"), .init(header: "Count", numeric: true)])
        for (name, count) in [("skills", stats.skills), ("jobs", stats.jobs), ("credentials", stats.credentials),
                              ("requirements", stats.requirements), ("candidates", stats.candidates)] {
            table.append([name, String(count)])
        }
        if output.format == .table { Output.text("Catalogue \(store.path)\n") }
        Output.table(table, format: output.format)
        guard output.format == .table, !stats.sources.isEmpty else { return }
        var bySource = Table([
            .init(header: "Source"), .init(header: "Skills", numeric: true), .init(header: "of which technology", numeric: true),
            .init(header: "Skill groups", numeric: true), .init(header: "Jobs", numeric: true),
            .init(header: "Requirements", numeric: true), .init(header: "Credentials", numeric: true), .init(header: "Grants", numeric: true),
        ])
        for line in stats.sources {
            bySource.append([
                line.source, String(line.skillTotal), String(line.skills["technology"] ?? 0), String(line.skillGroups),
                String(line.jobs), String(line.requirements), String(line.credentials), String(line.grants),
            ])
        }
        Output.text("\nBy source (the taxonomy or importer each record came from):\n")
        Output.table(bySource, format: .table)
    }
}
