import Foundation
import SkillMatch

/// How numbers read on the pages: scores with three decimals (as the CLI's tables), money and hours grouped, and
/// unknown amounts as a dash.
public enum WebFormat {
    /// `0.765`.
    static func score(_ value: Double) -> String { String(format: "%.3f", value) }

    /// `0.50`: a skill level.
    static func level(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The width of a bar for a score in [0, 1], in percent.
    static func barPercent(_ value: Double) -> String { String(format: "%.1f", min(max(value, 0), 1) * 100) }

    /// `$1,200`, `$1,200.50`, `≈ $300` when approximate, `—` when unknown.
    static func money(_ value: Double?, approximate: Bool = false) -> String {
        guard let value else { return "—" }
        return (approximate ? "≈ " : "") + "$" + grouped(value)
    }

    /// `1,200 h`, `—` when unknown.
    static func hours(_ value: Double?, approximate: Bool = false) -> String {
        guard let value else { return "—" }
        return (approximate ? "≈ " : "") + grouped(value) + " h"
    }

    /// `1,600` or `1,600.50`: grouped by thousands, as the CLI's tables print amounts.
    static func grouped(_ value: Double) -> String { GapPlanner.amount(min(value, 1e15)) }

    /// A number for an input's `value` attribute: empty when absent, no trailing zeros.
    static func input(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A path segment with everything but unreserved characters percent-encoded.
    public static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
