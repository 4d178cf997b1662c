import SkillVectors
import Testing
@testable import SkillMatch

/// The engine must equal a plain implementation of the documented formula and ordering, on random catalogues.
@Suite("Engine equals a plain reference implementation")
struct ReferenceEngineTests {
    /// fit = Σ w·min(h, r)/r / Σ w, with h the largest of stated and credential-granted levels: plain loops.
    static func referenceScore(_ catalog: Catalog, _ candidate: Candidate, _ job: Job) -> Double {
        func held(_ skill: String) -> Double {
            var level = candidate.skills.first { $0.skill == skill }?.level ?? 0
            for id in candidate.credentials {
                for grant in catalog.credential(id)!.grants where grant.skill == skill { level = max(level, grant.level) }
            }
            return level
        }
        var numerator = 0.0
        var denominator = 0.0
        for requirement in job.requirements {
            numerator += requirement.importance * min(held(requirement.skill), requirement.level) / requirement.level
            denominator += requirement.importance
        }
        return numerator / denominator
    }

    /// All jobs sorted by score rounded to 6 decimals descending, then id ascending.
    static func referenceRanking(_ catalog: Catalog, _ candidate: Candidate) -> [(String, Double)] {
        catalog.jobs.map { ($0.id, referenceScore(catalog, candidate, $0)) }.sorted { lhs, rhs in
            let (l, r) = ((lhs.1 * 1e6).rounded(.toNearestOrAwayFromZero), (rhs.1 * 1e6).rounded(.toNearestOrAwayFromZero))
            return l != r ? l > r : lhs.0 < rhs.0
        }
    }

    static func randomCatalogue(_ random: inout SplitMix64) -> Catalog {
        let skillCount = Int.random(in: 1...14, using: &random)
        let skills = (0..<skillCount).map { Skill(id: String(format: "s%02d", $0), label: "Skill \($0)") }
        let onGrid = Bool.random(using: &random)
        func level() -> Double {
            onGrid ? Double(Int.random(in: 1...4, using: &random)) / 4 : Double(Int.random(in: 1...1000, using: &random)) / 1000
        }
        var jobs: [Job] = (0..<Int.random(in: 1...16, using: &random)).map { index in
            var requirements = skills.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.map {
                Requirement(skill: $0.id, importance: Double(Int.random(in: 1...10, using: &random)) / 2, level: level())
            }
            if requirements.isEmpty { requirements = [Requirement(skill: skills[0].id, importance: 1, level: level())] }
            return Job(id: "j\(index)", title: "Job \(index)", requirements: requirements)
        }
        // Copies of jobs under other ids make exact ties.
        for copy in 0..<Int.random(in: 0...3, using: &random) {
            let original = jobs[Int.random(in: 0..<jobs.count, using: &random)]
            jobs.append(Job(id: "copy\(copy)-\(original.id)", title: original.title, requirements: original.requirements.shuffled(using: &random)))
        }
        let credentials = (0..<Int.random(in: 0...8, using: &random)).map { index in
            Credential(id: "c\(index)", name: "Credential \(index)", grants: skills.filter { _ in Int.random(in: 0..<4, using: &random) == 0 }.map {
                Grant(skill: $0.id, level: level())
            })
        }
        return try! Catalog(skills: skills, jobs: jobs.shuffled(using: &random), credentials: credentials)
    }

    static func randomCandidate(_ random: inout SplitMix64, _ catalog: Catalog) -> Candidate {
        Candidate(
            id: "p",
            skills: catalog.skills.filter { _ in Bool.random(using: &random) }.map {
                HeldSkill(skill: $0.id, level: Bool.random(using: &random) ? 1 : Double(Int.random(in: 1...8, using: &random)) / 8)
            },
            credentials: catalog.credentials.filter { _ in Bool.random(using: &random) }.map(\.id))
    }

    @Test("scores, order and explanations on 2,000 random catalogues", arguments: [FitKernel<Double>.Storage.dense, .sparse, .automatic])
    func randomCatalogues(storage: FitKernel<Double>.Storage) throws {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<2_000 {
            let catalog = Self.randomCatalogue(&random)
            let candidate = Self.randomCandidate(&random, catalog)
            let engine = MatchEngine(catalog: catalog, storage: storage)
            let expected = Self.referenceRanking(catalog, candidate)
            let k = Int.random(in: 1...catalog.jobs.count + 2, using: &random)
            let matches = try engine.match(candidate, top: k)
            #expect(matches.map(\.job) == expected.prefix(k).map(\.0))
            for (match, reference) in zip(matches, expected) { #expect(abs(match.score - reference.1) < 1e-9) }
            let job = catalog.jobs[Int.random(in: 0..<catalog.jobs.count, using: &random)]
            let fit = try engine.fit(candidate, job: job.id)
            #expect(abs(fit.score - Self.referenceScore(catalog, candidate, job)) < 1e-9)
            let explained = fit.skills.reduce(0) { $0 + $1.importance * $1.credit } / job.totalImportance
            #expect(abs(explained - fit.score) < 1e-9)
            #expect(fit.skills.count == job.requirements.count)
        }
    }
}

@Suite("Candidates ranked for a job")
struct CandidateRankingTests {
    @Test("equals each candidate's fit, ordered by rounded score then id, across block boundaries")
    func equalsFit() throws {
        var random = SplitMix64(seed: 4242)
        for round in 0..<40 {
            let catalog = ReferenceEngineTests.randomCatalogue(&random)
            var pool = (0..<(round == 0 ? 600 : Int.random(in: 0...30, using: &random))).map { index -> Candidate in
                var candidate = ReferenceEngineTests.randomCandidate(&random, catalog)
                candidate.id = "p\(index)"
                return candidate
            }
            if let first = pool.first { pool.append(Candidate(id: "tie-" + first.id, skills: first.skills, credentials: first.credentials)) }
            let job = catalog.jobs[Int.random(in: 0..<catalog.jobs.count, using: &random)].id
            let engine = MatchEngine(catalog: catalog)
            let k = Int.random(in: 1...pool.count + 1, using: &random)
            let ranked = try engine.rankCandidates(pool, for: job, top: k)
            let expected = try pool.map { (id: $0.id, score: try engine.fit($0, job: job).score) }.sorted { lhs, rhs in
                let (l, r) = (roundedScore(lhs.score), roundedScore(rhs.score))
                return l != r ? l > r : lhs.id < rhs.id
            }.prefix(k)
            #expect(ranked.map(\.candidate) == expected.map(\.id))
            for (match, reference) in zip(ranked, expected) { #expect(abs(match.score - reference.score) < 1e-12) }
        }
    }
}
