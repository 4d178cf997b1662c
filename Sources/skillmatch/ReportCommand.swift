import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchWeb

/// `skillmatch report --candidate FILE|ID [--job ID] --out FILE.html`: the advisor's printable report as one
/// self-contained HTML file (styles inline, the chart as inline SVG, no script, nothing fetched).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a person's advisor report as a self-contained HTML file: best jobs, the gap plan with its chart, the next credential.",
        discussion: """
            The report is the web app's printable report (skillmatch serve, BASE/report): the best jobs with fit bars, \
            for --job (else the best match) the fit explained requirement by requirement and the smallest credential \
            plan with a chart of the fit after each credential against cumulative cost (--axis hours: hours), which \
            credential to earn next, and the skills found with the text they came from. Open it in a browser or print it.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("A candidate JSON file, a resume (.txt, .md, JSON Resume), or the id of a stored candidate.", valueName: "file|id"))
    var candidate: String
    @Option(help: ArgumentHelp("The job to plan for (default: the person's best match).", valueName: "id")) var job: String?
    @OptionGroup var filters: CredentialFilterOptions
    @Option(parsing: .unconditional, help: "Plan to reach at least this fit score (0 to 1) instead of closing every gap skill.") var target: Double?
    @Option(help: "What the chart's horizontal axis counts: cost or hours.") var axis: ChartAxis = .cost
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Stop the plan search after this many seconds (default 10).")
    var timeLimit: Double = 10
    @Option(help: ArgumentHelp("The HTML file to write (replaced if it exists); - writes to standard output.", valueName: "file"))
    var out: String

    enum ChartAxis: String, ExpressibleByArgument, CaseIterable { case cost, hours }

    func validate() throws {
        if let target, !(0...1).contains(target) { throw ValidationError("--target must be between 0 and 1") }
        guard timeLimit > 0 && timeLimit <= OptionLimits.maximumSeconds else {
            throw ValidationError("--time-limit must be a number of seconds greater than 0 and at most 1,000,000, not \(timeLimit)")
        }
        if out != "-", FileManager.default.fileExists(atPath: out), isDirectory(out) {
            throw ValidationError("--out \(out) is a folder; name the HTML file to write")
        }
    }

    func run() throws {
        let session = try openSession(database)
        let person = try resolvePerson(candidate, session: session, inferFromTitles: true)
        if let job, session.catalog.job(job) == nil { throw MatchError.unknownJob(job) }
        let options = PlanOptions(
            choice: filters.choice, target: target, axis: axis == .cost ? .cost : .hours,
            timeLimit: .milliseconds(Int((timeLimit * 1000).rounded())))
        let html = try AdvisorPages(session: session).report(person, base: "", job: job, options: options, selfContained: true)
        if out == "-" {
            FileHandle.standardOutput.write(Data(html.utf8))
            return
        }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw ServiceError(.failed, field: "out", "cannot write \(out): \((error as NSError).localizedDescription)")
        }
        log("wrote \(out)")
    }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
