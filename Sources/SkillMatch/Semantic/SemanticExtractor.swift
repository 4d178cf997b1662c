import SkillVectors

/// A skill found by meaning: the segment of text whose vector is nearest to one of the skill's labels.
public struct SemanticMention: Sendable, Hashable {
    /// The skill's id.
    public var skill: String
    /// The skill label nearest to the segment.
    public var label: String
    /// That label's kind (`preferred` or `alternative`).
    public var labelKind: String
    /// The segment's start (Unicode scalar offset).
    public var start: Int
    /// The segment's end (exclusive).
    public var end: Int
    /// The segment's text.
    public var text: String
    /// The cosine similarity of the segment and the label.
    public var similarity: Double
}

/// Skills from the sentences and clauses that the lexical pass (``SkillExtractor``) misses, by sentence-encoder
/// similarity to the catalogue's skill labels (``SemanticIndex``).
///
/// The rule, for each text:
/// 1. Segments are the text's sentences outside boilerplate and, in a sentence with several, its clauses
///    (``SkillExtractor/segments(in:minimumClauseWords:)``), of at least ``Thresholds/minimumWords`` words (4).
/// 2. Each segment is embedded and its nearest skill (by its best label) found, with the similarity.
/// 3. A segment's skill is kept when its similarity is at least ``Thresholds/free`` (the segment holds no lexical
///    mention) or ``Thresholds/covered`` (it overlaps one), and the text has no lexical mention of that skill.
/// 4. A skill found in several segments is kept once, at its most similar segment (then the earliest).
/// Lexical mentions are always kept as they are; the semantic ones are added to them.
public struct SemanticExtractor: Sendable {
    /// The similarity a segment needs for its nearest skill to be kept.
    public struct Thresholds: Sendable, Hashable {
        /// For a segment that holds no lexical mention.
        public var free: Double
        /// For a segment that overlaps a lexical mention.
        public var covered: Double
        /// Whether clauses are embedded as well as whole sentences.
        public var clauses: Bool
        /// The fewest words a segment needs (headers such as "Job type" or "Pension" resemble skill labels by
        /// their words alone).
        public var minimumWords: Int

        /// Creates thresholds.
        public init(free: Double, covered: Double, clauses: Bool = true, minimumWords: Int = 4) {
            self.free = free
            self.covered = covered
            self.clauses = clauses
            self.minimumWords = minimumWords
        }

        /// The defaults, chosen on the dev halves of two sets with the right skills known (Benchmarks/README.md,
        /// "Skills from text: semantic").
        public static let `default` = Thresholds(free: 0.60, covered: 0.70, minimumWords: 4)
    }

    /// The lexical extractor (for segments).
    public let lexical: SkillExtractor
    /// The encoder.
    public let encoder: SentenceEncoder
    /// The index of the catalogue's labels.
    public let index: SemanticIndex
    /// The thresholds.
    public let thresholds: Thresholds

    /// Creates a semantic extractor.
    public init(lexical: SkillExtractor, encoder: SentenceEncoder, index: SemanticIndex, thresholds: Thresholds = .default) {
        self.lexical = lexical
        self.encoder = encoder
        self.index = index
        self.thresholds = thresholds
    }

    /// The semantic mentions of each text, given its lexical mentions; all segments of all texts are embedded
    /// together, in blocks on all cores.
    public func mentions(in texts: [String], lexical found: [[SkillMention]], threads: Int = Parallel.threadCount) -> [[SemanticMention]] {
        precondition(texts.count == found.count, "one list of lexical mentions per text")
        var owners: [(text: Int, segment: TextSegment, spanText: String)] = []
        for (t, text) in texts.enumerated() {
            let scalars = Array(text.unicodeScalars)
            let segments = lexical.segments(in: text, minimumClauseWords: max(3, thresholds.minimumWords))
            for segment in segments where (segment.isSentence || thresholds.clauses) && segment.words >= thresholds.minimumWords {
                var span = String.UnicodeScalarView()
                span.append(contentsOf: scalars[segment.start ..< segment.end])
                owners.append((t, segment, String(span)))
            }
        }
        let vectors = encoder.embed(owners.map(\.spanText), threads: threads)
        let hits = index.nearest(vectors, kind: .skill, k: 1, minimum: min(thresholds.free, thresholds.covered))
        var best: [[String: SemanticMention]] = Array(repeating: [:], count: texts.count)
        for (k, owner) in owners.enumerated() {
            guard let hit = hits[k].first else { continue }
            let mentions = found[owner.text]
            if mentions.contains(where: { $0.skill == hit.id }) { continue }
            let covered = mentions.contains { $0.start < owner.segment.end && owner.segment.start < $0.end }
            guard hit.similarity >= (covered ? thresholds.covered : thresholds.free) else { continue }
            let mention = SemanticMention(skill: hit.id, label: hit.label, labelKind: hit.labelKind, start: owner.segment.start,
                                          end: owner.segment.end, text: owner.spanText, similarity: hit.similarity)
            if let previous = best[owner.text][hit.id],
               previous.similarity > mention.similarity || (previous.similarity == mention.similarity && previous.start <= mention.start) {
                continue
            }
            best[owner.text][hit.id] = mention
        }
        return best.map { $0.values.sorted { ($0.start, $0.end, $0.skill) < ($1.start, $1.end, $1.skill) } }
    }
}
