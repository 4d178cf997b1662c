import ArgumentParser
import Foundation
import SkillMatchService

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// A readable table (the default).
    case table
    /// Stable JSON: sorted keys, scores rounded to 6 decimals.
    case json
    /// Comma-separated values of the main table, for spreadsheets.
    case csv
}

/// A table of text cells, printed aligned or as CSV.
struct Table {
    /// A column: its header and whether its cells are numbers (right-aligned).
    struct Column {
        var header: String
        var numeric = false
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "table row has \(row.count) cells, expected \(columns.count)")
        rows.append(row)
    }

    /// The table with aligned columns, a header row and a rule.
    var text: String {
        let widths = columns.indices.map { index in
            ([columns[index].header] + rows.map { $0[index] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { index in
                let padding = String(repeating: " ", count: widths[index] - cells[index].count)
                return columns[index].numeric ? padding + cells[index] : cells[index] + padding
            }
            .joined(separator: "  ").trimmingTrailingSpaces
        }
        var lines = [line(columns.map(\.header)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    /// The table as RFC 4180 CSV with a header row.
    var csv: String {
        func quote(_ cell: String) -> String {
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        return ([columns.map(\.header)] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The text cut to `width` characters with an ellipsis.
    func truncated(_ width: Int) -> String {
        count <= width ? self : String(prefix(width - 1)) + "…"
    }
}

/// Number formatting shared by the tables.
enum Format {
    /// A score or level with 6 decimals, as ranked.
    static func score(_ value: Double) -> String { String(format: "%.6f", value) }
    /// A level or credit with 2 decimals.
    static func level(_ value: Double) -> String { String(format: "%.2f", value) }
    /// A weight or amount without trailing zeros: `4.5`, `3`.
    static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%g", value)
    }
    /// US dollars: `$1,234` or `-` when unknown.
    static func dollars(_ value: Double?) -> String {
        guard let value else { return "-" }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = value == value.rounded() ? 0 : 2
        formatter.minimumFractionDigits = value == value.rounded() ? 0 : 2
        return "$" + (formatter.string(from: NSNumber(value: value)) ?? String(value))
    }
    /// A share as a whole percentage: `42%`.
    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
    /// Yes / no / - for optional flags.
    static func flag(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "-" }
}

/// Writes results to standard output.
enum Output {
    /// Prints a value as stable JSON: sorted keys, pretty-printed, slashes unescaped.
    /// (``ReportEncoding``, the encoding the server's API uses too).
    static func json(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try ReportEncoding.data(value))
    }

    /// Prints text followed by a newline.
    static func text(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints a table as aligned text or CSV.
    static func table(_ table: Table, format: OutputFormat) {
        text(format == .csv ? table.csv : table.text)
    }
}

/// A score rounded to 6 decimals for JSON output, so that output is the same on every machine.
func rounded(_ value: Double) -> Double { ReportEncoding.rounded(value) }

/// A mid-rank as tables show it: whole (`3`) or with its half (`12.5`).
func midRank(_ value: Double) -> String { value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.1f", value) }
