import SkillVectors
import Testing
@testable import SkillMatch

/// Gap plans must equal exhaustive search over every set of credentials, on thousands of small random catalogues.
@Suite("Gap plans against brute force")
struct GapPlannerTests {
    struct Instance {
        var catalog: Catalog
        var candidate: Candidate
        var job: String
        var filter: CredentialFilter
    }

    static func randomInstance(_ random: inout SplitMix64) -> Instance {
        let skills = (0..<Int.random(in: 1...6, using: &random)).map { Skill(id: "s\($0)", label: "Skill \($0)") }
        func level() -> Double { Double(Int.random(in: 1...4, using: &random)) / 4 }
        let requirements = skills.filter { _ in Int.random(in: 0..<4, using: &random) != 0 }.map {
            Requirement(skill: $0.id, importance: Double(Int.random(in: 1...5, using: &random)), level: level())
        }
        let job = Job(id: "job", title: "Job", requirements: requirements.isEmpty ? [Requirement(skill: "s0", importance: 1, level: level())] : requirements)
        let count = Int.random(in: 0...8, using: &random)
        var credentials: [Credential] = []
        for index in 0..<count {
            let prerequisites = index > 0 && Int.random(in: 0..<4, using: &random) == 0 ? ["c\(Int.random(in: 0..<index, using: &random))"] : []
            credentials.append(Credential(
                id: "c\(index)", name: "Credential \(index)",
                type: Bool.random(using: &random) ? .certification : .badge,
                cost: Int.random(in: 0..<6, using: &random) == 0 ? nil : Double(Int.random(in: 0...3, using: &random) * 100) + (Bool.random(using: &random) ? 0.5 : 0),
                hours: Double(Int.random(in: 0...2, using: &random) * 10),
                grants: skills.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.map { Grant(skill: $0.id, level: level()) },
                prerequisites: prerequisites,
                accreditations: Bool.random(using: &random) ? ["ANSI"] : []))
        }
        let catalog = try! Catalog(skills: skills, jobs: [job], credentials: credentials)
        let candidate = Candidate(
            id: "p",
            skills: skills.filter { _ in Bool.random(using: &random) }.map { HeldSkill(skill: $0.id, level: level()) },
            credentials: credentials.filter { _ in Int.random(in: 0..<4, using: &random) == 0 }.map(\.id))
        var filter = CredentialFilter()
        switch Int.random(in: 0..<6, using: &random) {
        case 0: filter.maxCost = Double(Int.random(in: 0...4, using: &random) * 100)
        case 1: filter.maxHours = Double(Int.random(in: 0...3, using: &random) * 10)
        case 2: filter.types = [.certification]
        case 3: filter.accreditedOnly = true
        case 4: if count > 0 { filter.excluded = ["c\(Int.random(in: 0..<count, using: &random))"] }
        default: break
        }
        return Instance(catalog: catalog, candidate: candidate, job: "job", filter: filter)
    }

    /// The best plan by brute force: every set of credentials the candidate could earn under the filter, closed under
    /// missing prerequisites, judged by (count, cost in cents, hours in hundredths, sorted ids).
    static func bruteForce(_ instance: Instance, goal: ([String]) -> Bool) -> [String]? {
        let catalog = instance.catalog
        let held = Set(instance.candidate.credentials)
        let usable = catalog.credentials.filter { credential in
            guard !held.contains(credential.id), instance.filter.admits(credential) else { return false }
            return catalog.missingPrerequisites(of: credential, held: held).allSatisfy { instance.filter.admits(catalog.credential($0)!) }
        }
        var best: (key: [Int64], ids: [String])?
        for mask in 0 ..< (1 << usable.count) {
            let chosen = usable.indices.filter { mask & (1 << $0) != 0 }.map { usable[$0] }
            let ids = Set(chosen.map(\.id))
            guard chosen.allSatisfy({ catalog.missingPrerequisites(of: $0, held: held).allSatisfy(ids.contains) }) else { continue }
            let cost = chosen.reduce(Int64(0)) { $0 + Int64((($1.cost ?? 0) * 100).rounded()) }
            let hours = chosen.reduce(Int64(0)) { $0 + Int64((($1.hours ?? 0) * 100).rounded()) }
            if let maxCost = instance.filter.maxCost, cost > Int64((maxCost * 100).rounded()) { continue }
            if let maxHours = instance.filter.maxHours, hours > Int64((maxHours * 100).rounded()) { continue }
            let sorted = ids.sorted()
            guard goal(sorted) else { continue }
            let key = [Int64(chosen.count), cost, hours]
            if let current = best, key.lexicographicallyPrecedes(current.key) == false {
                if key != current.key || !sorted.lexicographicallyPrecedes(current.ids) { continue }
            }
            best = (key, sorted)
        }
        return best?.ids
    }

    @Test("closing the gap: count, cost, hours, ids, prerequisites, held credentials, filters, uncoverable skills")
    func closeGap() throws {
        var random = SplitMix64(seed: 314)
        var raisingPlans = 0
        for _ in 0..<3_000 {
            let instance = Self.randomInstance(&random)
            let engine = MatchEngine(catalog: instance.catalog)
            let fit = try engine.fit(instance.candidate, job: instance.job)
            let gap = fit.skills.filter { $0.credit < 1 }
            let usableIDs = Set(instance.catalog.usableCredentials(held: Set(instance.candidate.credentials), filter: instance.filter).map(\.credential.id))
            func covered(by ids: [String]) -> Set<String> {
                Set(gap.filter { line in ids.contains { id in
                    instance.catalog.credential(id)!.grants.contains { $0.skill == line.skill && $0.level >= line.required }
                } }.map(\.skill))
            }
            let coverable = covered(by: Array(usableIDs))
            var expected = Self.bruteForce(instance) { covered(by: $0) == coverable }
            // Nothing coverable but something raises the fit: the fewest credentials reaching the highest fit all
            // usable credentials reach (when the budgets allow it; else the empty plan).
            func score(_ ids: [String]) -> Double {
                var holding = instance.candidate
                holding.credentials += ids
                return try! engine.fit(holding, job: instance.job).score
            }
            var raises = false
            if coverable.isEmpty, !gap.isEmpty, roundedScore(score(Array(usableIDs))) > roundedScore(fit.score) {
                let most = score(Array(usableIDs))
                if let raising = Self.bruteForce(instance, goal: { score($0) >= most - 1e-9 }), !raising.isEmpty { (expected, raises) = (raising, true) }
            }
            do {
                let plan = try GapPlanner(engine: engine).plan(instance.candidate, job: instance.job, filter: instance.filter)
                #expect(plan.optimal)
                #expect(plan.raisesOnly == raises)
                if raises { raisingPlans += 1 }
                #expect(plan.credentials.map(\.id).sorted() == expected, "filter \(instance.filter)")
                #expect(Set(plan.uncoverable.map(\.skill)) == Set(gap.map(\.skill)).subtracting(coverable))
                #expect(plan.lowerBound == plan.credentials.count)
                // Earn order: every prerequisite in the plan comes before what needs it.
                let order = plan.credentials.map(\.id)
                for (position, id) in order.enumerated() {
                    for prerequisite in instance.catalog.credential(id)!.prerequisites where order.contains(prerequisite) {
                        #expect(order.firstIndex(of: prerequisite)! < position)
                    }
                }
            } catch GapError.budgetTooSmall {
                #expect(expected == nil)
            }
        }
        #expect(raisingPlans > 30, "\(raisingPlans) plans that only raise the fit")
    }

    @Test("reaching a target score: partial levels count, unreachable targets are refused")
    func target() throws {
        var random = SplitMix64(seed: 2718)
        for _ in 0..<3_000 {
            let instance = Self.randomInstance(&random)
            let engine = MatchEngine(catalog: instance.catalog)
            let target = Double(Int.random(in: 0...20, using: &random)) / 20
            func score(_ ids: [String]) -> Double {
                var holding = instance.candidate
                holding.credentials += ids
                return try! engine.fit(holding, job: instance.job).score
            }
            let expected = Self.bruteForce(instance) { score($0) >= target - 1e-9 }
            do {
                let plan = try GapPlanner(engine: engine).plan(instance.candidate, job: instance.job, filter: instance.filter, target: target)
                #expect(plan.credentials.map(\.id).sorted() == expected)
                #expect(plan.scoreAfter >= target - 1e-9)
                #expect(plan.optimal)
            } catch GapError.targetUnreachable(_, let reachable) {
                #expect(expected == nil)
                #expect(reachable < target)
            } catch GapError.budgetTooSmall {
                #expect(expected == nil)
            }
        }
    }
}

@Suite("Amounts in messages")
struct AmountTests {
    @Test("grouped by thousands like the tables, cents only when there are some")
    func amounts() {
        #expect(GapPlanner.amount(1600) == "1,600")
        #expect(GapPlanner.amount(999) == "999")
        #expect(GapPlanner.amount(1_234_567.5) == "1,234,567.50")
        #expect(GapPlanner.amount(0) == "0")
    }
}

@Suite("Next credential and pool gaps")
struct NextCredentialTests {
    @Test("next equals a loop of fit calls, credential by credential")
    func nextEqualsLoop() throws {
        var random = SplitMix64(seed: 77)
        for _ in 0..<300 {
            let catalog = ReferenceEngineTests.randomCatalogue(&random)
            let candidate = ReferenceEngineTests.randomCandidate(&random, catalog)
            let engine = MatchEngine(catalog: catalog)
            let qualified = Double(Int.random(in: 1...4, using: &random)) / 4
            let advice = try engine.nextCredentials(for: candidate, qualified: qualified, bestJobs: 3)
            let before = try engine.scores(candidate)
            let best = try engine.match(candidate, top: 3)
            var expected: [(id: String, unlocks: [String], gain: Double)] = []
            for credential in catalog.credentials where !candidate.credentials.contains(credential.id) {
                var holding = candidate
                holding.credentials.append(credential.id)
                let after = try catalog.jobs.map { try engine.fit(holding, job: $0.id).score }
                let unlocks = catalog.jobs.indices.filter { roundedScore(before[$0]) < qualified && roundedScore(after[$0]) >= qualified }
                let gain = best.reduce(0.0) { sum, match in
                    let index = catalog.jobIndex(match.job)!
                    return sum + after[index] - before[index]
                }
                if !unlocks.isEmpty || roundedScore(gain) > 0 { expected.append((credential.id, unlocks.map { catalog.jobs[$0].id }, gain)) }
            }
            expected.sort {
                $0.unlocks.count != $1.unlocks.count ? $0.unlocks.count > $1.unlocks.count
                    : roundedScore($0.gain) != roundedScore($1.gain) ? roundedScore($0.gain) > roundedScore($1.gain) : $0.id < $1.id
            }
            #expect(advice.prospects.map(\.credential) == expected.map(\.id))
            for (prospect, reference) in zip(advice.prospects, expected) {
                #expect(Set(prospect.unlocks.map(\.job)) == Set(reference.unlocks))
                #expect(abs(prospect.gain - reference.gain) < 1e-9)
            }
        }
    }

    @Test("next with a budget names the credentials serving a best job that it left out only for want of a published cost")
    func unpricedUnderBudget() throws {
        var random = SplitMix64(seed: 83)
        var checked = 0
        for _ in 0..<300 {
            let base = ReferenceEngineTests.randomCatalogue(&random)
            // Credentials that serve random jobs, half of them with a published cost.
            let credentials = base.credentials.map { credential -> Credential in
                var credential = credential
                credential.occupations = base.jobs.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.map(\.id)
                credential.cost = Bool.random(using: &random) ? Double(Int.random(in: 1...40, using: &random)) * 25 : nil
                return credential
            }
            let catalog = try Catalog(skills: base.skills, jobs: base.jobs, credentials: credentials)
            let candidate = ReferenceEngineTests.randomCandidate(&random, catalog)
            let engine = MatchEngine(catalog: catalog)
            let budget = CredentialFilter(maxCost: 500)
            let advice = try engine.nextCredentials(for: candidate, qualified: 0.8, bestJobs: 3, filter: budget, scope: .field)
            let best = Set(advice.bestJobs.map(\.job))
            let held = Set(candidate.credentials)
            let expected = catalog.credentials.filter { credential in
                !held.contains(credential.id) && credential.cost == nil && !best.isDisjoint(with: credential.occupations)
            }.map(\.id)
            #expect(Set(advice.unpriced.map(\.credential)) == Set(expected))
            #expect(Set(advice.unpriced.map(\.credential)).isDisjoint(with: advice.prospects.map(\.credential)))
            #expect(advice.unpriced.allSatisfy { !$0.serves.isEmpty && $0.serves.allSatisfy(best.contains) })
            #expect(try engine.nextCredentials(for: candidate, qualified: 0.8, bestJobs: 3, scope: .field).unpriced.isEmpty)
            checked += expected.count
        }
        #expect(checked > 50)
    }

    @Test("profile vectors: the held vectors of the profiles, merged from integer grants without a dictionary per credential")
    func profileVectors() {
        var random = SplitMix64(seed: 79)
        for round in 0..<600 {
            // Half from the gap planner's instances, which have prerequisites and held credentials.
            let catalog: Catalog
            let candidate: Candidate
            if round % 2 == 0 {
                catalog = ReferenceEngineTests.randomCatalogue(&random)
                candidate = ReferenceEngineTests.randomCandidate(&random, catalog)
            } else {
                let instance = GapPlannerTests.randomInstance(&random)
                (catalog, candidate) = (instance.catalog, instance.candidate)
            }
            let usable = catalog.usableCredentials(held: Set(candidate.credentials), filter: CredentialFilter())
            let expected = catalog.profiles(candidate, earning: usable).map(catalog.heldVector)
            let vectors = GrantIndex(catalog).heldVectors(
                base: catalog.heldVector(catalog.effectiveLevels(of: candidate)), earning: UsableCredentials(usable, in: catalog))
            #expect(vectors.map { $0.map(\.skill) } == expected.map { $0.map(\.skill) })
            #expect(vectors.map { $0.map(\.level) } == expected.map { $0.map(\.level) })
        }
    }

    @Test("pool counts equal per-person checks")
    func poolCounts() throws {
        var random = SplitMix64(seed: 78)
        for _ in 0..<100 {
            let (catalog, people) = Self.randomPool(&random, people: 5)
            let jobs = Array(catalog.jobs.prefix(2).map(\.id))
            let report = try PoolGapAnalysis(catalog: catalog, jobs: jobs).analyse(people, qualified: 0.75)
            let engine = MatchEngine(catalog: catalog)
            for impact in report.credentials {
                var lifted = 0
                for person in people where !person.credentials.contains(impact.credential) {
                    var holding = person
                    holding.credentials.append(impact.credential)
                    let lifts = try jobs.contains { job in
                        let before = try engine.fit(person, job: job).score
                        let after = try engine.fit(holding, job: job).score
                        return roundedScore(before) < 0.75 && roundedScore(after) >= 0.75
                    }
                    if lifts { lifted += 1 }
                }
                #expect(impact.lifted == lifted)
            }
            for job in jobs {
                let qualifiedNow = try people.filter { roundedScore(try engine.fit($0, job: job).score) >= 0.75 }.count
                #expect(report.alreadyQualified[job] == qualifiedNow)
            }
        }
    }

    @Test("pool analysis in parts: the merged reports equal the report of the whole pool")
    func poolParts() throws {
        var random = SplitMix64(seed: 80)
        for _ in 0..<40 {
            let (catalog, people) = Self.randomPool(&random, people: Int.random(in: 0...12, using: &random))
            let analysis = try PoolGapAnalysis(catalog: catalog, jobs: Array(catalog.jobs.prefix(3).map(\.id)))
            let whole = try analysis.analyse(people, qualified: 0.7, threads: 1)
            // Cut at random points, empty parts included.
            var cuts = (0..<Int.random(in: 0...4, using: &random)).map { _ in Int.random(in: 0...people.count, using: &random) }
            cuts = [0] + cuts.sorted() + [people.count]
            var merged = try analysis.analyse([], qualified: 0.7)
            for (start, end) in zip(cuts, cuts.dropFirst()) {
                merged = merged.merged(with: try analysis.analyse(Array(people[start..<end]), qualified: 0.7, threads: 2))
            }
            #expect(merged == whole)
        }
    }

    @Test("pool analysis: a spent time limit stops it with poolTimeLimit; a generous one changes nothing")
    func poolTimeLimit() throws {
        var random = SplitMix64(seed: 81)
        let (catalog, people) = Self.randomPool(&random, people: 9)
        let analysis = try PoolGapAnalysis(catalog: catalog, jobs: Array(catalog.jobs.prefix(3).map(\.id)))
        #expect(throws: GapError.poolTimeLimit(seconds: 0, analysed: 0, people: 9)) {
            try analysis.analyse(people, qualified: 0.7, threads: 1, timeLimit: 0)
        }
        #expect(try analysis.analyse(people, qualified: 0.7, threads: 2, timeLimit: 600) == analysis.analyse(people, qualified: 0.7, threads: 2))
    }

    @Test("pool analysis: the same report on any number of threads, and the first invalid person's error")
    func poolThreads() throws {
        var random = SplitMix64(seed: 79)
        for _ in 0..<30 {
            let (catalog, people) = Self.randomPool(&random, people: 13)
            let analysis = try PoolGapAnalysis(catalog: catalog, jobs: Array(catalog.jobs.prefix(3).map(\.id)))
            let one = try analysis.analyse(people, qualified: 0.7, threads: 1)
            var reported: [Int] = []
            let three = try analysis.analyse(people, qualified: 0.7, threads: 3) { reported.append($0) }
            #expect(one == three)
            #expect(reported == Array(1...people.count))

            var invalid = people
            invalid[4].skills.append(HeldSkill(skill: "no-such-skill-4"))
            invalid[9].skills.append(HeldSkill(skill: "no-such-skill-9"))
            #expect {
                _ = try analysis.analyse(invalid, qualified: 0.7, threads: 3)
            } throws: { error in
                "\(error)".contains("no-such-skill-4") && !"\(error)".contains("no-such-skill-9")
            }
        }
    }

    /// A random catalogue and a pool of random people in it, with ids p0, p1, ….
    static func randomPool(_ random: inout SplitMix64, people count: Int) -> (Catalog, [Candidate]) {
        let catalog = ReferenceEngineTests.randomCatalogue(&random)
        let people = (0..<count).map { index -> Candidate in
            var person = ReferenceEngineTests.randomCandidate(&random, catalog)
            person.id = "p\(index)"
            return person
        }
        return (catalog, people)
    }
}
