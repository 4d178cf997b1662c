import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchImport
import SkillMatchService
import SkillMatchStore

/// `skillmatch`: scores how well candidates fit jobs, explains the scores, and finds credentials.
@main
struct SkillMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skillmatch",
        abstract: "Match people to jobs by skills, explain every score, and find the credentials that close the gap.",
        discussion: """
            The catalogue is the SQLite file given by --db, else $SKILLMATCH_DB, else a per-user database \
            seeded with the demo catalogue on first use. Every command prints a table by default and stable \
            JSON with --format json.
            """,
        subcommands: [
            ImportCommand.self, FitCommand.self, MatchCommand.self, CredentialsCommand.self, ShowCommand.self,
            JobsCommand.self, GapCommand.self, NextCommand.self, GapsCommand.self, BatchCommand.self, CandidateCommand.self,
            StatsCommand.self, TrainCommand.self, SimilarCommand.self, ModelEvaluationCommand.self, ExtractCommand.self,
            EncodeCommand.self, EmbedCommand.self, ServeCommand.self, ReportCommand.self,
        ])

    /// Runs a command; user errors print one sentence on standard error and exit with status 1.
    static func main() {
        CrashReport.install()
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            var command = command
            try command.run()
        } catch let error as InputError {
            fail(error.description)
        } catch let error as StoreError {
            fail(error.description)
        } catch let error as CatalogValidationError {
            fail(error.description)
        } catch let error as MatchError {
            fail(error.description)
        } catch let error as GapError {
            fail(error.description)
        } catch let error as ModelError {
            fail(error.description)
        } catch let error as CLIError {
            fail(error.description)
        } catch let error as ServiceError {
            fail(error.description)
        } catch let error as ValidationError {
            exit(withError: error)
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exit(withError: error)  // Help requests and usage errors raised while running, such as `skillmatch` alone.
        } catch {
            fail("unexpected failure (\(type(of: error))); nothing was changed")
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("skillmatch: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}

/// What a user sees if the process ever traps (a defect: no input should make it): one sentence, exit status 70,
/// and no backtrace with source paths and registers (whose helper process could also keep standard output open).
/// `SKILLMATCH_BACKTRACE=1` keeps Swift's own crash report, for developers.
enum CrashReport {
    static func install() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SKILLMATCH_BACKTRACE"] != "1" else { return }
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] { Glibc.signal(signal, crashed) }
        // For the test that proves this handler works: a deliberate trap.
        if environment["SKILLMATCH_SELF_TEST_TRAP"] == "1" { preconditionFailure("deliberate trap (SKILLMATCH_SELF_TEST_TRAP)") }
    }
}

/// Writes the fixed sentence (no allocation: only async-signal-safe calls) and ends the process.
private func crashed(_ signal: Int32) {
    let message: StaticString = "skillmatch: error: internal error; this is a defect in skillmatch, please report it with the command line that caused it\n"
    message.withUTF8Buffer { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    _exit(70)
}
