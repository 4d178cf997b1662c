import SkillVectors

/// Related occupations, for career changers: how near two jobs are, and which skills make them so.
///
/// Each job `j` gets a skill profile `p_j[s] = w·r / Σ w·r` over its requirements (importance times level), and an
/// embedded profile `e_j = Σ_s p_j[s] · v_s` through the model's skill vectors. Both are centred on the mean over
/// all jobs (so that what every job asks for does not make jobs alike) and scaled to unit length: `p̂_j`, `ê_j`.
/// The similarity of jobs `i` and `j` is
///
///     score(i, j) = α · p̂_i·p̂_j + (1 − α) · ê_i·ê_j − ζ · |zone_i − zone_j| / 4
///
/// with `α = 0.5` (direct skill overlap, levels and importances included, against relatedness learned from the
/// whole catalogue) and `ζ = 0.2` (a penalty per job zone apart, when both jobs have one). It lies in [−1.2, 1].
public struct OccupationSimilarity: Sendable {
    /// The share of the direct profile in the score, `α`.
    public static let profileShare = 0.5
    /// The job-zone penalty for zones 1 and 5, `ζ`.
    public static let zonePenalty = 0.2

    /// The catalogue.
    public let catalog: Catalog
    /// The model.
    public let model: RelatednessModel
    /// `α` in use (``profileShare`` unless set for an experiment).
    public let alpha: Double
    /// `ζ` in use (``zonePenalty`` unless set for an experiment).
    public let zeta: Double
    private let search: SimilaritySearch

    /// Builds the job features. The model must have been trained on this catalogue.
    /// - Complexity: O(jobs × (required skills + dimension) + requirements × dimension).
    public init(catalog: Catalog, model: RelatednessModel, alpha: Double = profileShare, zeta: Double = zonePenalty) {
        precondition(model.skillIDs.count == catalog.skills.count, "model trained on another catalogue")
        precondition(alpha >= 0 && alpha <= 1 && zeta >= 0, "α in [0, 1], ζ ≥ 0")
        self.catalog = catalog
        self.model = model
        self.alpha = alpha
        self.zeta = zeta
        // Compact the profile to the skills some job requires.
        var column: [Int: Int] = [:]
        var profiles: [[(column: Int, weight: Double, skill: Int)]] = []
        for job in catalog.jobs {
            let strengths = job.requirements.compactMap { requirement -> (Int, Double)? in
                catalog.skillIndex(requirement.skill).map { ($0, requirement.importance * requirement.level) }
            }
            let total = strengths.reduce(0) { $0 + $1.1 }
            profiles.append(strengths.map { skill, weight in
                let index = column[skill] ?? column.count
                column[skill] = index
                return (index, total > 0 ? weight / total : 0, skill)
            })
        }
        let (jobs, width, d) = (catalog.jobs.count, column.count, model.dimension)
        var features = DenseMatrix<Float>(rows: jobs, columns: width + d)
        // Direct profiles, centred and scaled row by row: the mean comes from the sparse entries, so no dense
        // jobs × skills matrix of Doubles is ever held.
        var mean = [Double](repeating: 0, count: width)
        for profile in profiles { for entry in profile { mean[entry.column] += entry.weight } }
        if jobs > 0 { for k in 0..<width { mean[k] /= Double(jobs) } }
        var row = [Double](repeating: 0, count: width)
        for (job, profile) in profiles.enumerated() where width > 0 {
            for k in 0..<width { row[k] = 0 }
            for entry in profile { row[entry.column] += entry.weight }
            var norm = 0.0
            for k in 0..<width {
                row[k] -= mean[k]
                norm += row[k] * row[k]
            }
            let scale = norm > 1e-24 ? (alpha / norm).squareRoot() : 0
            features.withRow(job) { out in for k in 0..<width { out[k] = Float(row[k] * scale) } }
        }
        // Embedded profiles e_j = Σ p_j[s] · v_s, centred and scaled the same way.
        var embedded = [Double](repeating: 0, count: jobs * d)
        for (job, profile) in profiles.enumerated() {
            for entry in profile {
                for k in 0..<d { embedded[job * d + k] += entry.weight * Double(model.vectors[entry.skill, k]) }
            }
        }
        if jobs > 0, d > 0 {
            var embeddedMean = [Double](repeating: 0, count: d)
            for job in 0..<jobs { for k in 0..<d { embeddedMean[k] += embedded[job * d + k] } }
            for k in 0..<d { embeddedMean[k] /= Double(jobs) }
            for job in 0..<jobs {
                var norm = 0.0
                for k in 0..<d {
                    embedded[job * d + k] -= embeddedMean[k]
                    norm += embedded[job * d + k] * embedded[job * d + k]
                }
                let scale = norm > 1e-24 ? ((1 - alpha) / norm).squareRoot() : 0
                for k in 0..<d { features[job, width + k] = Float(embedded[job * d + k] * scale) }
            }
        }
        search = SimilaritySearch(vectors: features)
    }

    /// The job-zone term of the score for jobs at indices `i` and `j`.
    public func zoneAdjustment(_ i: Int, _ j: Int) -> Double {
        guard let a = catalog.jobs[i].jobZone, let b = catalog.jobs[j].jobZone else { return 0 }
        return -zeta * Double(abs(a - b)) / 4
    }

    /// The similarity of the jobs at indices `i` and `j`.
    public func score(_ i: Int, _ j: Int) -> Double { search.innerProduct(i, j) + zoneAdjustment(i, j) }

    /// The `k` jobs nearest to the job at index `i`: score rounded to 6 decimals descending, then job id.
    public func nearest(to i: Int, k: Int) -> [RankedIndex] {
        search.neighbours(of: i, k: k, adjustment: zoneAdjustment)
    }

    /// The `k` nearest jobs of every job, in job order; the same lists as ``nearest(to:k:)``, computed with
    /// blocked BLAS `sgemm` and a top-k heap.
    public func allNearest(k: Int) -> [[RankedIndex]] {
        search.allNeighbours(k: k, adjustment: zoneAdjustment)
    }

    /// What moving from one job to another takes: the target's requirements, met or not by the levels the source
    /// job requires (as if a person had exactly those), with the fit formula.
    public func transition(from source: Int, to target: Int) -> JobTransition {
        let have = Dictionary(catalog.jobs[source].requirements.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
        let job = catalog.jobs[target]
        let total = job.totalImportance
        var shared: [SkillCredit] = []
        var missing: [SkillCredit] = []
        var fit = 0.0
        for requirement in job.requirements {
            let level = have[requirement.skill] ?? 0
            let credit = min(level, requirement.level) / requirement.level
            fit += requirement.importance * credit
            let line = SkillCredit(
                skill: requirement.skill, label: catalog.skill(requirement.skill)?.label ?? requirement.skill,
                importance: requirement.importance, required: requirement.level, have: level, credit: credit,
                source: level > 0 ? .stated : .none, gain: requirement.importance * (1 - credit) / total)
            if credit >= 1 { shared.append(line) } else { missing.append(line) }
        }
        shared.sort { $0.importance != $1.importance ? $0.importance > $1.importance : $0.skill < $1.skill }
        missing.sort { $0.gain != $1.gain ? $0.gain > $1.gain : $0.skill < $1.skill }
        return JobTransition(transfer: fit / total, shared: shared, missing: missing)
    }
}

/// Moving from one job to another: how much of the target the source's skills already meet, and the rest.
public struct JobTransition: Sendable, Hashable {
    /// The fit score of the source job's required levels for the target job, in [0, 1].
    public var transfer: Double
    /// Target requirements the source job's levels fully meet, most important first.
    public var shared: [SkillCredit]
    /// Target requirements they do not fully meet, largest gain first.
    public var missing: [SkillCredit]
}

/// Similar skills and credentials by the model.
extension RelatednessModel {
    /// Unit vectors for credentials: the level-weighted sum of their granted skills' vectors (zero when none).
    public func credentialVectors(_ catalog: Catalog) -> DenseMatrix<Float> {
        var result = DenseMatrix<Float>(rows: catalog.credentials.count, columns: dimension)
        for (row, credential) in catalog.credentials.enumerated() {
            var sum = [Double](repeating: 0, count: dimension)
            for grant in credential.grants {
                guard let skill = catalog.skillIndex(grant.skill) else { continue }
                for k in 0..<dimension { sum[k] += grant.level * Double(vectors[skill, k]) }
            }
            let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 1e-12 else { continue }
            for k in 0..<dimension { result[row, k] = Float(sum[k] / norm) }
        }
        return result
    }
}
