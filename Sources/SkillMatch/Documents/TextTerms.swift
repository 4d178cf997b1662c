/// The terms a text is compared by when documents are matched to jobs: words and adjacent word pairs, normalised.
///
/// - Words are runs of letters, digits, `+` and `#` (`C++`, `C#` stay words), lower-cased with accents removed;
///   a possessive `'s` is dropped and plurals of letters-only words of 4 letters or more are made singular
///   (`analysts` → `analyst`, `technologies` → `technology`; words ending in `ss`, `us`, `is` are kept).
/// - Stop words (articles, pronouns, prepositions, auxiliaries and resume boilerplate such as `responsible`,
///   `duties`, `including`) are dropped; so are numbers and one-letter words other than `c` and `r`.
/// - Terms are the words and each pair of words adjacent in the text after stop words are dropped (`data scientist`),
///   never across a line break or punctuation other than `-`, `/`, `&`, `+`, `#`.
public enum TextTerms {
    /// The words of a text, in order, as runs: a new run starts at each line break or punctuation mark.
    /// - Complexity: O(length of the text); ASCII words never leave UTF-8 bytes until their normal form is made.
    public static func runs(_ text: String) -> [[String]] {
        var runs: [[String]] = []
        var run: [String] = []
        var bytes: [UInt8] = []  // the current word's bytes, ASCII lower-cased as they come
        var ascii = true
        func endWord() {
            guard !bytes.isEmpty else { return }
            if let normal = ascii ? normalizeASCII(&bytes) : normalize(String(decoding: bytes, as: UTF8.self)) { run.append(normal) }
            bytes.removeAll(keepingCapacity: true)
            ascii = true
        }
        func endRun() {
            endWord()
            if !run.isEmpty { runs.append(run); run.removeAll() }
        }
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            if byte < 0x80 {
                switch byte {
                case 0x61 ... 0x7A, 0x30 ... 0x39, 0x2B, 0x23, 0x27: bytes.append(byte)
                case 0x41 ... 0x5A: bytes.append(byte | 0x20)
                case 0x20, 0x09, 0x2D, 0x2F, 0x26: endWord()
                default: endRun()
                }
                continue
            }
            // A multi-byte scalar: gather its bytes, then decide by its properties.
            pending.removeAll(keepingCapacity: true)
            pending.append(byte)
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            while pending.count < length, let next = utf8.next() { pending.append(next) }
            let scalar = String(decoding: pending, as: UTF8.self).unicodeScalars.first ?? " "
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "’" {
                bytes.append(contentsOf: pending)
                ascii = false
            } else if properties.isWhitespace && scalar != "\u{2028}" && scalar != "\u{2029}" && scalar != "\u{85}" {
                endWord()
            } else {
                endRun()
            }
        }
        endRun()
        return runs
    }

    /// The normal form of an ASCII word already in lower case (see ``normalize(_:)``).
    private static func normalizeASCII(_ bytes: inout [UInt8]) -> String? {
        if bytes.count >= 2 && bytes[bytes.count - 1] == 0x73 && bytes[bytes.count - 2] == 0x27 { bytes.removeLast(2) }
        if bytes.contains(0x27) { bytes.removeAll { $0 == 0x27 } }
        guard let first = bytes.first, (first >= 0x61 && first <= 0x7A) || first == 0x23 || first == 0x2B else { return nil }
        if bytes.count == 1 && first != 0x63 && first != 0x72 { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let single = singular(text)
        if stopWords.contains(text) || stopWords.contains(single) { return nil }
        return single
    }

    /// A word's normal form, or `nil` for a stop word, a number or a stray symbol.
    public static func normalize(_ raw: String) -> String? {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = raw.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            return normalizeASCII(&bytes)
        }
        var text = raw.lowercased()
        if text.hasSuffix("'s") || text.hasSuffix("’s") { text.removeLast(2) }
        text.removeAll { $0 == "'" || $0 == "’" }
        text = text.folding(options: [.diacriticInsensitive], locale: nil)
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "#" || first == "+" else { return nil }
        if text.count == 1 && text != "c" && text != "r" { return nil }
        let single = singular(text)
        if stopWords.contains(text) || stopWords.contains(single) { return nil }
        return single
    }

    /// Each normal form of a text's words (``normalize(_:)``) with the first way the text writes it, in lower case
    /// (`panda` → `pandas`, `analytic` → `analytics`): for showing a document's terms as its author wrote them.
    public static func writtenForms(_ text: String) -> [String: String] {
        var forms: [String: String] = [:]
        let words = scalarWords(Substring(text)) { $0 == "+" || $0 == "#" || $0 == "'" || $0 == "’" }
        for word in words {
            guard let normal = normalize(String(word)), forms[normal] == nil else { continue }
            forms[normal] = word.lowercased()
        }
        return forms
    }

    /// A term (one word, or two separated by a space) as the document writes it, by ``writtenForms(_:)``.
    public static func written(_ term: String, forms: [String: String]) -> String {
        term.split(separator: " ").map { forms[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// The runs of a text's word scalars, in order: ASCII letters and digits, other scalars that are alphabetic or
    /// numeric (as ``runs(_:)`` decides), and those `extra` accepts. Unicode scalars, not characters: no grapheme
    /// breaking and no property lookup for ASCII, which most of a resume is.
    static func scalarWords(_ text: Substring, extra: (Unicode.Scalar) -> Bool) -> [Substring] {
        let scalars = text.unicodeScalars
        var words: [Substring] = []
        var start: String.Index?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let isWord: Bool
            if scalar.isASCII {
                let lower = UInt8(scalar.value) | 0x20
                isWord = ("0"..."9").contains(scalar) || (0x61...0x7A).contains(lower) || extra(scalar)
            } else {
                isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || extra(scalar)
            }
            if isWord {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(text[begun..<index])
                start = nil
            }
            scalars.formIndex(after: &index)
        }
        if let begun = start { words.append(text[begun...]) }
        return words
    }

    /// The singular of a plural letters-only word of 4 letters or more (`analysts` → `analyst`).
    static func singular(_ word: String) -> String {
        guard word.utf8.count >= 4, word.utf8.last == 0x73, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("ies") && word.utf8.count > 4 { return String(word.dropLast(3)) + "y" }
        for ending in ["sses", "ches", "shes", "xes"] where word.hasSuffix(ending) { return String(word.dropLast(2)) }
        return String(word.dropLast())
    }

    /// The terms of a text with their counts: words, and pairs of adjacent words within a run.
    public static func counts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for run in runs(text) { add(run, to: &counts) }
        return counts
    }

    /// Adds a run's words and adjacent pairs to `counts`.
    static func add(_ run: [String], to counts: inout [String: Int]) {
        for (index, word) in run.enumerated() {
            counts[word, default: 0] += 1
            if index > 0 { counts[run[index - 1] + " " + word, default: 0] += 1 }
        }
    }

    /// Words that carry no evidence of an occupation.
    static let stopWords: Set<String> = [
        "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "etc", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "its", "itself", "just",
        "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "out", "over", "own", "per", "same", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "within", "without", "would", "you", "your",
        // Resume and posting boilerplate.
        "responsible", "responsibility", "responsibilities", "duty", "duties", "including", "include", "various",
        "present", "current", "currently", "year", "month", "yr", "mo", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "resume", "curriculum", "vitae", "cv", "email", "phone",
        "linkedin", "com", "www", "http", "https", "reference", "available", "request",
    ]
}
