import Foundation

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
    /// For a title matched by meaning (``SemanticTitles``): the catalogue title nearest to it; `nil` when matched
    /// word for word. ``title`` is then the title as the document writes it.
    public var nearestTitle: String? = nil
    /// For a title matched by meaning: the cosine similarity of the written and the nearest title.
    public var similarity: Double? = nil
}

/// Finds the job titles a document names and matches them to the catalogue's titles, word for word.
///
/// A title is found when a run of words of a line (``TextTerms``: normalised, stop words dropped, never across
/// punctuation) equals the words of a job's title, alternate, reported or hidden title. Longest matches win, and
/// matches do not overlap. Titles count on a line of at most 8 words (a heading such as `ELECTRICIAN, Acme Corp` or
/// `Staff Nurse | 2019 – 2023`) or at the very start of a line (`Registered nurse with 8 years of ...`), never inside
/// a sentence ("worked with a data scientist") nor on a bullet point (duties, not jobs held). A one-word title needs
/// at least 4 letters and must stand alone between punctuation (`Electrician | Acme`) or open the line, so that
/// `The Copper Fork` (a restaurant) is not the title "Copper".
/// Where a title belongs to several jobs, each gets a share (see ``DocumentEvidence``).
public struct TitleIndex: Sendable {
    /// Normalised title words joined by spaces → (title as written, jobs using it).
    private let titles: [String: (title: String, jobs: [Int], shownIsAlternate: Bool)]
    /// Every run of leading words of a title (`data`, `data science` for `data science manager`): a match is
    /// extended only while the words so far begin some title.
    private let prefixes: Set<String>

    /// An index from its stored parts (``DocumentIndexes``, checked there).
    init(titles: [String: (title: String, jobs: [Int], shownIsAlternate: Bool)], prefixes: Set<String>) {
        self.titles = titles
        self.prefixes = prefixes
    }

    /// The normalised titles and what each gives (for ``DocumentIndexes``).
    var titleEntries: [String: (title: String, jobs: [Int], shownIsAlternate: Bool)] { titles }
    /// The runs of leading words of titles (for ``DocumentIndexes``).
    var titlePrefixes: Set<String> { prefixes }

    /// Indexes every title of every job.
    public init(catalog: Catalog) {
        var titles: [String: (title: String, jobs: [Int], shownIsAlternate: Bool)] = [:]
        var prefixes = Set<String>()
        for (index, job) in catalog.jobs.enumerated() {
            let hiddenFrom = 1 + job.alternateTitles.count
            let ownWords = Set(TextTerms.runs(job.title).joined())
            for (position, written) in ([job.title] + job.alternateTitles + job.hiddenTitles).enumerated() {
                // A hidden title finds the job but is never shown: the job's title stands for it.
                let title = position >= hiddenFrom ? job.title : written
                for form in Self.forms(of: written) {
                let runs = TextTerms.runs(form)
                guard runs.count == 1, let words = runs.first, !words.isEmpty else { continue }
                // A one-word title is one of the job's own title words ("Cook" of "Cooks, Restaurant"), written as
                // one word ("IS Consultant" is not "Consultant"), and no generic role word ("Owner" is a reported
                // title of Urologists).
                if words.count == 1 {
                    let writtenWords = form.split { $0.isWhitespace || $0 == "-" || $0 == "/" }.count
                    guard writtenWords == 1, ownWords.contains(words[0]), !Self.genericRoles.contains(words[0]) else { continue }
                }
                let key = words.joined(separator: " ")
                var prefix = ""
                for word in words.dropLast() {
                    prefix += prefix.isEmpty ? word : " " + word
                    prefixes.insert(prefix)
                }
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
        }
        self.titles = titles
        self.prefixes = prefixes
    }

    /// The titles a text names, in document order.
    /// - Parameter asOfYear: what `Present` means (see ``held(lines:runs:asOfYear:)``).
    public func held(in text: String, asOfYear: Int? = nil) -> [HeldTitle] {
        let lines = Self.lines(text)
        return held(lines: lines, runs: lines.map(TextTerms.runs), asOfYear: asOfYear)
    }

    /// A document's lines (LF, CRLF, CR and other line breaks), each without e-mail addresses and web addresses
    /// (`jane.cook@example.com` names no title Cook).
    public static func lines(_ text: String) -> [String] {
        // Cut on the UTF-8 bytes (LF, CR, CRLF as one break): Character-level splitting costs more than the rest.
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var start = 0
        var index = 0
        func take(_ end: Int) {
            let line = bytes[start ..< end]
            var hasAddress = false  // "@", "://" or "www." (any case)
            var position = line.startIndex
            while position < line.endIndex && !hasAddress {
                let byte = line[position]
                if byte == 0x40 { hasAddress = true }
                if byte == 0x3A, position + 2 < line.endIndex, line[position + 1] == 0x2F, line[position + 2] == 0x2F { hasAddress = true }
                if byte | 0x20 == 0x77, position + 3 < line.endIndex, line[position + 1] | 0x20 == 0x77,
                   line[position + 2] | 0x20 == 0x77, line[position + 3] == 0x2E { hasAddress = true }
                position += 1
            }
            var text = String(decoding: line, as: UTF8.self)
            if hasAddress {
                text = text.split(separator: " ", omittingEmptySubsequences: false)
                    .filter { !($0.contains("@") || $0.contains("://") || $0.lowercased().hasPrefix("www.")) }
                    .joined(separator: " ")
            }
            lines.append(text)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                take(index)
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        take(bytes.count)
        return lines
    }

    /// The number of words of a line separated by spaces or tabs, counted up to 9 (a heading has at most 8), and its
    /// first such word.
    static func shape(_ line: String) -> (words: Int, first: Substring.UTF8View.SubSequence?) {
        var words = 0
        var first: Substring.UTF8View.SubSequence?
        let utf8 = Substring(line).utf8
        var wordStart: Substring.UTF8View.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || byte == 0x09 {
                if let begin = wordStart {
                    if first == nil { first = utf8[begin ..< index] }
                    words += 1
                    wordStart = nil
                    if words > 8 { return (words, first) }
                }
            } else if wordStart == nil {
                wordStart = index
            }
            index = utf8.index(after: index)
        }
        if let begin = wordStart {
            if first == nil { first = utf8[begin ..< utf8.endIndex] }
            words += 1
        }
        return (words, first)
    }

    /// Words of resume section headings.
    static let sectionWords: Set<String> = [
        "education", "experience", "work", "employment", "professional", "history", "career", "skill", "technical",
        "core", "key", "competency", "summary", "profile", "objective", "overview", "about", "certification", "license",
        "licence", "credential", "training", "course", "coursework", "project", "award", "honor", "achievement",
        "accomplishment", "highlight", "publication", "language", "interest", "hobby", "activity", "volunteer",
        "reference", "contact", "information", "personal", "detail", "additional", "qualification", "strength",
        "relevant", "selected", "other",
    ]

    /// Role words too generic to name an occupation on their own.
    static let genericRoles: Set<String> = [
        "owner", "founder", "president", "partner", "principal", "director", "manager", "supervisor", "lead", "head",
        "chief", "executive", "officer", "consultant", "advisor", "adviser", "specialist", "analyst", "associate",
        "assistant", "coordinator", "administrator", "representative", "agent", "technician", "engineer", "designer",
        "worker", "helper", "operator", "clerk", "intern", "trainee", "apprentice", "volunteer", "staff", "member",
        "employee", "contractor", "freelancer", "professional", "expert", "leader", "generalist",
    ]

    /// The titles named by a text's lines, given each line's runs of words (``TextTerms/runs(_:)``).
    /// - Parameter asOfYear: the year an open range (`2019 – Present`) ends: the later of this and the latest year
    ///   the document names; `nil` for the latest year the document names, so that the result depends on the text
    ///   alone.
    public func held(lines: [String], runs lineRuns: [[[String]]], asOfYear: Int? = nil) -> [HeldTitle] {
        precondition(lineRuns.count == lines.count, "one list of runs per line")
        // Years after the as-of year are no dates of this document (a phone number such as 555-2099).
        let named = lines.lazy.compactMap { DurationParser.latestYear(in: $0, notAfter: asOfYear) }.max()
        let present = [named, asOfYear].compactMap { $0 }.max()
        var found: [HeldTitle] = []
        for (number, line) in lines.enumerated() {
            // A bullet point lists duties, not a job held; a section heading ("EDUCATION", "Work Experience") neither.
            guard !Self.isBullet(line) else { continue }
            let runs = lineRuns[number]
            guard !runs.joined().allSatisfy(Self.sectionWords.contains) else { continue }
            var years: Double?? = .none
            let (wordCount, firstWord) = Self.shape(line)
            let heading = wordCount <= 8
            // The line's first word as written ("The" in "The Copper Fork" is no title word).
            let opening = firstWord.flatMap { TextTerms.runs(String(Substring($0))).first?.first }
            // Inside a sentence only the line's first words can be a title.
            for run in heading ? runs : Array(runs.prefix(1)) {
                var start = 0
                while start < (heading ? run.count : min(run.count, 1)) {
                    // The longest title starting at this word: extend while the words so far begin some title.
                    var best: (length: Int, entry: (title: String, jobs: [Int], shownIsAlternate: Bool))?
                    var key = ""
                    for length in 1 ... run.count - start {
                        key += length == 1 ? run[start] : " " + run[start + length - 1]
                        // A one-word title stands alone (`Electrician | Acme`, `COOK, Diner`) or opens the line.
                        let alone = length > 1 || (key.count >= 4 && (run.count == 1 || (start == 0 && run == runs[0] && key == opening)))
                        if let entry = titles[key], alone { best = (length, entry) }
                        guard prefixes.contains(key) else { break }
                    }
                    guard let best else {
                        start += 1
                        continue
                    }
                    if years == nil {
                        let next = number + 1 < lines.count ? lines[number + 1] : ""
                        years = .some(DurationParser.years(in: line, present: present) ?? DurationParser.years(in: next, present: present))
                    }
                    found.append(HeldTitle(title: best.entry.title, line: number + 1, years: years ?? nil, jobs: best.entry.jobs))
                    start += best.length
                }
            }
        }
        return found
    }
}

extension TitleIndex {
    /// Lines that look like a job held but name no catalogue title word for word: not a bullet or a section heading,
    /// a date range or duration on the line or the next, and no title in `held`. The title text is the line up to
    /// the first separator (`|`, `,`, `;`, `(`, a tab, a spaced dash, ` at `, ` @ `) or digit: 1 to 8 words with at
    /// least one letter. `years` as ``held(lines:runs:asOfYear:)`` reads it.
    public func untitledJobLines(lines: [String], asOfYear: Int? = nil, held: [HeldTitle]) -> [(line: Int, text: String, years: Double)] {
        let named = lines.lazy.compactMap { DurationParser.latestYear(in: $0, notAfter: asOfYear) }.max()
        let present = [named, asOfYear].compactMap { $0 }.max()
        let titled = Set(held.map(\.line))
        var result: [(line: Int, text: String, years: Double)] = []
        for (number, line) in lines.enumerated() where !titled.contains(number + 1) && !Self.isBullet(line) {
            let runs = TextTerms.runs(line)
            guard !runs.isEmpty, !runs.joined().allSatisfy(Self.sectionWords.contains) else { continue }
            let next = number + 1 < lines.count ? lines[number + 1] : ""
            guard let years = DurationParser.years(in: line, present: present) ?? DurationParser.years(in: next, present: present)
            else { continue }
            var text = line.trimmingCharacters(in: .whitespaces)
            for separator in ["|", ",", ";", "(", "\t", " - ", " – ", " — ", " at ", " @ ", "**"] {
                if let range = text.range(of: separator), range.lowerBound > text.startIndex { text = String(text[..<range.lowerBound]) }
            }
            if let digit = text.firstIndex(where: \.isNumber) { text = String(text[..<digit]) }
            text = text.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters).union(.symbols))
            guard text.contains(where: \.isLetter), Self.shape(text).words <= 8 else { continue }
            result.append((number + 1, text, years))
        }
        return result
    }

    /// The forms a title is written in: itself; with a parenthetical, the text outside it and the text inside it
    /// (`CNC Machinist (Computer Numerical Control Machinist)`); and a form `A, B` also as `B A` (`Cooks, Restaurant`
    /// → `Restaurant Cooks`). Forms that still hold punctuation are not matched.
    static func forms(of title: String) -> [String] {
        var forms = [title]
        if let open = title.firstIndex(of: "("), let close = title[open...].firstIndex(of: ")") {
            forms.append(String(title[..<open]) + String(title[title.index(after: close)...]))
            // The inside is a title when it is a name of several words (an expansion such as "Computer Numerical
            // Control Machinist"), not a one-word qualifier (ESCO's "wellfare officer (education)").
            let inside = title[title.index(after: open) ..< close].split(separator: " ")
            if inside.count > 1 { forms.append(inside.joined(separator: " ")) }
        }
        for form in forms {
            let parts = form.split(separator: ",", omittingEmptySubsequences: false)
            if parts.count == 2 { forms.append(parts[1] + " " + parts[0]) }
        }
        return forms
    }

    /// Whether a line is a bullet point: after spaces, it starts with `•`, `·`, `▪`, `◦`, `‣`, `►` or `✓`, or with
    /// `-`, `*`, `+`, `–`, `—` or `o` followed by a space (so markdown bold, `**Title**`, is not one).
    static func isBullet(_ line: String) -> Bool {
        let trimmed = line.drop { $0.isWhitespace }
        guard let first = trimmed.first else { return false }
        if "•·▪◦‣►✓".contains(first) { return true }
        guard "-*+–—o".contains(first) else { return false }
        return trimmed.dropFirst().first?.isWhitespace ?? false
    }
}

/// Reads how long something was held from a line: a year range or a stated duration.
enum DurationParser {
    /// The latest plausible year (1950–2100) a text mentions: what `Present` means for that document, so the result
    /// does not depend on the day it is read.
    static func latestYear(in text: String, notAfter limit: Int? = nil) -> Int? {
        years(of: text).filter { $0 <= (limit ?? Int.max) }.max()
    }

    /// Four-digit years from 1950 to 2100 in a text.
    private static func years(of text: String) -> [Int] {
        var result: [Int] = []
        var (value, digits) = (0, 0)
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                value = digits < 5 ? value * 10 + Int(byte - 0x30) : value
                digits += 1
            } else {
                if digits == 4, (1950...2100).contains(value) { result.append(value) }
                (value, digits) = (0, 0)
            }
        }
        if digits == 4, (1950...2100).contains(value) { result.append(value) }
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
        let ongoing = lower.contains("to date") || words.contains { ["present", "current", "currently", "now", "today", "ongoing"].contains($0.filter { $0 != "." }) }
        let end = ongoing ? max(present ?? first, found.last ?? first) : (found.count > 1 ? found.last : nil)
        guard let end, end >= first else { return nil }
        return max(Double(end - first), 0.5)
    }
}
