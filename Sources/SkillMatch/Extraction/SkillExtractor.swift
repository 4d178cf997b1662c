/// Finds catalogue skills in text: exact spans and the label that matched.
///
/// Built once from a catalogue's skills (their preferred, alternative and hidden labels), then used for any number
/// of texts; it holds no mutable state, so one extractor serves every thread.
///
/// **Matching.** Text and labels are cut into words the same way (``TextTokenizer``) and compared in normal form
/// (``TokenNormalizer``): case, accents, apostrophes and possessives ignored, plurals made singular, articles
/// skipped, hyphens equal to spaces (and closed up: `e-commerce` = `ecommerce`), and the first word of a label
/// also matched in its `-ing`/`-ed`/`-s` forms ("managing staff" matches "manage staff"); a verb-phrase label of a
/// skill typed `skill` also matches as a noun phrase ("budget management" for "manage budgets"). A label ending in a
/// parenthetical qualifier is also matched without it (`Java (computer programming)` → `Java`). Matches are
/// whole words only, never across sentence or list punctuation. Among overlapping matches the one with more
/// words wins, then the longer span, then the earlier one; spans never overlap.
///
/// **One label, several skills.** A label as written wins over one matched without its qualifier; then the skill
/// whose *preferred* label it is wins, then an alternative label, then a hidden one; then the skill whose preferred
/// label shares the most words with the matched label ("ensure customer satisfaction" → "guarantee customer
/// satisfaction" rather than "measure customer feedback"); remaining ties go to the smallest skill id.
/// The others are listed in ``SkillMention/alternatives``.
///
/// **Short and ambiguous labels** need support (``LabelStrength``, ``MentionSupport``). A label of several words is
/// distinctive, and so is a one-word name of three characters or more that the catalogue writes with a capital
/// (`JavaScript`, `SQL`, `C++`, `Python`) when the text writes it with a capital too, not as the first word of a
/// sentence. Everything else needs context: short names (`C`, `R`, `Go`; these must also be written as in the
/// catalogue or in capitals), names written in lower case, bare names of qualified labels (`Chef`), capitalised
/// words common in the catalogue (`Access`), one-word labels written in lower case (`communication`). Such a match
/// is accepted with a cue word within three words before it ("experience with", "knowledge of", "proficient in",
/// "strong", "using") or three after it ("skills", "programming", "language"), or as an item of a list with an
/// accepted skill next to it (separated only by `,` `/` `;` `|` brackets, spaces, "and", "or"); two names written
/// in lower case listed together support each other ("java, mysql"); a name opening a sentence is also accepted
/// when another skill is accepted in the same sentence. A word is *common in the catalogue* when the labels or
/// descriptions of at least 20 skills (and 0.15% of them) use it: a one-word preferred label of such a word needs a
/// strong cue ("experience", "knowledge", "skills", ...), a one-word alternative or hidden label of it is never
/// used, and other one-word lower-case alternative labels need a strong cue. A short or ambiguous label never
/// matches inside a hyphenated or `&` compound (`C-level`, `R&D`, `Go-live`). A one-word label written in the plural
/// matches plural words only (`securities` is not `security`). A one-word lower-case label that is
/// not common, written in the text in mixed case or capitals (`SaaS` for `saas`), is taken as a name; written
/// capitalised inside a sentence (`Agile`), a list or any cue is enough. The cue words are in ``ExtractionCues``.
///
/// **Boilerplate.** Nothing is taken from equal-opportunity statements, sentences about benefits or how to apply,
/// and sections under headers such as "Benefits:" or "About us" (``BoilerplateRule``).
///
/// **Offsets** are Unicode scalar (code point) offsets, end exclusive: Python's `text[start:end]`, Swift's
/// `text.unicodeScalars`. Results are ordered by start, then end, then skill id, and are the same on every run.
public struct SkillExtractor: Sendable {
    let index: LabelIndex
    let cues: CueTable
    private let skillIDs: [String]

    /// An extractor over a catalogue's skills.
    /// - Complexity: O(total label length).
    public init(catalog: Catalog) { self.init(sortedSkills: catalog.skills) }

    /// An extractor over skills (sorted by id here; ids must be unique).
    public init(skills: [Skill]) { self.init(sortedSkills: skills.sorted { $0.id < $1.id }) }

    private init(sortedSkills skills: [Skill]) {
        var index = LabelIndex(skills: skills)
        cues = CueTable(vocabulary: &index.vocabulary)
        self.index = index
        skillIDs = skills.map(\.id)
    }

    /// An extractor from its parts (``init(serialized:catalog:)``).
    init(index: LabelIndex, cues: CueTable, skillIDs: [String]) {
        self.index = index
        self.cues = cues
        self.skillIDs = skillIDs
    }

    /// The number of label forms indexed (labels and their variants).
    public var labelCount: Int { index.labelCount }

    /// The skills mentioned in `text`, in text order.
    /// - Complexity: O(text length · longest label in words).
    public func mentions(in text: String) -> [SkillMention] {
        var text = text
        return text.withUTF8 { mentions(utf8: $0) }
    }

    /// The distinct skill ids mentioned in `text`, sorted.
    public func skills(in text: String) -> [String] {
        Array(Set(mentions(in: text).map(\.skill))).sorted()
    }

    /// The skills mentioned in UTF-8 text (which must be valid UTF-8).
    public func mentions(utf8 p: UnsafeBufferPointer<UInt8>) -> [SkillMention] {
        var tokens: [TextToken] = []
        TextTokenizer.tokenize(p, into: &tokens)
        guard !tokens.isEmpty else { return [] }
        var trailingGap: UInt8 = 0
        if let last = tokens.last { trailingGap = Self.trailingGap(after: Int(last.byteEnd), in: p) }
        identifyWords(&tokens, p)
        let boilerplate = BoilerplateRule.sentences(tokens, trailingGap: trailingGap, cues: cues)
        let candidates = self.candidates(tokens, boilerplate: boilerplate)
        let chosen = Self.select(candidates, entries: index.entries, tokens: tokens)
        return accept(chosen, tokens: tokens, text: p)
    }

    // MARK: - Steps

    /// The gap bits of the text after the last word.
    static func trailingGap(after byte: Int, in p: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var bits: UInt8 = 0
        for k in byte ..< p.count {
            switch p[k] {
            case 0x3A: bits |= Gap.colon
            case 0x2E, 0x21, 0x3F: bits |= Gap.sentence
            case 0x0A, 0x0D: bits |= Gap.newline
            default: break
            }
        }
        return bits
    }

    /// Looks up each word's primary and verb forms.
    func identifyWords(_ tokens: inout [TextToken], _ p: UnsafeBufferPointer<UInt8>) {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        for k in tokens.indices {
            let word = UnsafeBufferPointer(rebasing: p[Int(tokens[k].byteStart) ..< Int(tokens[k].byteEnd)])
            LabelIndex.normalize(word, into: &scratch)
            let id = index.vocabulary.id(scratch)
            tokens[k].id = id
            tokens[k].verb = id
            if let last = scratch.last, last == 0x67 || last == 0x64 || last == 0x65, let verb = TokenNormalizer.verb(scratch) {
                tokens[k].verb = index.vocabulary.id(verb)
            }
        }
    }

    /// A label match: words `first...last`, the entry, and whether it came through the verb root.
    struct Candidate {
        var first: Int32
        var last: Int32
        var entry: Int32
        var viaVerb: Bool
    }

    @inline(__always)
    private func isArticle(_ token: TextToken) -> Bool { cues.flags(token.id) & CueTable.Flag.article != 0 }

    /// Every label match starting at every word outside boilerplate sentences.
    private func candidates(_ tokens: [TextToken], boilerplate: [Bool]) -> [Candidate] {
        var result: [Candidate] = []
        let n = tokens.count
        for i in 0 ..< n where !boilerplate[Int(tokens[i].sentence)] && !isArticle(tokens[i]) {
            for root in 0 ... 1 {
                let first = root == 0 ? tokens[i].id : tokens[i].verb
                guard first >= 0, Int(first) < index.rootChildren[root].count else { continue }
                var node = index.rootChildren[root][Int(first)]
                guard node >= 0 else { continue }
                var j = i
                while true {
                    let entry = index.terminal[Int(node)]
                    if entry >= 0 { result.append(Candidate(first: Int32(i), last: Int32(j), entry: entry, viaVerb: root == 1)) }
                    var k = j + 1
                    while k < n && tokens[k].gapBefore == 0 && isArticle(tokens[k]) { k += 1 }
                    guard k < n, tokens[k].gapBefore == 0, tokens[k].id >= 0 else { break }
                    let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(tokens[k].id))
                    guard let next = index.transitions[key] else { break }
                    node = next
                    j = k
                }
            }
        }
        return result
    }

    /// Non-overlapping matches: more words first, then the longer span, the earlier start, the primary form, the
    /// better-ranked skill. Returned in text order.
    private static func select(_ candidates: [Candidate], entries: [LabelEntry], tokens: [TextToken]) -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        let ordered = candidates.sorted { a, b in
            let ea = entries[Int(a.entry)], eb = entries[Int(b.entry)]
            if ea.words != eb.words { return ea.words > eb.words }
            let la = tokens[Int(a.last)].end - tokens[Int(a.first)].start
            let lb = tokens[Int(b.last)].end - tokens[Int(b.first)].start
            if la != lb { return la > lb }
            if a.first != b.first { return a.first < b.first }
            if a.viaVerb != b.viaVerb { return !a.viaVerb }
            return ea.skill < eb.skill
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        var chosen: [Candidate] = []
        for candidate in ordered {
            let range = Int(candidate.first) ... Int(candidate.last)
            if range.contains(where: { taken[$0] }) { continue }
            for k in range { taken[k] = true }
            chosen.append(candidate)
        }
        return chosen.sorted { $0.first < $1.first }
    }

    /// Applies the case, compound and support rules and builds the mentions.
    private func accept(_ chosen: [Candidate], tokens: [TextToken], text p: UnsafeBufferPointer<UInt8>) -> [SkillMention] {
        // Requirement per chosen match: nil = rejected.
        // What each chosen match needs (nil: rejected), and which are names written in lower case or opening a
        // sentence (these may also lean on each other or on the rest of the sentence).
        var lowerName = [Bool](repeating: false, count: chosen.count)
        var openingName = [Bool](repeating: false, count: chosen.count)
        var need: [LabelStrength?] = chosen.indices.map { k in
            let candidate = chosen[k]
            let entry = index.entries[Int(candidate.entry)]
            guard entry.words == 1 else { return entry.strength }
            let token = tokens[Int(candidate.first)]
            if entry.exactCase && !(token.shape == entry.shape || token.shape == .upper) { return nil }
            if entry.strength == .never { return nil }
            if entry.plural && (p[Int(token.byteEnd) - 1] | 0x20) != 0x73 { return nil }
            if entry.strength != .distinctive {
                if token.joinedLeft || token.joinedRight { return nil }
                // A label the catalogue writes in lower case that the text writes as a name: in mixed case or
                // capitals (SaaS), it is taken as one; capitalised inside a sentence (Agile), a list is enough.
                if entry.shape == .lower && !entry.exactCase && entry.strength != .needsCue {
                    if token.shape == .mixed || token.shape == .upper { return .distinctive }
                    if token.shape == .capitalized && token.gapBefore & (Gap.sentenceBreak | Gap.colon) == 0 { return .needsSupport }
                }
                return entry.strength
            }
            if token.shape == .lower {
                lowerName[k] = true
                return .needsSupport
            }
            if entry.shape == .capitalized && token.gapBefore & (Gap.sentenceBreak | Gap.colon) != 0 {
                openingName[k] = true
                return .needsSupport
            }
            return .distinctive
        }
        var support: [MentionSupport?] = need.map { $0 == .distinctive ? .distinctive : nil }
        for k in chosen.indices {
            guard let requirement = need[k], requirement != .distinctive else { continue }
            if hasCue(chosen[k], tokens: tokens, strongOnly: requirement == .needsStrongCue) { support[k] = .cue }
        }
        // Two names written in lower case, listed next to each other, support each other ("java, mysql").
        for k in chosen.indices.dropLast() where lowerName[k] && lowerName[k + 1] {
            if Self.listed(chosen[k], chosen[k + 1], tokens: tokens, cues: cues) {
                if support[k] == nil { support[k] = .list }
                if support[k + 1] == nil { support[k + 1] = .list }
            }
        }
        // List neighbours, until nothing changes.
        var changed = true
        while changed {
            changed = false
            for k in chosen.indices where support[k] == nil && need[k] == .needsSupport {
                var neighbour = k - 1
                while neighbour >= 0 && need[neighbour] == nil { neighbour -= 1 }
                if neighbour >= 0, support[neighbour] != nil, Self.listed(chosen[neighbour], chosen[k], tokens: tokens, cues: cues) {
                    support[k] = .list
                    changed = true
                    continue
                }
                neighbour = k + 1
                while neighbour < chosen.count && need[neighbour] == nil { neighbour += 1 }
                if neighbour < chosen.count, support[neighbour] != nil, Self.listed(chosen[k], chosen[neighbour], tokens: tokens, cues: cues) {
                    support[k] = .list
                    changed = true
                }
            }
        }
        // A name opening a sentence is accepted when another skill is accepted in the same sentence.
        for k in chosen.indices where openingName[k] && support[k] == nil {
            let sentence = tokens[Int(chosen[k].first)].sentence
            if chosen.indices.contains(where: { $0 != k && support[$0] != nil && tokens[Int(chosen[$0].first)].sentence == sentence }) {
                support[k] = .sentence
            }
        }
        need.removeAll()
        var mentions: [SkillMention] = []
        for (k, candidate) in chosen.enumerated() {
            guard let how = support[k] else { continue }
            let entry = index.entries[Int(candidate.entry)]
            let first = tokens[Int(candidate.first)]
            let last = tokens[Int(candidate.last)]
            mentions.append(SkillMention(
                skill: skillIDs[Int(entry.skill)], label: entry.label, labelKind: entry.kind,
                start: Int(first.start), end: Int(last.end),
                text: String(decoding: UnsafeBufferPointer(rebasing: p[Int(first.byteStart) ..< Int(last.byteEnd)]), as: UTF8.self),
                support: how, alternatives: entry.alternatives.map { skillIDs[Int($0)] }))
        }
        return mentions.sorted { ($0.start, $0.end, $0.skill) < ($1.start, $1.end, $1.skill) }
    }

    /// Whether a cue word stands within three words before or three words after the match, in the same sentence
    /// (after it, across commas and conjunctions: "communication and teamwork skills").
    private func hasCue(_ candidate: Candidate, tokens: [TextToken], strongOnly: Bool) -> Bool {
        let beforeMask = strongOnly ? CueTable.Flag.before : CueTable.Flag.before | CueTable.Flag.beforeWeak
        var k = Int(candidate.first)
        var seen = 0
        while seen < 3 && k > 0 && tokens[k].gapBefore & (Gap.sentenceBreak | Gap.colon) == 0 {
            k -= 1
            if isArticle(tokens[k]) { continue }
            seen += 1
            if cues.flags(tokens[k].id) & beforeMask != 0 { return true }
        }
        let afterMask = strongOnly ? CueTable.Flag.after : CueTable.Flag.after | CueTable.Flag.afterWeak
        k = Int(candidate.last)
        seen = 0
        while seen < 3 && k + 1 < tokens.count && tokens[k + 1].gapBefore & Gap.listBreak == 0 {
            k += 1
            if isArticle(tokens[k]) { continue }
            seen += 1
            if cues.flags(tokens[k].id) & afterMask != 0 { return true }
        }
        return false
    }

    /// Whether two matches are neighbouring items of one list: only list punctuation, spaces and at most two
    /// conjunctions ("and", "or") between them.
    private static func listed(_ a: Candidate, _ b: Candidate, tokens: [TextToken], cues: CueTable) -> Bool {
        let from = Int(a.last) + 1
        let to = Int(b.first)
        guard from <= to, to - from <= 2 else { return false }
        for k in from ... to {
            if tokens[k].gapBefore & Gap.listBreak != 0 { return false }
            if k < to && cues.flags(tokens[k].id) & (CueTable.Flag.conjunction | CueTable.Flag.article) == 0 { return false }
        }
        return true
    }
}
