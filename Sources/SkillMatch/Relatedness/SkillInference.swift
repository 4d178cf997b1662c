/// Partial credit for required skills a candidate does not hold but holds something closely related to.
///
/// For a requirement `(s, w, r)` and a candidate with effective levels `h`, the inferred credit is
///
///     inferred(s, r) = cap · max over held t ≠ s with sim(s, t) ≥ threshold of  sim(s, t) · min(h_t, r) / r
///
/// where `sim` is the model's cosine similarity. It is at most `cap` (0.5 by default), so inference never gives
/// full credit; the requirement's credit is the larger of the direct credit `min(h_s, r)/r` and the inferred one.
/// Ties between sources go to the higher similarity, then the smaller skill id. Gap closure (`gap`, `next`,
/// `gaps`) never uses inference.
public struct SkillInference: Sendable {
    /// The default similarity threshold.
    public static let defaultThreshold = 0.6
    /// The default cap on inferred credit.
    public static let defaultCap = 0.5

    /// The model inferring.
    public let model: RelatednessModel
    /// The least similarity that lets one skill stand in for another.
    public let threshold: Double
    /// The largest credit inference can give, below 1.
    public let cap: Double

    /// Inference with a model trained on the catalogue it is used with.
    public init(model: RelatednessModel, threshold: Double = defaultThreshold, cap: Double = defaultCap) {
        precondition(threshold > 0 && threshold <= 1 && cap > 0 && cap < 1, "threshold in (0, 1], cap in (0, 1)")
        self.model = model
        self.threshold = threshold
        self.cap = cap
    }

    /// One skill a candidate holds that stands in for a required one.
    public struct Source: Sendable, Hashable {
        /// The held skill's index in the catalogue.
        public var skill: Int
        /// Its cosine similarity to the required skill.
        public var similarity: Double
        /// The candidate's effective level in it.
        public var level: Double
    }

    /// For each skill index, the other held skills related to it at or above the threshold.
    ///
    /// Each held skill is compared with every skill by one BLAS `sgemv`; every skill within the proven `Float` error
    /// bound of the threshold is then rescored exactly (``RelatednessModel/similarity(_:_:)``), so the result does not
    /// depend on how BLAS sums.
    /// - Parameter held: `(skill index, effective level)` pairs with levels above 0.
    /// - Complexity: O(held × skills × dimension).
    public func sources(held: [(skill: Int, level: Double)]) -> [Int: [Source]] {
        let (n, d) = (model.vectors.rows, model.vectors.columns)
        guard n > 0, d > 0 else { return [:] }
        let unit = 0x1p-24
        let margin = 2 * Double(d) * unit / (1 - Double(d) * unit) + 1e-12
        var approximate = [Float](repeating: 0, count: n)
        var result: [Int: [Source]] = [:]
        for (t, level) in held where level > 0 {
            model.vectors.withUnsafeStorage { base in
                approximate.withUnsafeMutableBufferPointer { out in
                    Float.gemv(m: n, n: d, a: base!, lda: d, x: base! + t * d, y: out.baseAddress!)
                }
            }
            for s in 0..<n where s != t && Double(approximate[s]) >= threshold - margin {
                let similarity = model.similarity(s, t)
                if similarity >= threshold { result[s, default: []].append(Source(skill: t, similarity: similarity, level: level)) }
            }
        }
        return result
    }

    /// The inferred credit for a requirement at level `r` from the given sources, with the source that gives it.
    public func credit(required r: Double, from sources: [Source]) -> (credit: Double, source: Source)? {
        var best: (credit: Double, source: Source)? = nil
        for source in sources {
            let credit = cap * source.similarity * min(source.level, r) / r
            if let current = best {
                let better = credit != current.credit ? credit > current.credit
                    : source.similarity != current.source.similarity ? source.similarity > current.source.similarity
                    : source.skill < current.source.skill
                if !better { continue }
            }
            best = (credit, source)
        }
        return best
    }
}
