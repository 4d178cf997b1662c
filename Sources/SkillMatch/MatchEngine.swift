import SkillVectors

/// Scores candidates against the jobs of a catalogue, exactly and with reasons.
///
/// The fit of a candidate for a job with requirements `(s, w_s, r_s)` is
///
///     fit = Σ w_s · min(h_s, r_s) / r_s  /  Σ w_s
///
/// where `h_s` is the candidate's effective level (see ``Catalog/effectiveLevels(of:)``). The engine encodes
/// every job once (``ThresholdEncoding``) so that the scores of a candidate against all jobs are one BLAS
/// matrix–vector product, or a sparse product for sparse catalogues.
public struct MatchEngine: Sendable {
    /// This engine without inference: the plain fit score, as gap closure uses.
    public var withoutInference: MatchEngine {
        inference == nil ? self : MatchEngine(catalog: catalog, kernel: kernel)
    }

    private init(catalog: Catalog, kernel: FitKernel<Double>) {
        self.catalog = catalog
        self.kernel = kernel
        self.inference = nil
    }

    /// The catalogue scored against.
    public let catalog: Catalog
    /// Inferred credit from related skills (``SkillInference``), or `nil` for the plain fit score.
    public let inference: SkillInference?
    private let kernel: FitKernel<Double>

    /// Encodes the catalogue's jobs.
    /// - Parameters:
    ///   - storage: the job matrix's storage; by default chosen by density.
    ///   - inference: inferred credit from related skills; `nil` (the default) scores without it. Its model must
    ///     have been trained on this catalogue.
    /// - Complexity: O(jobs × features).
    public init(catalog: Catalog, storage: FitKernel<Double>.Storage = .automatic, inference: SkillInference? = nil) {
        precondition(inference.map { $0.model.skillIDs.count == catalog.skills.count } ?? true, "model trained on another catalogue")
        self.catalog = catalog
        self.inference = inference
        self.kernel = Self.kernel(catalog, storage: storage)
    }

    /// The fit kernel of a catalogue's jobs.
    static func kernel(_ catalog: Catalog, storage: FitKernel<Double>.Storage) -> FitKernel<Double> {
        var required: [(skill: Int, level: Double)] = []
        let jobs = catalog.jobs.map { job in
            job.requirements.compactMap { requirement -> (skill: Int, weight: Double, level: Double)? in
                guard let skill = catalog.skillIndex(requirement.skill) else { return nil }
                required.append((skill: skill, level: requirement.level))
                return (skill: skill, weight: requirement.importance, level: requirement.level)
            }
        }
        let encoding = ThresholdEncoding(skillCount: catalog.skills.count, requiredLevels: required)
        return FitKernel(encoding: encoding, jobs: jobs, storage: storage)
    }

    /// The storage the job matrix uses: `.dense` (BLAS) or `.sparse`.
    public var storage: FitKernel<Double>.Storage { kernel.storage }

    /// The candidate's fit for every job, in ``Catalog/jobs`` order.
    /// - Throws: ``CatalogValidationError`` when the candidate refers to unknown skills or credentials.
    public func scores(_ candidate: Candidate) throws(CatalogValidationError) -> [Double] {
        try catalog.validate(candidate)
        let held = catalog.heldVector(catalog.effectiveLevels(of: candidate))
        var scores = kernel.scores(held: held)
        if let sources = inferenceSources(held) {
            for job in scores.indices { scores[job] += inferredBonus(job: job, held: held, sources: sources) }
        }
        return scores
    }

    /// The held skills related to each skill, when inference is on and finds any.
    func inferenceSources(_ held: [(skill: Int, level: Double)]) -> [Int: [SkillInference.Source]]? {
        guard let inference else { return nil }
        let sources = inference.sources(held: held)
        return sources.isEmpty ? nil : sources
    }

    /// What inference adds to a job's score: `Σ w · max(0, inferred − direct) / Σ w` over its requirements.
    func inferredBonus(job index: Int, held: [(skill: Int, level: Double)], sources: [Int: [SkillInference.Source]]) -> Double {
        guard let inference else { return 0 }
        let job = catalog.jobs[index]
        var sum = 0.0
        for requirement in job.requirements {
            guard let skill = catalog.skillIndex(requirement.skill), let related = sources[skill],
                  let inferred = inference.credit(required: requirement.level, from: related) else { continue }
            let have = Self.level(of: skill, in: held)
            let direct = min(have, requirement.level) / requirement.level
            if inferred.credit > direct { sum += requirement.importance * (inferred.credit - direct) }
        }
        return sum / job.totalImportance
    }

    /// The level of a skill in a held vector sorted by skill index (0 when absent).
    static func level(of skill: Int, in held: [(skill: Int, level: Double)]) -> Double {
        var (low, high) = (0, held.count)
        while low < high {
            let middle = (low + high) / 2
            if held[middle].skill < skill { low = middle + 1 } else { high = middle }
        }
        return low < held.count && held[low].skill == skill ? held[low].level : 0
    }

    /// The fit of several level profiles against every job: row `i` holds profile `i`'s scores, in
    /// ``Catalog/jobs`` order. One BLAS `gemm` (or a sparse product) for the whole block.
    /// Inference is never applied here (gap closure and `next` score profiles, and they ignore inference).
    public func scores(profiles: [[String: EffectiveLevel]]) -> DenseMatrix<Double> {
        kernel.scores(block: profiles.map(catalog.heldVector))
    }

    /// ``scores(profiles:)`` from the profiles' held vectors (see `GrantIndex.heldVectors(base:earning:)`).
    func scores(heldVectors: [[(skill: Int, level: Double)]]) -> DenseMatrix<Double> {
        kernel.scores(block: heldVectors)
    }

    /// The `k` best-fitting jobs for a candidate: score rounded to 6 decimals descending, then job id ascending.
    /// - Parameter minimumScore: jobs scoring below this are left out.
    /// - Throws: ``CatalogValidationError`` when the candidate refers to unknown skills or credentials.
    /// - Complexity: one scoring pass, then O(jobs · log k).
    public func match(_ candidate: Candidate, top k: Int, minimumScore: Double = 0) throws(CatalogValidationError) -> [JobScore] {
        let all = try scores(candidate)
        return TopK.select(all, k: k) { $0.score >= minimumScore }.map { ranked in
            let job = catalog.jobs[ranked.index]
            return JobScore(job: job.id, title: job.title, score: ranked.score)
        }
    }

    /// A candidate's fit for one job, with one explained line per requirement.
    /// - Throws: ``MatchError/unknownJob(_:)`` or ``CatalogValidationError`` for an invalid candidate.
    public func fit(_ candidate: Candidate, job jobID: String) throws -> FitResult {
        guard let index = catalog.jobIndex(jobID) else { throw MatchError.unknownJob(jobID) }
        let score = try scores(candidate)[index]
        let job = catalog.jobs[index]
        let levels = catalog.effectiveLevels(of: candidate)
        let sources = inferenceSources(catalog.heldVector(levels))
        let total = job.totalImportance
        let lines = job.requirements.map { requirement in
            let held = levels[requirement.skill] ?? EffectiveLevel(level: 0, source: .none)
            var credit = min(held.level, requirement.level) / requirement.level
            var inferred: InferredCredit? = nil
            if let inference, let skill = catalog.skillIndex(requirement.skill), let related = sources?[skill],
               let best = inference.credit(required: requirement.level, from: related), best.credit > credit {
                credit = best.credit
                let from = catalog.skills[best.source.skill]
                inferred = InferredCredit(from: from.id, label: from.label, similarity: best.source.similarity,
                                          level: best.source.level, credit: best.credit)
            }
            return SkillCredit(
                skill: requirement.skill,
                label: catalog.skill(requirement.skill)?.label ?? requirement.skill,
                importance: requirement.importance, required: requirement.level,
                have: held.level, credit: credit, source: held.source,
                gain: requirement.importance * (1 - credit) / total, inferred: inferred)
        }
        let ordered = lines.sorted {
            $0.importance != $1.importance ? $0.importance > $1.importance : $0.skill < $1.skill
        }
        return FitResult(candidate: candidate.id, job: job.id, title: job.title, score: score, skills: ordered)
    }
}

/// A request the engine cannot answer.
public enum MatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No job has this id.
    case unknownJob(String)
    /// No credential has this id.
    case unknownCredential(String)
    /// No skill has this id.
    case unknownSkill(String)

    public var description: String {
        switch self {
        case .unknownJob(let id): "no job with id \"\(id)\" in the catalogue (try `skillmatch match` or `skillmatch stats`)"
        case .unknownCredential(let id): "no credential with id \"\(id)\" in the catalogue (try `skillmatch credentials search`)"
        case .unknownSkill(let id): "no skill with id \"\(id)\" in the catalogue"
        }
    }
}
