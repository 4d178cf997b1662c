import Foundation

/// How relevant a document's text is to each job of a catalogue: TF-IDF cosine over ``TextTerms``.
///
/// Each job has two fields: its *titles* (title, alternate and reported titles, hidden titles) and its *body*
/// (description, task statements, and the labels of the skills it requires). A term's weight in a field is
/// `(1 + ln tf) · idf`, `idf = ln((1 + N) / (1 + df)) + 1` over the N jobs (df: jobs using the term in either field);
/// each field's vector is scaled to unit length, and the job's vector is their sum (the titles' times
/// ``titleFieldWeight``, 1) scaled to unit length, so titles and body count equally however many alternate titles a
/// job has. A document's vector is `(1 + ln tf) · idf` over
/// its terms (terms no job uses are ignored), scaled to unit length; its relevance to a job is the inner product, in
/// [0, 1]. Deterministic: the same text gives the same numbers on every run.
public struct JobTextIndex: Sendable {
    /// Word → id.
    let words: [String: Int32]
    /// Pair of word ids (first << 32 | second) → term column; words are columns too, `column == word id`.
    let pairs: [UInt64: Int32]
    /// Per column: `-(1 + index)` into ``wordList`` for a word, the pair key for a pair (terms are spelt on demand).
    let termSources: [Int64]
    /// The words, in the order they were met.
    let wordList: [String]
    /// idf by column.
    let idf: [Double]
    /// Per term, the jobs using it (ascending) and the term's weight in the job's unit vector: compressed rows,
    /// term `t`'s postings at `postingStarts[t] ..< postingStarts[t + 1]`.
    let postingStarts: [Int]
    let postingJobs: [Int32]
    let postingWeights: [Float]
    /// The number of jobs.
    public let jobCount: Int
    /// The weight of the titles field against the body's 1 (each field's vector has unit length first).
    public static let titleFieldWeight = 1.0

    /// An index from its stored parts (``DocumentIndexes``, checked there).
    init(words: [String: Int32], pairs: [UInt64: Int32], termSources: [Int64], wordList: [String], idf: [Double],
         postingStarts: [Int], postingJobs: [Int32], postingWeights: [Float], jobCount: Int) {
        self.words = words
        self.pairs = pairs
        self.termSources = termSources
        self.wordList = wordList
        self.idf = idf
        self.postingStarts = postingStarts
        self.postingJobs = postingJobs
        self.postingWeights = postingWeights
        self.jobCount = jobCount
    }

    /// Indexes the jobs of a catalogue.
    /// - Complexity: O(total text of the jobs).
    public init(catalog: Catalog) {
        var vocabulary = Vocabulary()
        // Each skill label is cut into terms once, however many jobs require the skill.
        let labelTerms = catalog.skills.map { vocabulary.terms(TextTerms.runs($0.label)) }
        var fields: [(titles: [Int32], body: [Int32])] = []
        fields.reserveCapacity(catalog.jobs.count)
        for job in catalog.jobs {
            var titles: [Int32] = []
            for title in [job.title] + job.alternateTitles + job.hiddenTitles { titles += vocabulary.terms(TextTerms.runs(title)) }
            var body: [Int32] = []
            for text in [job.description ?? ""] + job.tasks { body += vocabulary.terms(TextTerms.runs(text)) }
            for requirement in job.requirements {
                if let skill = catalog.skillIndex(requirement.skill) { body += labelTerms[skill] }
            }
            fields.append((titles, body))
        }
        let termCount = vocabulary.count
        // Document frequency, and each field's counts, through one scratch array.
        var counts = [Int32](repeating: 0, count: termCount)
        var lastJob = [Int32](repeating: -1, count: termCount)
        var documentFrequency = [Int32](repeating: 0, count: termCount)
        for (job, field) in fields.enumerated() {
            for term in field.titles + field.body where lastJob[Int(term)] != Int32(job) {
                lastJob[Int(term)] = Int32(job)
                documentFrequency[Int(term)] += 1
            }
        }
        let n = Double(catalog.jobs.count)
        let idf = documentFrequency.map { log((1 + n) / (1 + Double($0))) + 1 }
        // Postings gathered job by job, then laid out term by term (a stable counting sort keeps jobs ascending).
        var entries: [(term: Int32, job: Int32, weight: Float)] = []
        var vector = [Double](repeating: 0, count: termCount)
        for (job, field) in fields.enumerated() {
            var touched: [Int32] = []
            for (fieldWeight, list) in [(Self.titleFieldWeight, field.titles), (1.0, field.body)] {
                var distinct: [Int32] = []
                for term in list {
                    if counts[Int(term)] == 0 { distinct.append(term) }
                    counts[Int(term)] += 1
                }
                var norm = 0.0
                for term in distinct {
                    let weight = (1 + log(Double(counts[Int(term)]))) * idf[Int(term)]
                    norm += weight * weight
                }
                norm = norm.squareRoot()
                for term in distinct {
                    let weight = (1 + log(Double(counts[Int(term)]))) * idf[Int(term)]
                    counts[Int(term)] = 0
                    if vector[Int(term)] == 0 { touched.append(term) }
                    if norm > 0 { vector[Int(term)] += fieldWeight * weight / norm }
                }
            }
            touched.sort()
            let norm = touched.reduce(0) { $0 + vector[Int($1)] * vector[Int($1)] }.squareRoot()
            for term in touched {
                if norm > 0 { entries.append((term, Int32(job), Float(vector[Int(term)] / norm))) }
                vector[Int(term)] = 0
            }
        }
        var starts = [Int](repeating: 0, count: termCount + 1)
        for entry in entries { starts[Int(entry.term) + 1] += 1 }
        for t in 0..<termCount { starts[t + 1] += starts[t] }
        var next = starts
        var jobs = [Int32](repeating: 0, count: entries.count)
        var weights = [Float](repeating: 0, count: entries.count)
        for entry in entries {
            let at = next[Int(entry.term)]
            jobs[at] = entry.job
            weights[at] = entry.weight
            next[Int(entry.term)] = at + 1
        }
        self.words = vocabulary.words
        self.pairs = vocabulary.pairs
        self.termSources = vocabulary.sources
        self.wordList = vocabulary.wordList
        self.idf = idf
        self.postingStarts = starts
        self.postingJobs = jobs
        self.postingWeights = weights
        self.jobCount = catalog.jobs.count
    }

    /// The spelling of a term column: a word, or two words and a space.
    func term(_ column: Int32) -> String {
        let source = termSources[Int(column)]
        if source < 0 { return wordList[Int(-source - 1)] }
        return term(Int32(truncatingIfNeeded: source >> 32)) + " " + term(Int32(truncatingIfNeeded: source & 0xFFFF_FFFF))
    }

    /// Terms interned as columns while indexing: words and pairs of adjacent words.
    private struct Vocabulary {
        var words: [String: Int32] = [:]
        var pairs: [UInt64: Int32] = [:]
        /// Per column: `-(1 + word index)` or the pair key.
        var sources: [Int64] = []
        var wordList: [String] = []

        var count: Int { sources.count }

        /// The columns of a text's runs (words, then each adjacent pair), added to the vocabulary as needed.
        mutating func terms(_ runs: [[String]]) -> [Int32] {
            var columns: [Int32] = []
            for run in runs {
                var previous: Int32 = -1
                for word in run {
                    let column = intern(word)
                    columns.append(column)
                    if previous >= 0 {
                        let key = UInt64(UInt32(previous)) << 32 | UInt64(UInt32(column))
                        if let pair = pairs[key] {
                            columns.append(pair)
                        } else {
                            let pair = Int32(sources.count)
                            sources.append(Int64(key))
                            pairs[key] = pair
                            columns.append(pair)
                        }
                    }
                    previous = column
                }
            }
            return columns
        }

        private mutating func intern(_ word: String) -> Int32 {
            if let column = words[word] { return column }
            let column = Int32(sources.count)
            wordList.append(word)
            sources.append(-Int64(wordList.count))
            words[word] = column
            return column
        }
    }

    /// A document's unit vector: (column, weight) pairs sorted by column.
    public func vector(_ text: String) -> [(column: Int32, weight: Double)] { vector(runs: TextTerms.runs(text)) }

    /// The unit vector of a document already cut into runs of words (``TextTerms/runs(_:)``).
    public func vector(runs: [[String]]) -> [(column: Int32, weight: Double)] {
        var counts: [Int32: Int] = [:]
        for run in runs {
            var previous: Int32 = -1
            for word in run {
                guard let column = words[word] else { previous = -1; continue }
                counts[column, default: 0] += 1
                if previous >= 0, let pair = pairs[UInt64(UInt32(previous)) << 32 | UInt64(UInt32(column))] {
                    counts[pair, default: 0] += 1
                }
                previous = column
            }
        }
        var weights = counts.map { (column: $0.key, weight: (1 + log(Double($0.value))) * idf[Int($0.key)]) }
        weights.sort { $0.column < $1.column }
        let norm = weights.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        return norm > 0 ? weights.map { ($0.column, $0.weight / norm) } : []
    }

    /// The relevance of a text to every job, in ``Catalog/jobs`` order, each in [0, 1].
    /// - Complexity: O(terms of the text + the postings of those terms).
    public func relevance(_ text: String) -> [Double] { relevance(vector: vector(text)) }

    /// The relevance of a document vector (from ``vector(_:)``) to every job.
    public func relevance(vector: [(column: Int32, weight: Double)]) -> [Double] {
        var scores = [Double](repeating: 0, count: jobCount)
        for (column, weight) in vector where Int(column) < idf.count {
            for p in postingStarts[Int(column)]..<postingStarts[Int(column) + 1] {
                scores[Int(postingJobs[p])] += weight * Double(postingWeights[p])
            }
        }
        return scores.map { min(max($0, 0), 1) }
    }

    /// The terms that contribute most to a document's relevance to one job, largest contribution first (ties by term).
    public func contributions(vector: [(column: Int32, weight: Double)], job: Int, top: Int) -> [(term: String, share: Double)] {
        var parts: [(term: String, share: Double)] = []
        for (column, weight) in vector where Int(column) < idf.count {
            // Postings are in job order: binary search.
            var (low, high) = (postingStarts[Int(column)], postingStarts[Int(column) + 1])
            let end = high
            while low < high {
                let middle = (low + high) / 2
                if postingJobs[middle] < Int32(job) { low = middle + 1 } else { high = middle }
            }
            guard low < end, postingJobs[low] == Int32(job) else { continue }
            parts.append((term(column), weight * Double(postingWeights[low])))
        }
        parts.sort { $0.share != $1.share ? $0.share > $1.share : $0.term < $1.term }
        return Array(parts.prefix(top))
    }
}
