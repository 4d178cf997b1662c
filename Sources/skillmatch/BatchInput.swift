import Foundation
import SkillMatch
import SkillMatchImport

/// The input side of `batch`: which files, how big, and how a chunk of lines is split between workers.
enum BatchInput {
    /// The candidate files: the file itself, or a folder's .jsonl, .ndjson, .json and text resume (.txt, .md,
    /// .markdown) files in name order.
    static func files(_ path: String) throws -> [String] {
        if path == "-" { return [path] }  // standard input, read as JSON Lines
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw InputError(file: path, message: "cannot be read (check its permissions)")
        }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        let files = names.filter { name in
            let lower = name.lowercased()
            return !name.hasPrefix(".") && (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json")
                || TextResumeReader.isTextResume(name))
        }
        .sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        .map { folder + "/" + $0 }
        guard !files.isEmpty else { throw InputError(file: path, message: "holds no .jsonl, .ndjson, .json, .txt or .md file") }
        return files
    }

    /// Whether a file is read as JSON Lines (by its extension; anything but .json and text resumes).
    static func isLines(_ file: String) -> Bool {
        file == "-" || (!file.lowercased().hasSuffix(".json") && !TextResumeReader.isTextResume(file))
    }

    static func totalBytes(_ files: [String]) throws -> Int {
        files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    }

    /// The number of candidate records in all the files (for --shard).
    static func countRecords(_ files: [String], catalog: Catalog) throws -> Int {
        var total = 0
        for file in files {
            if isLines(file) {
                let reader = try LineChunkReader(path: file)
                while let chunk = try reader.next() {
                    total += chunk.bytes.withUnsafeBufferPointer { CandidateLineParser.countRecords($0) }
                }
            } else {
                total += try CandidateReader.read(path: file, catalog: catalog).count
            }
        }
        return total
    }
}
