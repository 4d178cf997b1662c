import Foundation

/// The SVG chart of a gap plan: the fit before any credential and after each one, in earn order, against the
/// cumulative cost (or hours) spent so far. A step line: the fit rises when a credential is earned, after its cost.
///
/// The fit axis spans the scores shown (and the target), widened to whole tenths, so that small gains stay visible;
/// its ticks say where it starts.
struct GapChart: Sendable {
    /// What the horizontal axis counts: dollars, hours, or credentials earned (when neither is published).
    enum Axis: String, Sendable { case cost, hours, credentials }

    struct Step: Sendable {
        var name: String
        /// What the credential adds on this axis (nil when unpublished: drawn as 0).
        var amount: Double?
        /// The fit once it is earned (with every earlier one).
        var fit: Double
    }

    struct Point: Sendable {
        var x: String, y: String, labelY: String, anchor: String, fit: String, amount: String, short: String, caption: String
    }

    struct Tick: Sendable {
        var x = ""
        var y = ""
        var label: String
        var labelX = ""
        var labelY: String
        var anchor = "middle"
        var left = ""
        var right = ""
        var top = ""
        var bottom = ""
    }

    struct TargetLine: Sendable { var y: String, labelY: String, label: String }

    let width = 640, height = 300
    let left = 60.0, right = 620.0, top = 20.0, bottom = 250.0
    var axisName: String
    /// `cumulative cost (US$)`, `cumulative hours`, `credentials earned`.
    var axisTitle: String
    /// Why the axis is not the one asked for (set by the page).
    var axisNote: String?
    var points: [Point]
    var path: String
    var xTicks: [Tick]
    var yTicks: [Tick]
    var targetLine: TargetLine?
    var description: String
    var unknownAmounts: Bool
    // Stored, not computed: Mustache reads values by reflection, which sees stored properties only.
    var axisLabelX: String
    var axisLabelY: String
    var midY: String

    /// - Parameters:
    ///   - before: the fit with no credential.
    ///   - steps: the credentials in earn order.
    init(before: Double, steps: [Step], axis: Axis, target: Double?) {
        axisName = axis.rawValue
        axisLabelX = fmt((left + right) / 2)
        axisLabelY = fmt(bottom + 38)
        midY = fmt((top + bottom) / 2)
        axisTitle = switch axis {
        case .cost: "cumulative cost (US$)"
        case .hours: "cumulative hours"
        case .credentials: "credentials earned"
        }
        unknownAmounts = axis != .credentials && steps.contains { $0.amount == nil }
        var cumulative: [Double] = [0]
        for step in steps { cumulative.append((cumulative.last ?? 0) + (axis == .credentials ? 1 : max(step.amount ?? 0, 0))) }
        let fits = [before] + steps.map(\.fit)
        let total = cumulative.last ?? 0
        let xMax = Self.niceCeiling(total)
        let shown = fits + (target.map { [$0] } ?? [])
        var yMin = ((shown.min() ?? 0) * 10).rounded(.down) / 10
        var yMax = ((shown.max() ?? 1) * 10).rounded(.up) / 10
        if yMax - yMin < 0.1 { yMax = min(1, yMin + 0.1); yMin = yMax - 0.1 }
        yMin = max(0, yMin)
        let (left, right, top, bottom) = (self.left, self.right, self.top, self.bottom)
        let xOf = { (v: Double) in left + (right - left) * v / xMax }
        let yOf = { (v: Double) in bottom - (bottom - top) * (v - yMin) / (yMax - yMin) }
        let format: (Double) -> String = switch axis {
        case .cost: { WebFormat.money($0) }
        case .hours: { WebFormat.hours($0) }
        case .credentials: { WebFormat.grouped($0) }
        }

        points = fits.indices.map { k in
            let x = xOf(cumulative[k]), y = yOf(fits[k])
            let caption = k == 0
                ? "Now: fit \(WebFormat.score(fits[0]))"
                : "After \(k). \(steps[k - 1].name): fit \(WebFormat.score(fits[k]))" + (axis == .credentials ? "" : ", \(format(cumulative[k])) spent")
            return Point(
                x: fmt(x), y: fmt(y), labelY: fmt(y - 10), anchor: k == 0 ? "start" : (k == fits.count - 1 ? "end" : "middle"),
                fit: WebFormat.score(fits[k]), amount: WebFormat.input(cumulative[k]), short: k == 0 ? "now" : "\(k)", caption: caption)
        }
        var path = "\(fmt(xOf(0))),\(fmt(yOf(fits[0])))"
        for k in fits.indices.dropFirst() {
            path += " \(fmt(xOf(cumulative[k]))),\(fmt(yOf(fits[k - 1]))) \(fmt(xOf(cumulative[k]))),\(fmt(yOf(fits[k])))"
        }
        self.path = path
        xTicks = (0...4).map { i in
            let value = xMax * Double(i) / 4
            return Tick(x: fmt(xOf(value)), label: format(value), labelY: fmt(bottom + 18), anchor: i == 4 ? "end" : "middle", top: fmt(top), bottom: fmt(bottom))
        }
        yTicks = (0...4).map { i in
            let value = yMin + (yMax - yMin) * Double(i) / 4
            return Tick(y: fmt(yOf(value)), label: String(format: "%.3f", value), labelX: fmt(left - 6), labelY: fmt(yOf(value) + 4),
                        left: fmt(left), right: fmt(right))
        }
        targetLine = target.map { TargetLine(y: fmt(yOf($0)), labelY: fmt(yOf($0) - 6), label: WebFormat.score($0)) }
        let count = steps.count
        description = "Fit rises from \(WebFormat.score(before)) to \(WebFormat.score(fits.last ?? before)) over \(count) credential\(count == 1 ? "" : "s")"
            + (axis == .credentials ? "." : " totalling \(format(total)).")
    }

    /// The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ at least `value` (1 for 0).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let power = pow(10, (log10(value)).rounded(.down))
        for factor in [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where factor * power >= value * (1 - 1e-12) { return factor * power }
        return 10 * power
    }
}

/// A coordinate with one decimal.
private func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
