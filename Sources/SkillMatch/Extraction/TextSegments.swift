/// A sentence or a clause of a text, the unit the semantic pass embeds.
public struct TextSegment: Sendable, Hashable {
    /// Start (Unicode scalar offset, from the first word).
    public var start: Int
    /// End (exclusive, after the last word).
    public var end: Int
    /// The sentence it belongs to (0-based).
    public var sentence: Int
    /// Whether it is a whole sentence (otherwise a clause of one).
    public var isSentence: Bool
    /// Its number of words.
    public var words: Int
}

extension SkillExtractor {
    /// The sentences of a text outside boilerplate (the same sentences and boilerplate rule as ``mentions(in:)``),
    /// and, for a sentence with several clauses, its clauses: the runs of words between list separators (`,` `;` `/`
    /// `|`, brackets, bullets, a spaced dash) and colons, with at least `minimumClauseWords` words. Text order.
    public func segments(in text: String, minimumClauseWords: Int = 3) -> [TextSegment] {
        var text = text
        return text.withUTF8 { p in
            var tokens: [TextToken] = []
            TextTokenizer.tokenize(p, into: &tokens)
            guard let last = tokens.last else { return [] }
            let trailingGap = Self.trailingGap(after: Int(last.byteEnd), in: p)
            identifyWords(&tokens, p)
            let boilerplate = BoilerplateRule.sentences(tokens, trailingGap: trailingGap, cues: cues)
            var result: [TextSegment] = []
            var first = 0
            while first < tokens.count {
                let sentence = tokens[first].sentence
                var end = first
                while end < tokens.count && tokens[end].sentence == sentence { end += 1 }
                if !boilerplate[Int(sentence)] {
                    result.append(TextSegment(start: Int(tokens[first].start), end: Int(tokens[end - 1].end),
                                              sentence: Int(sentence), isSentence: true, words: end - first))
                    var clauses: [Range<Int>] = []
                    var clauseStart = first
                    for k in first + 1 ... end where k == end || tokens[k].gapBefore & (Gap.list | Gap.colon) != 0 {
                        clauses.append(clauseStart ..< k)
                        clauseStart = k
                    }
                    if clauses.count > 1 {
                        for clause in clauses where clause.count >= minimumClauseWords {
                            result.append(TextSegment(start: Int(tokens[clause.lowerBound].start),
                                                      end: Int(tokens[clause.upperBound - 1].end), sentence: Int(sentence),
                                                      isSentence: false, words: clause.count))
                        }
                    }
                }
                first = end
            }
            return result
        }
    }
}
