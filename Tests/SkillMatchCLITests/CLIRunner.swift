import Foundation
import Testing

/// Runs the built `skillmatch` binary in a fresh folder with its own database.
final class CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    /// The folder the test writes in (removed at the end).
    let folder: String
    /// The database passed with `--db`.
    var database: String { folder + "/catalog.sqlite" }

    init() {
        folder = NSTemporaryDirectory() + "skillmatch-cli-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The package root (for `datasets/demo`).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `skillmatch` binary beside the test bundle, in the same build folder.
    static let binary: String = {
        var candidates: [String] = []
        if let executable = Bundle.main.executableURL?.deletingLastPathComponent() { candidates.append(executable.path) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().path)
        candidates.append(packageRoot + "/.build/debug")
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder + "/skillmatch") {
            return folder + "/skillmatch"
        }
        return packageRoot + "/.build/debug/skillmatch"
    }()

    /// Writes a file in the test folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Runs `skillmatch ARGS` with `--db` set, unless `database` is false; `environment` adds variables; `input`
    /// is written to its standard input.
    func run(_ arguments: [String], database useDatabase: Bool = true, environment: [String: String] = [:], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments + (useDatabase ? ["--db", database] : [])
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SKILLMATCH_DB")
        env["HOME"] = folder + "/home"
        env["XDG_DATA_HOME"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a command that must succeed.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let result = try run(arguments)
        #expect(result.status == 0, "skillmatch \(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Imports the demo catalogue and candidates from datasets/demo into this runner's database.
    func importDemo() throws {
        try ok(["import", "catalog", Self.packageRoot + "/datasets/demo/catalog.json"])
        try ok(["candidate", "add", Self.packageRoot + "/datasets/demo/candidates.jsonl"])
    }

    /// The database file's bytes, to check that a failed command changed nothing.
    func databaseBytes() -> Data? { FileManager.default.contents(atPath: database) }
}
