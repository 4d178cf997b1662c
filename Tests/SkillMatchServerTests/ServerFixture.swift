import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SkillMatchServer
import SkillMatchService
import SkillMatchStore
import Testing

/// A demo catalogue in a fresh folder, the server's router over it, and the CLI binary to compare with.
final class ServerFixture: @unchecked Sendable {
    let folder: String
    var database: String { folder + "/catalog.sqlite" }

    init() throws {
        folder = NSTemporaryDirectory() + "skillmatch-server-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try DemoSeed.seed(CatalogStore(path: database))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `test` against the application in process (HummingbirdTesting's router framework).
    func withClient<Value: Sendable>(token: String? = nil, host: String = "127.0.0.1", corsOrigin: String? = nil, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "skillmatch.test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(host: host, port: 0, location: CatalogLocation(path: database, isDefault: false), token: token, corsOrigin: corsOrigin)
        let router = try SkillMatchHTTPServer.router(configuration, logger: logger)
        let app = Application(router: router, logger: logger)
        return try await app.test(.router) { client in try await test(client) }
    }

    /// The CLI's standard output for `skillmatch ARGS --db DATABASE`.
    func cli(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments + ["--db", database]
        var environment = ProcessInfo.processInfo.environment
        environment["SKILLMATCH_AS_OF"] = nil
        process.environment = environment
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Writes a file in the fixture's folder.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `skillmatch` binary in the same build folder as the tests.
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
}

extension TestClientProtocol {
    /// POSTs a JSON body.
    func post(_ uri: String, _ body: String, headers: HTTPFields = [.contentType: "application/json"]) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body parsed as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
