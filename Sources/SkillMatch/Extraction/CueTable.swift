/// The cue words and phrases of ``ExtractionCues`` as word ids of the extractor's vocabulary: one bit set per
/// word, and phrases as id sequences (articles left out) indexed by their first word.
struct CueTable: Sendable {
    /// Bits of ``flags``.
    enum Flag {
        static let before: UInt16 = 1
        static let beforeWeak: UInt16 = 2
        static let after: UInt16 = 4
        static let conjunction: UInt16 = 8
        static let article: UInt16 = 16
        static let equalOpportunity: UInt16 = 32
        static let offer: UInt16 = 64
        static let requirement: UInt16 = 128
        static let jobHeader: UInt16 = 256
        static let phraseStart: UInt16 = 512
        static let afterWeak: UInt16 = 1024
    }

    /// The kinds of phrase.
    enum PhraseKind: Int, CaseIterable {
        case equalOpportunity, offer, header
    }

    /// Word id → flag bits (ids past the end have none).
    private(set) var flags: [UInt16] = []
    /// Phrases by kind, each a sequence of word ids.
    private(set) var phrases: [[[Int32]]] = Array(repeating: [], count: PhraseKind.allCases.count)
    /// First word id → (kind, phrase index).
    private(set) var phrasesByFirst: [Int32: [(Int, Int)]] = [:]

    /// Adds every cue word to `vocabulary` and records its flags.
    init(vocabulary: inout TokenVocabulary) {
        var bits: [Int32: UInt16] = [:]
        func ids(_ text: String) -> [Int32] {
            var tokens: [TextToken] = []
            var scratch: [UInt8] = []
            var result: [Int32] = []
            var bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { p in
                TextTokenizer.tokenize(p, into: &tokens)
                for token in tokens {
                    LabelIndex.normalize(UnsafeBufferPointer(rebasing: p[Int(token.byteStart) ..< Int(token.byteEnd)]), into: &scratch)
                    if ExtractionCues.articles.contains(where: { $0.utf8.elementsEqual(scratch) }) { continue }
                    result.append(vocabulary.insert(scratch))
                }
            }
            bytes.removeAll()
            return result
        }
        func mark(_ words: [String], _ flag: UInt16) {
            for word in words { for id in ids(word) { bits[id, default: 0] |= flag } }
        }
        mark(ExtractionCues.before, Flag.before)
        mark(ExtractionCues.beforeWeak, Flag.beforeWeak)
        mark(ExtractionCues.after, Flag.after)
        mark(ExtractionCues.afterWeak, Flag.afterWeak)
        mark(ExtractionCues.conjunctions, Flag.conjunction)
        mark(ExtractionCues.equalOpportunityWords, Flag.equalOpportunity)
        mark(ExtractionCues.offerWords, Flag.offer)
        mark(ExtractionCues.requirementWords, Flag.requirement)
        mark(ExtractionCues.jobHeaderWords, Flag.jobHeader)
        // Articles are marked by their own forms (they are left out of phrases).
        for article in ExtractionCues.articles { bits[vocabulary.insert(Array(article.utf8)), default: 0] |= Flag.article }
        for (kind, list) in [(PhraseKind.equalOpportunity, ExtractionCues.equalOpportunityPhrases),
                             (.offer, ExtractionCues.offerPhrases), (.header, ExtractionCues.boilerplateHeaders)] {
            for phrase in list {
                let sequence = ids(phrase)
                guard let first = sequence.first else { continue }
                phrasesByFirst[first, default: []].append((kind.rawValue, phrases[kind.rawValue].count))
                phrases[kind.rawValue].append(sequence)
                bits[first, default: 0] |= Flag.phraseStart
            }
        }
        flags = [UInt16](repeating: 0, count: vocabulary.count)
        for (id, flag) in bits { flags[Int(id)] = flag }
    }

    /// The flags of a word id (none for unknown words).
    @inline(__always)
    func flags(_ id: Int32) -> UInt16 { id >= 0 && Int(id) < flags.count ? flags[Int(id)] : 0 }

    /// Whether a phrase of `kind` starts at token `i` (articles skipped), within `i ..< end`.
    func phrase(_ kind: PhraseKind, at i: Int, in tokens: [TextToken], end: Int) -> Bool {
        guard let starts = phrasesByFirst[tokens[i].id] else { return false }
        for (k, index) in starts where k == kind.rawValue {
            let sequence = phrases[k][index]
            var j = i
            var matched = true
            for (position, word) in sequence.enumerated() {
                if position > 0 {
                    j += 1
                    while j < end && flags(tokens[j].id) & Flag.article != 0 { j += 1 }
                }
                if j >= end || tokens[j].id != word { matched = false; break }
            }
            if matched { return true }
        }
        return false
    }
}
