import Foundation

/// Keyword matching shared by the finders: every keyword must match a word, or the start of a word, of one of a
/// record's weighted fields, case and accents ignored. A record's relevance is the sum over keywords of the best
/// field weight (a prefix match counts half).
struct KeywordIndex: Sendable {
    /// One record's fields: a name, a weight and the words.
    typealias Fields = [(name: String, weight: Double, words: Set<String>)]

    private let records: [Fields]

    init(_ records: [Fields]) { self.records = records }

    /// Each matching record with its relevance and the fields that matched (in field order); all records, with
    /// relevance 0, when there are no keywords.
    func matches(_ text: String) -> [(index: Int, relevance: Double, matchedIn: [String])] {
        // Each keyword once, in its singular form (records hold both forms of their words).
        let keywords = Set(Self.words(text).map(TextTerms.singular)).sorted()
        return records.indices.compactMap { index in
            Self.relevance(of: records[index], keywords: keywords).map { (index, $0.0, $0.1) }
        }
    }

    private static func relevance(of fields: Fields, keywords: [String]) -> (Double, [String])? {
        var total = 0.0
        var matched = Set<String>()
        for keyword in keywords {
            var best = 0.0
            for field in fields {
                let weight: Double
                if field.words.contains(keyword) {
                    weight = field.weight
                } else if field.words.contains(where: { $0.hasPrefix(keyword) }) {
                    weight = field.weight / 2
                } else {
                    continue
                }
                matched.insert(field.name)
                best = max(best, weight)
            }
            guard best > 0 else { return nil }
            total += best
        }
        return (total, fields.map(\.name).filter(matched.contains))
    }

    /// Lower-cased, accent-free text.
    static func normalized(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Words of a text: runs of letters, digits, `+` and `#` (so `A+`, `C++` and `C#` stay words), each also in
    /// its singular form (``TextTerms``: `paramedics` is found by `paramedic`, and `paramedics` finds `paramedic`).
    static func words(_ text: String) -> Set<String> {
        var words = Set<String>()
        var current = ""
        func end() {
            guard !current.isEmpty else { return }
            words.insert(current)
            words.insert(TextTerms.singular(current))
            current = ""
        }
        for character in normalized(text) {
            if character.isLetter || character.isNumber || character == "+" || character == "#" {
                current.append(character)
            } else {
                end()
            }
        }
        end()
        return words
    }
}
