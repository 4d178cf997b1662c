import Foundation

/// The one JSON encoding of every result, shared by the CLI's `--format json` and the server's `/v1` API, so that the
/// two give byte-for-byte the same document for the same input.
///
/// Keys are sorted, output is pretty-printed with slashes unescaped, and scores are rounded to 6 decimals by the
/// report types themselves (``ReportEncoding/rounded(_:)``), so that output is the same on every machine.
public enum ReportEncoding {
    /// A new encoder with the shared settings (encoders are not shared between threads).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON followed by a newline, as the CLI prints it and the server sends it.
    public static func data(_ value: some Encodable) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// One JSON Lines record: compact, sorted keys, slashes unescaped, followed by a newline.
    public static func line(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// A score rounded to 6 decimals for JSON output, so that output is the same on every machine.
    @inlinable
    public static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded(.toNearestOrAwayFromZero) / 1_000_000
    }
}

/// A score rounded to 6 decimals (``ReportEncoding/rounded(_:)``).
@inlinable
func rounded(_ value: Double) -> Double { ReportEncoding.rounded(value) }
