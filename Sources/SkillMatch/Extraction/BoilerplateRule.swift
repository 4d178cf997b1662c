/// Which sentences of a text are boilerplate (about the employer, not the job), so that no skill is taken from
/// them.
///
/// A sentence (words between `.`, `!`, `?` or line breaks) is boilerplate when
/// 1. it is an equal-opportunity statement: it holds one of ``ExtractionCues/equalOpportunityPhrases``, or three
///    different ``ExtractionCues/equalOpportunityWords`` ("race, religion, age or disability"); or
/// 2. it is about what the employer offers or how to apply: one of ``ExtractionCues/offerPhrases`` or two
///    different ``ExtractionCues/offerWords`` — unless it also asks for something (one of
///    ``ExtractionCues/requirementWords``: "experience", "skills", "must", ...); or
/// 3. it lies in a boilerplate section: a header of at most six words — a line that ends with `:` (or has at most
///    four words and no sentence punctuation), or the words before a colon at the start of a line ("Benefits:
///    pension, gym", whose rest is in the section too) — holding one of ``ExtractionCues/boilerplateHeaders``
///    ("Benefits:", "What we offer", "About us") starts one; the next such header that ends with `:` or holds one
///    of ``ExtractionCues/jobHeaderWords`` ("Requirements:", "Your profile") ends it.
enum BoilerplateRule {
    /// One flag per sentence: whether it is boilerplate.
    static func sentences(_ tokens: [TextToken], trailingGap: UInt8, cues: CueTable) -> [Bool] {
        guard let last = tokens.last else { return [] }
        var boilerplate = [Bool](repeating: false, count: Int(last.sentence) + 1)
        // Sentence rules.
        var start = 0
        while start < tokens.count {
            var end = start + 1
            while end < tokens.count && tokens[end].sentence == tokens[start].sentence { end += 1 }
            boilerplate[Int(tokens[start].sentence)] = isBoilerplate(tokens, start, end, cues: cues)
            start = end
        }
        // Section rule, line by line. A header is a whole short line, or the words before a colon inside a line
        // ("Benefits: pension, gym"), whose rest then belongs to the section too.
        var inSection = false
        start = 0
        while start < tokens.count {
            var end = start + 1
            while end < tokens.count && tokens[end].gapBefore & Gap.newline == 0 { end += 1 }
            var headEnd = end
            for k in start + 1 ..< end where tokens[k].gapBefore & Gap.colon != 0 { headEnd = k; break }
            let inline = headEnd < end
            let after = inline ? tokens[headEnd].gapBefore : (end < tokens.count ? tokens[end].gapBefore : trailingGap)
            let words = headEnd - start
            let colon = after & Gap.colon != 0
            var punctuated = after & Gap.sentence != 0
            for k in start + 1 ..< headEnd where tokens[k].gapBefore & Gap.sentence != 0 { punctuated = true }
            if words <= 6 && (colon || (words <= 4 && !punctuated)) && hasPhrase(.header, tokens, start, headEnd, cues: cues) {
                inSection = true
                if inline { for k in start ..< end { boilerplate[Int(tokens[k].sentence)] = true } }
            } else if inSection && words <= 6
                && (colon || (start ..< headEnd).contains(where: { cues.flags(tokens[$0].id) & CueTable.Flag.jobHeader != 0 })) {
                inSection = false
            } else if inSection {
                for k in start ..< end { boilerplate[Int(tokens[k].sentence)] = true }
            }
            start = end
        }
        return boilerplate
    }

    private static func hasPhrase(_ kind: CueTable.PhraseKind, _ tokens: [TextToken], _ start: Int, _ end: Int, cues: CueTable) -> Bool {
        for k in start ..< end where cues.flags(tokens[k].id) & CueTable.Flag.phraseStart != 0 {
            if cues.phrase(kind, at: k, in: tokens, end: end) { return true }
        }
        return false
    }

    private static func isBoilerplate(_ tokens: [TextToken], _ start: Int, _ end: Int, cues: CueTable) -> Bool {
        var equalWords = Set<Int32>()
        var offerWords = Set<Int32>()
        var asks = false
        var phraseStarts = false
        for k in start ..< end {
            let flags = cues.flags(tokens[k].id)
            if flags == 0 { continue }
            if flags & CueTable.Flag.equalOpportunity != 0 { equalWords.insert(tokens[k].id) }
            if flags & CueTable.Flag.offer != 0 { offerWords.insert(tokens[k].id) }
            if flags & CueTable.Flag.requirement != 0 { asks = true }
            if flags & CueTable.Flag.phraseStart != 0 { phraseStarts = true }
        }
        if equalWords.count >= 3 { return true }
        if phraseStarts && hasPhrase(.equalOpportunity, tokens, start, end, cues: cues) { return true }
        if asks { return false }
        if offerWords.count >= 2 { return true }
        return phraseStarts && hasPhrase(.offer, tokens, start, end, cues: cues)
    }
}
