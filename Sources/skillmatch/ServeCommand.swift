import ArgumentParser
import Foundation
import Logging
import SkillMatchServer
import SkillMatchService

/// `skillmatch serve [--host 127.0.0.1] [--port 8080] [--db PATH]`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the catalogue over HTTP: the advisor's web app at / and the JSON API under /v1 (described at /openapi.yaml).",
        discussion: """
            The catalogue is loaded once and shared by every request; a change by another process (an import) is \
            picked up without a restart. Listens on loopback by default; listening elsewhere needs an API token \
            (--token-file, or $SKILLMATCH_API_TOKEN), which every request must then send as "Authorization: Bearer \
            TOKEN". Write endpoints (POST and DELETE /v1/candidates) always need it. Stops gracefully on SIGINT or \
            SIGTERM. Access logs go to standard error, without request bodies or query text. No CORS headers are sent \
            unless --cors-origin names the one web origin whose pages may call the API.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port, printed once listening).") var port = 8080
    @Option(name: .customLong("token-file"), help: ArgumentHelp("A file holding the API token (at least 16 characters).", valueName: "file"))
    var tokenFile: String?
    @Option(name: .customLong("cors-origin"), help: ArgumentHelp("Let pages of this web origin call the API from a browser (CORS).", valueName: "https://host"))
    var corsOrigin: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
    }

    func run() throws {
        let configuration = ServerConfiguration(host: host, port: port, location: database.catalogLocation, token: try token(), corsOrigin: corsOrigin)
        try configuration.validate()
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "skillmatch.serve")
        logger.logLevel = .info
        let location = configuration.location
        let done = DispatchSemaphore(value: 0)
        let outcome = ResultBox()
        Task {
            do {
                try await SkillMatchHTTPServer.run(configuration, logger: logger) { url in
                    Output.text("SkillMatch is serving \(url) (open it in a browser for the advisor's app; API under \(url)/v1, described at \(url)/openapi.yaml); catalogue \(location.path). Press Ctrl-C to stop.")
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// The token from --token-file or $SKILLMATCH_API_TOKEN (nil when neither is given).
    private func token() throws -> String? {
        var token: String?
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw CLIError("--token-file \(tokenFile): cannot read it")
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let text = ProcessInfo.processInfo.environment["SKILLMATCH_API_TOKEN"], !text.isEmpty {
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let token, token.count < 16 || token.contains(where: { $0.isWhitespace || !$0.isASCII }) {
            throw CLIError("the API token must be at least 16 characters of printable ASCII without spaces")
        }
        return token
    }
}

/// The error a task ended with, handed to the thread waiting for it.
private final class ResultBox: @unchecked Sendable {
    // Written by the task before it signals, read by the waiting thread after: the semaphore orders them.
    var error: (any Error)?
}
