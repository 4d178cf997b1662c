import SkillVectors

/// What a document (a resume's text) says about each job of a catalogue: how relevant its text is, which titles it
/// shows the person held, and the rank score that combines them with fit.
///
/// **Rank score.** For a candidate read from a document, jobs are ranked by
///
///     rank = 0.6 · relevance / max relevance  +  0.2 · title  +  0.2 · fit
///
/// - *relevance*: ``JobTextIndex`` cosine of the document's text with the job's titles, description, tasks and
///   required skills' labels; divided by the largest over all jobs, so the most relevant job has 1 (0 when no job
///   shares a term with the text).
/// - *title*: 1 when the first title the document names (``TitleIndex``; resumes list the latest job first) is one
///   of this job's titles, 0.6 for a later title, divided by the square root of the number of jobs sharing that
///   title (so a unique later title does not outweigh the latest title shared by two jobs); the largest over
///   the document's titles.
/// - *fit*: the documented fit score for the candidate's profile, unchanged.
///
/// Ties are broken by job id, as everywhere. Candidates without document text are ranked by fit alone.
public struct DocumentEvidence: Sendable {
    /// Text relevance per job, in ``Catalog/jobs`` order, in [0, 1].
    public let relevance: [Double]
    /// The largest relevance over the jobs.
    public let maxRelevance: Double
    /// Title evidence per job, in [0, 1].
    public let title: [Double]
    /// The titles the document names, in document order.
    public let heldTitles: [HeldTitle]
    /// The document's term vector (for explanations).
    public let vector: [(column: Int32, weight: Double)]

    /// The weights of the rank score's three parts: relevance, title, fit.
    public static let weights = (relevance: 0.6, title: 0.2, fit: 0.2)
    /// The title evidence of a title that is not the first the document names.
    public static let laterTitle = 0.6

    /// Whether anything in the document links it to any job.
    public var linksToAnyJob: Bool { maxRelevance > 0 || !heldTitles.isEmpty }

    /// The relevance of one job scaled so that the most relevant job has 1.
    public func scaledRelevance(_ job: Int) -> Double { maxRelevance > 0 ? relevance[job] / maxRelevance : 0 }

    /// The rank score of one job given its fit.
    public func rank(job: Int, fit: Double) -> Double {
        Self.weights.relevance * scaledRelevance(job) + Self.weights.title * title[job] + Self.weights.fit * fit
    }

    init(relevance: [Double], heldTitles: [HeldTitle], vector: [(column: Int32, weight: Double)]) {
        self.relevance = relevance
        self.maxRelevance = relevance.max() ?? 0
        self.heldTitles = heldTitles
        self.vector = vector
        var title = [Double](repeating: 0, count: relevance.count)
        let firstLine = heldTitles.first?.line
        for held in heldTitles {
            let share = (held.line == firstLine ? 1 : Self.laterTitle) / Double(held.jobs.count).squareRoot()
            for job in held.jobs { title[job] = max(title[job], share) }
        }
        self.title = title
    }
}

/// Reads documents against one catalogue: text relevance, held titles, and skill levels inferred from those titles.
/// Built once per catalogue and shared by every thread.
public struct DocumentMatcher: Sendable {
    /// The catalogue.
    public let catalog: Catalog
    /// The text index over the jobs.
    public let textIndex: JobTextIndex
    /// The title index over the jobs.
    public let titleIndex: TitleIndex
    /// Every job's requirements for exact fit scores, one operation per requirement (a resume's fit against every
    /// job costs O(requirements), whatever the level encoding).
    let fitKernel: FitKernel<Double>
    /// Each job's requirements as (skill index, required level).
    private let requiredLevels: [[(skill: Int32, level: Double)]]
    /// Titles matched by meaning where none matches word for word (`--semantic`), or nil.
    public let semanticTitles: SemanticTitles?

    /// Indexes a catalogue's jobs.
    /// - Complexity: O(total text of the jobs).
    /// - Parameter indexes: the text and title indexes when already at hand (read back from the catalogue); built
    ///   otherwise.
    public init(catalog: Catalog, semanticTitles: SemanticTitles? = nil, indexes: DocumentIndexes? = nil) {
        self.catalog = catalog
        self.semanticTitles = semanticTitles
        let indexes = indexes ?? DocumentIndexes(catalog: catalog)
        (textIndex, titleIndex) = (indexes.textIndex, indexes.titleIndex)
        fitKernel = MatchEngine.kernel(catalog, storage: .sparse)
        requiredLevels = catalog.jobs.map { job in
            job.requirements.compactMap { requirement in catalog.skillIndex(requirement.skill).map { (Int32($0), requirement.level) } }
        }
    }

    /// The fit of effective levels (a held vector in skill order) for every job, in ``Catalog/jobs`` order.
    func fits(_ held: [(skill: Int, level: Double)]) -> [Double] { fitKernel.scores(held: held) }

    /// What a document's text says about every job.
    /// - Parameter asOfYear: the year an open date range (`2019 – Present`) ends, when later than every year the
    ///   document names (`nil`: the latest year it names); see ``TitleIndex/held(lines:runs:asOfYear:)``.
    public func evidence(_ text: String, asOfYear: Int? = nil) -> DocumentEvidence {
        // Each line is cut into words once, for both the text vector and the titles.
        let lines = TitleIndex.lines(text)
        let runs = lines.map(TextTerms.runs)
        let vector = textIndex.vector(runs: runs.flatMap { $0 })
        var held = titleIndex.held(lines: lines, runs: runs, asOfYear: asOfYear)
        if let semanticTitles {
            held += semanticTitles.held(lines: lines, asOfYear: asOfYear, titleIndex: titleIndex, lexical: held)
            held.sort { $0.line < $1.line }
        }
        return DocumentEvidence(relevance: textIndex.relevance(vector: vector), heldTitles: held, vector: vector)
    }

    /// The level a held title lends each requirement of its job, as a share of the required level:
    /// `min(0.75, 0.5 + 0.125 · years)` (0.5 when no duration is written, 0.75 from two years on), halved for a
    /// training title (intern, trainee, apprentice, student, extern, volunteer). Never 1: a title shows the job was
    /// done, not that every requirement is met, so a title alone never closes a gap; stated skills and credentials do.
    public static func experienceShare(years: Double?, title: String = "") -> Double {
        var share = 0.5
        if let years, years.isFinite { share = min(0.75, 0.5 + 0.125 * max(years, 0)) }
        let words = Set(TextTerms.runs(title).joined())
        return words.isDisjoint(with: trainingWords) ? share : share / 2
    }

    /// Words of titles held in training rather than in the job.
    static let trainingWords: Set<String> = ["intern", "internship", "trainee", "apprentice", "student", "extern", "volunteer"]

    /// Skill levels inferred from the titles a document names: for each held title used by at most 3 jobs, each
    /// requirement `(s, r)` of those jobs gets `r · experienceShare(years:title:)`; the largest over titles wins (ties: the
    /// earlier title), each with its evidence (`title "Data Scientist" (line 2, 2 years) → Data Scientists
    /// (15-2051.00)`). Skills in `excluding` (those the person states) are left out.
    public func inferredSkills(_ evidence: DocumentEvidence, excluding: Set<String> = []) -> [HeldSkill] {
        var best: [Int32: (level: Double, note: Int)] = [:]  // skill index → best level, and the note it came from
        var notes: [String] = []
        for held in evidence.heldTitles where held.jobs.count <= 3 {
            let share = Self.experienceShare(years: held.years, title: held.title)
            let duration = held.years.map { ", " + Self.format(years: $0) } ?? ""
            for index in held.jobs {
                let job = catalog.jobs[index]
                let meaning = held.nearestTitle.map { " ≈ \"\($0)\" (similarity \(String(format: "%.2f", held.similarity ?? 0)))" } ?? ""
                notes.append("title \"\(held.title)\" (line \(held.line)\(duration))\(meaning) → \(job.title) (\(job.id))")
                for (skill, required) in requiredLevels[index] {
                    let level = required * share
                    guard level > 0, level > (best[skill]?.level ?? 0) else { continue }
                    best[skill] = (level, notes.count - 1)
                }
            }
        }
        // Skill indices follow skill ids, so this is id order.
        return best.keys.sorted().compactMap { skill in
            let id = catalog.skills[Int(skill)].id
            guard !excluding.contains(id), let (level, note) = best[skill] else { return nil }
            return HeldSkill(skill: id, level: level, evidence: notes[note])
        }
    }

    /// `2 years`, `6 months`, `1.5 years`.
    public static func format(years: Double) -> String {
        guard years.isFinite, years >= 0, years < 1_000 else { return "some time" }
        if years < 1 { return "\(Int((years * 12).rounded())) months" }
        let rounded = (years * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) year\(rounded == 1 ? "" : "s")" : "\(rounded) years"
    }
}
