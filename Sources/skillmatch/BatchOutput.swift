import ArgumentParser
import Foundation
import SkillMatch

/// How `batch` writes its results.
enum BatchFormat: String, ExpressibleByArgument, CaseIterable {
    /// One JSON object per line (JSON Lines), keys sorted.
    case jsonl
    /// The same as `jsonl`.
    case json
    /// RFC 4180 CSV with a header row, one row per match.
    case csv
}



/// Formats batch results as bytes, without Foundation's encoders (they would dominate the run time).
enum BatchText {
    /// A JSON string literal: quotes, backslashes and control characters escaped, other characters as UTF-8.
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A CSV cell, quoted when it holds a comma, quote or line break.
    static func appendCSVCell(_ text: String, to out: inout [UInt8]) {
        if text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    /// A score rounded to 6 decimals, as the shortest decimal: `0.734512`, `0.5`, `1`, `0`.
    static func appendScore(_ score: Double, to out: inout [UInt8]) {
        let millionths = Int64((score * 1_000_000).rounded(.toNearestOrAwayFromZero))
        let (whole, fraction) = millionths.quotientAndRemainder(dividingBy: 1_000_000)
        appendInteger(Int(whole), to: &out)
        guard fraction > 0 else { return }
        var digits = Array(repeating: UInt8(ascii: "0"), count: 6)
        var rest = fraction
        for position in stride(from: 5, through: 0, by: -1) {
            digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: digits)
    }

    /// A score with exactly 6 decimals, as the tables and CSV print it: `0.500000`.
    static func appendFixedScore(_ score: Double, to out: inout [UInt8]) {
        let millionths = Int64((score * 1_000_000).rounded(.toNearestOrAwayFromZero))
        let (whole, fraction) = millionths.quotientAndRemainder(dividingBy: 1_000_000)
        appendInteger(Int(whole), to: &out)
        out.append(UInt8(ascii: "."))
        var rest = fraction
        var digits = Array(repeating: UInt8(ascii: "0"), count: 6)
        for position in stride(from: 5, through: 0, by: -1) {
            digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        out.append(contentsOf: digits)
    }

    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 10 { out.append(UInt8(ascii: "0") + UInt8(value)); return }
        out.append(contentsOf: String(value).utf8)
    }
}

/// Where `batch` writes: a file written under a temporary name and renamed into place only when the whole run
/// succeeded (so a failed run never leaves a truncated file where a good one was), or standard output.
final class BatchSink {
    private let destination: String?
    private let temporary: String?
    private let descriptor: Int32
    private var finished = false

    init(path: String?) throws {
        guard let path, path != "-" else {
            destination = nil
            temporary = nil
            descriptor = STDOUT_FILENO
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno))) (check that its folder exists and is writable)")
        }
        self.destination = path
        self.temporary = temporary
        self.descriptor = descriptor
    }

    /// Writes bytes, all of them.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw CLIError("cannot write \(destination ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Moves the finished file into place.
    func commit() throws {
        finished = true
        guard let destination, let temporary else { return }
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError("cannot write \(destination): \(reason)")
        }
    }

    /// Removes the temporary file of a run that did not finish.
    deinit {
        guard !finished, let temporary else { return }
        close(descriptor)
        unlink(temporary)
    }
}
