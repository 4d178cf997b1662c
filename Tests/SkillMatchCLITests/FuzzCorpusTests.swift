import Foundation
import Testing

/// The fuzz seeds (and every finding turned into a seed) replayed through each target of `skillmatch-fuzz`, built
/// without libFuzzer: none may trap, and the fast and strict candidate readers must agree on each.
@Suite("fuzz corpora replayed")
struct FuzzCorpusTests {
    static let binary = URL(fileURLWithPath: CLIRunner.binary).deletingLastPathComponent().path + "/skillmatch-fuzz"
    static let corpus = CLIRunner.packageRoot + "/Fuzz/corpus"

    @Test("every target runs its seeds without a trap", arguments: [
        "catalog-json", "candidates-json", "candidates-differential", "person-document", "text-resume",
        "open-badges", "ctdl", "credential-csv", "onet-tabular", "esco-csv",
    ])
    func replay(target: String) throws {
        let folder = Self.corpus + "/" + target
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(!files.isEmpty, "no seeds for \(target)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [target] + files
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(target): \(message.prefix(2000))")
    }
}
