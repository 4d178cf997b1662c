import ArgumentParser
import SkillMatch

/// `skillmatch stats`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the skills, jobs, credentials, requirements and candidates in the catalogue.")

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
    }
}
