import Foundation
import SkillMatch

/// Reads O*NET `Education, Training, and Experience.txt` (with its `… Categories.txt` labels) into each
/// occupation's ``JobPreparation``.
///
/// For each of the four questions (RL required education, RW related experience, PT on-site training, OJ
/// on-the-job training), O*NET reports the percentage of respondents who chose each category. The job keeps the
/// category chosen most often (ties: the lower category), its label (up to the first " - ", so "Post-Secondary
/// Certificate - awarded for …" reads "Post-Secondary Certificate") and its share. Rows O*NET flags Recommend
/// Suppress are kept: the flag marks a percentage with a wide confidence interval, and leaving such rows out would
/// often drop the most common answer itself (15-1232.00: Bachelor's Degree, 47%, is flagged) and report a rare one.
enum OnetPreparationFile {
    /// Preparation by occupation, or none when the file is absent.
    static func read(_ path: String, categories labelsPath: String) throws(InputError) -> [String: JobPreparation] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let labels = try readLabels(labelsPath)
        let file = try TabularFile.read(path: path)
        let code = try file.column("O*NET-SOC Code")
        let scale = try file.column("Scale ID")
        let category = try file.column("Category")
        let value = try file.column("Data Value")

        // occupation → scale → (category, percent) with the highest percent so far.
        var best: [String: [String: (category: Int, percent: Double)]] = [:]
        for row in file.rows {
            let fields = row.fields
            guard let scaleID = TabularFile.value(fields[scale])?.uppercased(), ["RL", "RW", "PT", "OJ"].contains(scaleID) else { continue }
            guard let occupation = TabularFile.value(fields[code]) else {
                throw InputError(file: path, line: row.line, message: "column \"O*NET-SOC Code\" is empty")
            }
            guard let categoryText = TabularFile.value(fields[category]), let number = Int(categoryText), number > 0 else {
                throw InputError(file: path, line: row.line, message: "column \"Category\": expected a category number")
            }
            guard let percentText = TabularFile.value(fields[value]) else { continue }
            guard let percent = DecimalText.number(percentText), percent.isFinite, percent >= 0, percent <= 100.0001 else {
                throw InputError(file: path, line: row.line, message: "column \"Data Value\": \"\(percentText)\" is not a percentage")
            }
            let current = best[String(occupation), default: [:]][scaleID]
            if current == nil || percent > current!.percent || (percent == current!.percent && number < current!.category) {
                best[String(occupation), default: [:]][scaleID] = (number, percent)
            }
        }
        var result: [String: JobPreparation] = [:]
        for (occupation, byScale) in best {
            func answer(_ scaleID: String) -> PreparationCategory? {
                guard let chosen = byScale[scaleID], chosen.percent > 0 else { return nil }
                let label = labels[scaleID + "\u{0}" + String(chosen.category)] ?? "category \(chosen.category)"
                return PreparationCategory(category: chosen.category, label: label, share: min(chosen.percent / 100, 1))
            }
            let preparation = JobPreparation(
                education: answer("RL"), relatedExperience: answer("RW"), onSiteTraining: answer("PT"), onTheJobTraining: answer("OJ"))
            if !preparation.isEmpty { result[occupation] = preparation }
        }
        return result
    }

    /// Category labels by "scale\0category", or none when the file is absent.
    private static func readLabels(_ path: String) throws(InputError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let file = try TabularFile.read(path: path)
        let (scale, category, description) = (try file.column("Scale ID"), try file.column("Category"), try file.column("Category Description"))
        var labels: [String: String] = [:]
        for row in file.rows {
            if let scaleID = TabularFile.value(row.fields[scale]), let number = TabularFile.value(row.fields[category]),
                let text = TabularFile.value(row.fields[description])
            {
                // "High School Diploma - or the equivalent (for example, GED)" → "High School Diploma".
                let short = text.range(of: " - ").map { text[..<$0.lowerBound] } ?? text
                labels[scaleID.uppercased() + "\u{0}" + String(number)] = String(short)
            }
        }
        return labels
    }
}
