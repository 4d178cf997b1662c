import Foundation

/// How `batch` writes its results.
public enum BatchFormat: String, Sendable, CaseIterable {
    /// One JSON object per line (JSON Lines), keys sorted.
    case jsonl
    /// The same as `jsonl`.
    case json
    /// RFC 4180 CSV with a header row, one row per match.
    case csv
}

/// Which way `batch` ranks.
public enum BatchDirection: String, Sendable, CaseIterable {
    /// The best jobs for each candidate.
    case jobs
    /// The best candidates for each job.
    case candidates
}

/// Formats batch results as bytes, without Foundation's encoders (they would dominate the run time).
public enum BatchText {
    /// A JSON string literal: quotes, backslashes and control characters escaped, other characters as UTF-8.
    public static func appendJSONString(_ text: String, to out: inout [UInt8]) {
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
    public static func appendCSVCell(_ text: String, to out: inout [UInt8]) {
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
    public static func appendScore(_ score: Double, to out: inout [UInt8]) {
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
    public static func appendFixedScore(_ score: Double, to out: inout [UInt8]) {
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

    public static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 10 { out.append(UInt8(ascii: "0") + UInt8(value)); return }
        out.append(contentsOf: String(value).utf8)
    }
}
