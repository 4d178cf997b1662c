import Foundation

/// How much context a label needs before a match of it is accepted.
enum LabelStrength: UInt8 {
    /// Accepted on its own: several words, or one word written as a name of 3 characters or more.
    case distinctive
    /// Needs a cue word or a listed neighbour: short names (`R`, `Go`), one-word preferred labels written in lower
    /// case (`communication`), bare names whose catalogue label carried a qualifier (`Chef` of
    /// `Chef (tools for software configuration management)`).
    case needsSupport
    /// Needs a cue word, weak or strong (a list is not enough): one-word preferred labels of a word common in the
    /// catalogue (`communication`), and bare names of qualified labels of such a word (`Source`).
    case needsCue
    /// Needs a strong cue word ("experience", "knowledge of", "skills"): one-word alternative and hidden labels
    /// written in lower case (`kanban`).
    case needsStrongCue
    /// Never accepted: a one-word alternative or hidden label of a word common in the catalogue (`design` as an
    /// alternative label of "think creatively", `current` of "electricity principles"): such labels name a broader
    /// or related idea far more often than the skill.
    case never
}

/// One matchable label sequence (a trie node that ends a label): the skill it names and the rules for accepting it.
struct LabelEntry: Sendable {
    /// Position of the winning skill in the catalogue's skill list.
    var skill: Int32
    /// The label shown (the preferred label for hidden ones).
    var label: String
    var kind: LabelKind
    /// Words in the label (articles left out).
    var words: Int
    var strength: LabelStrength
    /// How the one-word label is written in the catalogue (`.none` for longer labels).
    var shape: CaseShape
    /// Short names (1–2 characters) match only text written the same way or in capitals (`R`, not `r`).
    var exactCase: Bool
    /// Other skills sharing the label, best first.
    var alternatives: [Int32]
    /// A one-word label written in the plural (`securities`, `medicines`): it matches plural words only, since the
    /// singular is often another word.
    var plural: Bool = false
}

/// A trie over normalised words of every label of a catalogue, built once.
///
/// Two roots: node 0 starts labels by the primary form of their first word, node 1 by its verb form (so
/// "managing staff" reaches "manage staff"). Transitions from both roots are arrays indexed by word id; deeper
/// ones are one hash table keyed by (node, word).
struct LabelIndex: Sendable {
    var vocabulary = TokenVocabulary()
    private(set) var rootChildren: [[Int32]] = [[], []]
    private(set) var transitions: [UInt64: Int32] = [:]
    /// Node → entry index, or -1.
    private(set) var terminal: [Int32] = [-1, -1]
    private(set) var entries: [LabelEntry] = []
    private(set) var labelCount = 0

    /// One label of one skill reaching a node, before the winner is chosen.
    private struct Claim {
        var skill: Int32
        var kind: LabelKind
        var derived: Bool
        var written: String
        var shape: CaseShape
        var normalizedLength: Int
        var words: Int
        var firstWord: Int32
        /// The one word was written in the plural (its normal form is shorter than its lower-case form).
        var plural: Bool
        /// Words the label shares with the skill's preferred label.
        var shared: Int
    }

    /// An index from its stored parts (checked by the caller).
    init(vocabulary: TokenVocabulary, rootChildren: [[Int32]], transitions: [UInt64: Int32], terminal: [Int32],
         entries: [LabelEntry], labelCount: Int) {
        self.vocabulary = vocabulary
        self.rootChildren = rootChildren
        self.transitions = transitions
        self.terminal = terminal
        self.entries = entries
        self.labelCount = labelCount
    }

    init(skills: [Skill]) {
        var claims: [Int32: [Claim]] = [:]  // node → claims
        var tokens: [TextToken] = []
        var scratch: [UInt8] = []
        var rootMaps: [[Int32: Int32]] = [[:], [:]]
        let conjunctions = Set(ExtractionCues.conjunctions.map { vocabulary.insert(Array(($0 == "&" ? "and" : $0).utf8)) })
        var nodeCount: Int32 = 2
        // Every word of every label first, so that a derived noun ("management") counts as attested when any
        // label uses it.
        for skill in skills {
            for written in [skill.label] + skill.altLabels + skill.hiddenLabels {
                _ = words(of: written, tokens: &tokens, scratch: &scratch)
            }
        }

        for (position, skill) in skills.enumerated() {
            var labels: [(String, LabelKind)] = [(skill.label, .preferred)]
            labels += skill.altLabels.map { ($0, .alternative) }
            labels += skill.hiddenLabels.map { ($0, .hidden) }
            var preferredWords = Set<Int32>()
            for (written, kind) in labels {
                var variants = Self.variants(written)
                if skill.type == .skill && kind != .hidden, let nominal = nominalVariant(written) {
                    variants.append((nominal, true))
                }
                for (variant, derived) in variants {
                    let label = words(of: variant, tokens: &tokens, scratch: &scratch)
                    let ids = label.ids
                    if kind == .preferred && !derived { preferredWords.formUnion(ids) }
                    guard !ids.isEmpty else { continue }
                    // A label that starts or ends with a conjunction is a fragment of a broken label ("and
                    // procedures"), not a name: left out.
                    if ids.count > 1 && (conjunctions.contains(ids[0]) || conjunctions.contains(ids[ids.count - 1])) {
                        continue
                    }
                    labelCount += 1
                    let claim = Claim(
                        skill: Int32(position), kind: kind, derived: derived, written: written,
                        shape: ids.count == 1 ? label.shape : .none, normalizedLength: label.firstWord.count,
                        words: ids.count, firstWord: ids[0], plural: label.plural,
                        shared: ids.reduce(0) { $0 + (preferredWords.contains($1) ? 1 : 0) })
                    var roots: [(Int, Int32)] = [(0, ids[0])]
                    // The verb root serves labels of several words ("manage staff"), never one word alone, where
                    // it would confuse nouns (engineering, engineer).
                    if ids.count > 1, let verb = TokenNormalizer.verb(label.firstWord) {
                        roots.append((1, vocabulary.insert(verb)))
                    }
                    for (root, first) in roots {
                        var node: Int32
                        if let next = rootMaps[root][first] { node = next } else {
                            node = nodeCount
                            nodeCount += 1
                            rootMaps[root][first] = node
                        }
                        for id in ids.dropFirst() {
                            let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
                            if let next = transitions[key] { node = next } else {
                                transitions[key] = nodeCount
                                node = nodeCount
                                nodeCount += 1
                            }
                        }
                        claims[node, default: []].append(claim)
                    }
                }
            }
        }

        let common = Self.commonWords(skills, vocabulary: vocabulary)
        // Each node that ends a label: the winning skill, its alternatives and its strength.
        terminal = [Int32](repeating: -1, count: Int(nodeCount))
        for node in claims.keys.sorted() {
            // A label as written beats one matched without its qualifier; then preferred, alternative, hidden; then
            // the skill whose preferred label shares the most words with it; then the smallest id.
            let sorted = claims[node]!.sorted { a, b in
                (a.derived ? 1 : 0, a.kind.rank, -a.shared, a.skill) < (b.derived ? 1 : 0, b.kind.rank, -b.shared, b.skill)
            }
            let best = sorted[0]
            var alternatives: [Int32] = []
            for claim in sorted.dropFirst() where claim.skill != best.skill && !alternatives.contains(claim.skill) {
                alternatives.append(claim.skill)
            }
            let words = best.words
            var strength = LabelStrength.distinctive
            var exactCase = false
            if words == 1 {
                let nameLike = best.shape != .lower
                let isCommon = best.firstWord >= 0 && common[Int(best.firstWord)]
                if best.normalizedLength <= 2 {
                    strength = .needsSupport
                    exactCase = true
                } else if best.derived {
                    strength = isCommon ? .needsStrongCue : .needsSupport
                } else if nameLike {
                    // A capitalised common word (Access, Spark) is as ambiguous as the word.
                    strength = best.shape == .capitalized && isCommon ? .needsSupport : .distinctive
                } else {
                    strength = best.kind == .preferred ? (isCommon ? .needsCue : .needsSupport) : (isCommon ? .never : .needsStrongCue)
                }
            }
            let label = best.kind == .hidden ? skills[Int(best.skill)].label : best.written
            terminal[Int(node)] = Int32(entries.count)
            entries.append(LabelEntry(
                skill: best.skill, label: label, kind: best.kind, words: words, strength: strength,
                shape: words == 1 ? best.shape : .none, exactCase: exactCase, alternatives: alternatives,
                plural: words == 1 && best.plural))
        }
        finishRoots(rootMaps)
    }

    /// The noun-phrase form of a skill label of two or three words that starts with a verb: the object, then the
    /// verb's noun ("manage budgets" → "budgets management", "develop software" → "software development", "test
    /// software" → "software testing"). The noun is the first of verb+`ment`, verb+`ation`, verb−`e`+`ion`,
    /// verb−`e`+`ation`, verb+`ing` (with a doubled final consonant: `planning`) that some label of the catalogue
    /// uses; without one, or when the label is not of that shape (a preposition after the verb: "work in teams"),
    /// `nil`. Only labels of skills typed `skill` (ESCO's skill/competence, written as verb phrases) get one.
    private func nominalVariant(_ label: String) -> String? {
        let parts = label.split(separator: " ")
        // Byte checks: `String.contains(String)` goes through Foundation's string search, which dominated here.
        guard parts.count == 2 || parts.count == 3, !label.utf8.contains(UInt8(ascii: "(")), !label.utf8.contains(UInt8(ascii: ",")),
              !Self.functionWords.contains(parts[1].lowercased()) else { return nil }
        var verb: [UInt8] = []
        var bytes = Array(parts[0].utf8)
        bytes.withUnsafeBufferPointer { Self.normalize($0, into: &verb) }
        bytes.removeAll()
        guard verb.count >= 3, TokenNormalizer.isLetters(verb) else { return nil }
        let stem = verb.last == 0x65 ? Array(verb.dropLast()) : verb
        var forms = [verb + Array("ment".utf8), verb + Array("ation".utf8), stem + Array("ion".utf8),
                     stem + Array("ation".utf8), stem + Array("ing".utf8)]
        if let last = verb.last, verb.count <= 4, !"aeiouwxy".utf8.contains(last) { forms.append(verb + [last] + Array("ing".utf8)) }
        for form in forms where vocabulary.id(form) >= 0 {
            return parts.dropFirst().joined(separator: " ") + " " + String(decoding: form, as: UTF8.self)
        }
        return nil
    }

    /// Words after which a label is not verb + object ("work in teams", "deal with complaints").
    private static let functionWords: Set<String> = [
        "a", "an", "the", "in", "on", "at", "to", "with", "for", "of", "from", "by", "as", "into", "up", "out", "off",
        "and", "or", "about", "over", "under", "through",
    ]

    /// The word ids of a label (articles left out, new words added to the vocabulary), the normal form and
    /// written shape of its first word, and whether that word is written in the plural.
    private mutating func words(
        of label: String, tokens: inout [TextToken], scratch: inout [UInt8]
    ) -> (ids: [Int32], firstWord: [UInt8], shape: CaseShape, plural: Bool) {
        var result: (ids: [Int32], firstWord: [UInt8], shape: CaseShape, plural: Bool) = ([], [], .none, false)
        var bytes = Array(label.utf8)
        bytes.withUnsafeBufferPointer { p in
            TextTokenizer.tokenize(p, into: &tokens)
            for token in tokens {
                let word = UnsafeBufferPointer(rebasing: p[Int(token.byteStart) ..< Int(token.byteEnd)])
                Self.normalize(word, into: &scratch)
                if ExtractionCues.articles.contains(where: { $0.utf8.elementsEqual(scratch) }) { continue }
                if result.ids.isEmpty {
                    result.firstWord = scratch
                    result.shape = token.shape
                    // Written with a final s that the normal form dropped.
                    result.plural = word[word.count - 1] | 0x20 == 0x73 && scratch.last.map { $0 != 0x73 } == true
                }
                result.ids.append(vocabulary.insert(scratch))
            }
        }
        bytes.removeAll()
        return result
    }

    /// Words *common in the catalogue*: found in the labels or descriptions of at least 20 skills and at least
    /// 0.15% of them (ESCO: `design`, `data`, `current`, `communication`; not `kanban`, `cardiology`). A
    /// taxonomy's own text shows which of its words are everyday vocabulary, without an outside word list.
    static func commonWords(_ skills: [Skill], vocabulary: TokenVocabulary) -> [Bool] {
        var counts = [Int32](repeating: 0, count: vocabulary.count)
        var stamps = [Int32](repeating: -1, count: vocabulary.count)
        var tokens: [TextToken] = []
        var scratch: [UInt8] = []
        for (position, skill) in skills.enumerated() {
            let text = ([skill.label, skill.description ?? ""] + skill.altLabels + skill.hiddenLabels).joined(separator: "\n")
            var bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { p in
                TextTokenizer.tokenize(p, into: &tokens)
                for token in tokens {
                    normalize(UnsafeBufferPointer(rebasing: p[Int(token.byteStart) ..< Int(token.byteEnd)]), into: &scratch)
                    let id = vocabulary.id(scratch)
                    if id >= 0 && stamps[Int(id)] != Int32(position) {
                        stamps[Int(id)] = Int32(position)
                        counts[Int(id)] += 1
                    }
                }
            }
            bytes.removeAll()
        }
        let threshold = max(20, (skills.count * 15 + 9_999) / 10_000)
        return counts.map { Int($0) >= threshold }
    }

    private mutating func finishRoots(_ maps: [[Int32: Int32]]) {
        rootChildren = maps.map { map in
            var children = [Int32](repeating: -1, count: vocabulary.count)
            for (word, node) in map { children[Int(word)] = node }
            return children
        }
    }

    /// The label and the variants it is also matched by: without a trailing parenthetical qualifier
    /// (`Java (computer programming)` → `Java`, marked derived) and with hyphens between letters closed up
    /// (`e-commerce` → `ecommerce`).
    static func variants(_ label: String) -> [(String, Bool)] {
        var result: [(String, Bool)] = [(label, false)]
        if label.hasSuffix(")"), let open = label.lastIndex(of: "("), open > label.startIndex {
            let bare = label[..<open].trimmingCharacters(in: .whitespaces)
            if !bare.isEmpty { result.append((String(bare), true)) }
        }
        for (text, derived) in result where text.utf8.contains(UInt8(ascii: "-")) {
            let scalars = Array(text.unicodeScalars)
            var closed = String.UnicodeScalarView()
            for (k, s) in scalars.enumerated() {
                if s == "-" && k > 0 && k + 1 < scalars.count && scalars[k - 1].properties.isAlphabetic
                    && scalars[k + 1].properties.isAlphabetic { continue }
                closed.append(s)
            }
            let joined = String(closed)
            if joined != text { result.append((joined, derived)) }
        }
        return result
    }

    /// The primary form of a word (`&` reads as "and").
    static func normalize(_ word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if word.count == 1 && word[0] == 0x26 {
            out = Array("and".utf8)
            return
        }
        TokenNormalizer.primary(word, into: &out)
    }
}
