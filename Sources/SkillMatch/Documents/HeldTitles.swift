/// A job title a document shows the person held, matched to the catalogue's jobs.
public struct HeldTitle: Sendable, Hashable {
    /// The title as the catalogue writes it: a job's title when one gives the same words, else the shortest alternate,
    /// reported or hidden title that does.
    public var title: String
    /// The line of the document it is on, from 1.
    public var line: Int
    /// Years held, from a date range or a duration on that line or the next (`2019 – 2023`, `Jan 2020 - Present`,
    /// `24 months`); `nil` when none is written.
    public var years: Double?
    /// The jobs (indices in ``Catalog/jobs``) that use this title, in index order.
    public var jobs: [Int]
}

/// Finds the job titles a document names and matches them to the catalogue's titles, word for word.
///
/// A title is found when a run of words of a line (``TextTerms``: normalised, stop words dropped, never across
/// punctuation) equals the words of a job's title, alternate, reported or hidden title. Longest matches win, and
/// matches do not overlap. Titles count on a line of at most 8 words (a heading such as `ELECTRICIAN, Acme Corp` or
/// `Staff Nurse | 2019 – 2023`) or at the very start of a line (`Registered nurse with 8 years of ...`), never inside
/// a sentence ("worked with a data scientist"); a one-word title needs at least 4 letters.
/// Where a title belongs to several jobs, each gets a share (see ``DocumentEvidence``).
public struct TitleIndex: Sendable {
    /// Normalised title words joined by spaces → (title as written, jobs using it).
    private let titles: [String: (title: String, jobs: [Int], shownIsAlternate: Bool)]
    /// The most words of any title.
    private let longest: Int

    /// Indexes every title of every job.
    public init(catalog: Catalog) {
        var titles: [String: (title: String, jobs: [Int], shownIsAlternate: Bool)] = [:]
        var longest = 1
        for (index, job) in catalog.jobs.enumerated() {
            let hiddenFrom = 1 + job.alternateTitles.count
            for (position, written) in ([job.title] + job.alternateTitles + job.hiddenTitles).enumerated() {
                // A hidden title finds the job but is never shown: the job's title stands for it.
                let title = position >= hiddenFrom ? job.title : written
                let runs = TextTerms.runs(written)
                guard runs.count == 1, let words = runs.first, !words.isEmpty else { continue }
                let key = words.joined(separator: " ")
                longest = max(longest, words.count)
                if var entry = titles[key] {
                    if entry.jobs.last != index { entry.jobs.append(index) }
                    // The title shown is a job's own title when one is, else the shortest that gives the key.
                    if position == 0 || (title.count < entry.title.count && entry.shownIsAlternate) {
                        entry.title = title
                        entry.shownIsAlternate = position != 0
                    }
                    titles[key] = entry
                } else {
                    titles[key] = (title, [index], position != 0)
                }
            }
        }
        self.titles = titles
        self.longest = longest
    }

    /// The titles a text names, in document order.
    public func held(in text: String) -> [HeldTitle] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let present = DurationParser.latestYear(in: text)
        var found: [HeldTitle] = []
        for (number, line) in lines.enumerated() {
            let runs = TextTerms.runs(line)
            let wordCount = runs.reduce(0) { $0 + $1.count }
            var years: Double?? = .none
            let heading = wordCount <= 8
            for (runIndex, run) in runs.enumerated() {
                var start = 0
                while start < run.count {
                    var matched = 0
                    for length in stride(from: min(longest, run.count - start), through: 1, by: -1) {
                        let key = run[start ..< start + length].joined(separator: " ")
                        guard let entry = titles[key] else { continue }
                        guard heading || (runIndex == 0 && start == 0), length > 1 || key.count >= 4 else { continue }
                        if years == nil {
                            let next = number + 1 < lines.count ? lines[number + 1] : ""
                            years = .some(DurationParser.years(in: line, present: present) ?? DurationParser.years(in: next, present: present))
                        }
                        found.append(HeldTitle(title: entry.title, line: number + 1, years: years ?? nil, jobs: entry.jobs))
                        matched = length
                        break
                    }
                    start += max(matched, 1)
                }
            }
        }
        return found
    }
}

/// Reads how long something was held from a line: a year range or a stated duration.
enum DurationParser {
    /// The latest plausible year (1950–2100) a text mentions: what `Present` means for that document, so the result
    /// does not depend on the day it is read.
    static func latestYear(in text: String) -> Int? {
        years(of: text).max()
    }

    /// Four-digit years from 1950 to 2100 in a text.
    private static func years(of text: String) -> [Int] {
        var result: [Int] = []
        var digits = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else {
                if digits.count == 4, let year = Int(digits), (1950...2100).contains(year) { result.append(year) }
                digits = ""
            }
        }
        return result
    }

    /// Years held according to one line: `N months` or `N years` written out, else the span from its first year to
    /// its last year (or to `present` when the line says Present, Current, Now or To date), at least half a year.
    static func years(in line: String, present: Int?) -> Double? {
        let lower = line.lowercased()
        let words = lower.split { !($0.isLetter || $0.isNumber || $0 == ".") }.map(String.init)
        for (index, word) in words.enumerated() where index > 0 {
            guard let number = Double(words[index - 1]), number > 0, number < 80 else { continue }
            if word.hasPrefix("month") || word == "mos" { return number / 12 }
            if word.hasPrefix("year") || word == "yrs" { return number }
        }
        let found = years(of: line)
        guard let first = found.first else { return nil }
        let ongoing = ["present", "current", "now", "today", "to date", "ongoing"].contains { lower.contains($0) }
        let end = ongoing ? max(present ?? first, found.last ?? first) : (found.count > 1 ? found.last! : nil)
        guard let end, end >= first else { return nil }
        return max(Double(end - first), 0.5)
    }
}
