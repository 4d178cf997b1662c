/// ISO 8601 durations (`PT40H`, `P3M`, `P1Y2M10DT2H30M`, `P10W`) read as hours of full-time study.
///
/// Calendar units become hours at full-time rates: a day is 8 hours, a week 40, a year 2,080 (52 weeks of 40
/// hours) and a month a twelfth of a year (173⅓ hours). Hours, minutes and seconds count as they are. Numbers may
/// have a decimal part (`P1.5D`, with `.` or `,`). The result is rounded to the nearest hundredth of an hour.
/// For a part-time programme this is an upper bound on the hours of study, as CTDL publishes elapsed time.
public enum ISODuration {
    /// Hours per unit, full time.
    static let hoursPerYear = 2080.0, hoursPerMonth = 2080.0 / 12, hoursPerWeek = 40.0, hoursPerDay = 8.0

    /// The hours a duration stands for, or `nil` when the text is not an ISO 8601 duration.
    public static func hours(_ text: String) -> Double? {
        var rest = Substring(text.trimmed.uppercased())
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var total = 0.0
        var inTime = false
        var components = 0
        // Designators in the order they must appear, before and after `T`.
        var dateOrder: [Character] = ["Y", "M", "W", "D"]
        var timeOrder: [Character] = ["H", "M", "S"]
        while let first = rest.first {
            if first == "T" {
                guard !inTime else { return nil }
                inTime = true
                rest = rest.dropFirst()
                guard !rest.isEmpty else { return nil }
                continue
            }
            let digits = rest.prefix { $0.isNumber || $0 == "." || $0 == "," }
            guard !digits.isEmpty, let value = Double(String(digits).replacing(",", with: ".")), value.isFinite else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = rest.first else { return nil }
            rest = rest.dropFirst()
            if inTime {
                guard let position = timeOrder.firstIndex(of: unit) else { return nil }
                timeOrder.removeFirst(position + 1)
                total += value * (unit == "H" ? 1 : unit == "M" ? 1.0 / 60 : 1.0 / 3600)
            } else {
                guard let position = dateOrder.firstIndex(of: unit) else { return nil }
                dateOrder.removeFirst(position + 1)
                total += value * (unit == "Y" ? hoursPerYear : unit == "M" ? hoursPerMonth : unit == "W" ? hoursPerWeek : hoursPerDay)
            }
            components += 1
        }
        guard components > 0 else { return nil }
        return (total * 100).rounded() / 100
    }
}
