import Foundation
import SkillVectors

/// Finding and reading the sentence encoder file (models/ENCODER.md).
public enum EncoderFile {
    /// The file name inside an encoder folder.
    public static let fileName = "encoder.safetensors"

    /// Where `make models` installs the encoder: `$XDG_DATA_HOME/skillmatch/models/minilm-l6-v2/encoder.safetensors`,
    /// else under `~/.local/share`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.local/share" } ?? FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share")
        return base + "/skillmatch/models/minilm-l6-v2/" + fileName
    }

    /// The file `path` names: the path itself, or `encoder.safetensors` inside it when it is a folder.
    public static func resolve(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return URL(fileURLWithPath: path).appendingPathComponent(fileName).path
        }
        return path
    }

    /// Reads an encoder file, or a folder holding one.
    public static func load(_ path: String) throws(InputError) -> SentenceEncoder {
        let file = resolve(path)
        let bytes = try JSONInput.read(file, name: path)
        do {
            return try SentenceEncoder(file: SafeTensors(bytes: bytes))
        } catch {
            throw InputError(file: path, message: "\(error.description) (run `make models` to rebuild it)")
        }
    }
}
