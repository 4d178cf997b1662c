import SkillVectors

/// Offline checks of a relatedness model's quality on a catalogue.
public enum ModelEvaluation {
    /// What a hold-out test found.
    public struct HoldoutReport: Sendable, Codable {
        /// Requirements eligible to be held out (importance at least the essential importance).
        public var eligible: Int
        /// Requirements held out.
        public var heldOut: Int
        /// Jobs with at least one held-out requirement.
        public var jobs: Int
        /// The cut-offs `k`.
        public var k: [Int]
        /// Share of held-out links found among each job's top-k skills: score = the largest similarity to a skill
        /// the job still requires (the rule inference uses).
        public var recallMaxSimilarity: [Double]
        /// The same with score = cosine to the job's importance-weighted mean skill vector.
        public var recallCentroid: [Double]
        /// The same with skills ranked by how many jobs require them (a baseline that uses no model).
        public var recallPopularity: [Double]
        /// Seconds spent training the model on the reduced catalogue.
        public var trainingSeconds: Double
    }

    /// Hides a seeded random `fraction` of the requirements with importance ≥ `essentialImportance` (never a job's
    /// last requirement), trains a model on what is left, and measures how many hidden links come back among each
    /// job's top-k skills not already required.
    public static func holdout(
        _ catalog: Catalog, parameters: RelatednessParameters, fraction: Double, seed: UInt64, essentialImportance: Double,
        k: [Int], clock: () -> Double
    ) throws -> HoldoutReport {
        var links: [(job: Int, requirement: Int)] = []
        for (j, job) in catalog.jobs.enumerated() {
            for (r, requirement) in job.requirements.enumerated() where requirement.importance >= essentialImportance {
                links.append((j, r))
            }
        }
        var random = SplitMix64(seed: seed)
        links.shuffle(using: &random)
        var remaining = catalog.jobs.map(\.requirements.count)
        var hidden = [Set<Int>](repeating: [], count: catalog.jobs.count)
        let target = Int((Double(links.count) * fraction).rounded())
        var count = 0
        for link in links where count < target && remaining[link.job] > 1 {
            hidden[link.job].insert(link.requirement)
            remaining[link.job] -= 1
            count += 1
        }
        let jobs = catalog.jobs.enumerated().map { j, job in
            var reduced = job
            reduced.requirements = job.requirements.enumerated().filter { !hidden[j].contains($0.offset) }.map(\.element)
            return reduced
        }
        let reduced = try Catalog(skills: catalog.skills, jobs: jobs, credentials: catalog.credentials, skillGroups: catalog.skillGroups)
        let start = clock()
        let model = RelatednessTrainer.train(reduced, parameters: parameters)
        let seconds = clock() - start
        let n = catalog.skills.count
        let d = model.dimension
        var popularity = [Double](repeating: 0, count: n)
        for job in reduced.jobs { for requirement in job.requirements { popularity[reduced.skillIndex(requirement.skill)!] += 1 } }
        let largestK = k.max() ?? 0
        var hits = [[Int]](repeating: [Int](repeating: 0, count: k.count), count: 3)
        var jobCount = 0
        var similarities = [Float]()
        for (j, job) in reduced.jobs.enumerated() where !hidden[j].isEmpty {
            jobCount += 1
            let known = job.requirements.map { reduced.skillIndex($0.skill)! }
            let knownSet = Set(known)
            let wanted = Set(hidden[j].map { catalog.skillIndex(catalog.jobs[j].requirements[$0].skill)! })
            // Similarities of every skill to every known skill: one sgemm (n × d) · (known × d)ᵀ.
            var knownVectors = [Float](repeating: 0, count: known.count * d)
            for (row, skill) in known.enumerated() { for c in 0..<d { knownVectors[row * d + c] = model.vectors[skill, c] } }
            similarities = [Float](repeating: 0, count: n * known.count)
            model.vectors.withUnsafeStorage { v in
                knownVectors.withUnsafeBufferPointer { kv in
                    similarities.withUnsafeMutableBufferPointer { out in
                        Float.gemmABt(m: n, n: known.count, k: d, a: v!, lda: d, b: kv.baseAddress!, ldb: d, c: out.baseAddress!, ldc: known.count)
                    }
                }
            }
            var centroid = [Double](repeating: 0, count: d)
            for (row, requirement) in job.requirements.enumerated() {
                for c in 0..<d { centroid[c] += requirement.importance * Double(knownVectors[row * d + c]) }
            }
            var maxScores = [Double](repeating: -2, count: n)
            var centroidScores = [Double](repeating: -2, count: n)
            var popularityScores = [Double](repeating: -1, count: n)
            for s in 0..<n where !knownSet.contains(s) {
                var best: Float = -2
                for t in 0..<known.count { best = max(best, similarities[s * known.count + t]) }
                maxScores[s] = Double(best)
                var dot = 0.0
                for c in 0..<d { dot += centroid[c] * Double(model.vectors[s, c]) }
                centroidScores[s] = dot
                popularityScores[s] = popularity[s]
            }
            for (method, scores) in [maxScores, centroidScores, popularityScores].enumerated() {
                let ranked = TopK.best(
                    (0..<n).lazy.filter { !knownSet.contains($0) }.map { RankedIndex(index: $0, score: scores[$0]) }, k: largestK)
                for (position, cutoff) in k.enumerated() {
                    hits[method][position] += ranked.prefix(cutoff).filter { wanted.contains($0.index) }.count
                }
            }
        }
        let total = Double(max(1, count))
        return HoldoutReport(
            eligible: links.count, heldOut: count, jobs: jobCount, k: k,
            recallMaxSimilarity: hits[0].map { Double($0) / total }, recallCentroid: hits[1].map { Double($0) / total },
            recallPopularity: hits[2].map { Double($0) / total }, trainingSeconds: seconds)
    }

    /// How often a job's nearest jobs fall in its own group.
    public struct GroupReport: Sendable, Codable {
        /// The grouping (`isco-major`, `soc-major`, ...).
        public var grouping: String
        /// Jobs with a group.
        public var jobs: Int
        /// Neighbours looked at per job.
        public var neighbours: Int
        /// Share of those neighbours in the job's group.
        public var share: Double
        /// The share expected at random: the mean over jobs of (group size − 1) / (jobs with a group − 1).
        public var chance: Double
    }

    /// Share of each job's `k` nearest jobs (by ``OccupationSimilarity``) in its own group, against chance.
    public static func groupCoherence(
        _ lists: [[RankedIndex]], catalog: Catalog, grouping: String, group: (Job) -> String?
    ) -> GroupReport {
        let groups = catalog.jobs.map(group)
        var sizes: [String: Int] = [:]
        for case let key? in groups { sizes[key, default: 0] += 1 }
        let grouped = groups.compactMap { $0 }.count
        var same = 0
        var looked = 0
        var chance = 0.0
        for (j, list) in lists.enumerated() {
            guard let key = groups[j] else { continue }
            chance += Double(sizes[key]! - 1) / Double(max(1, grouped - 1))
            for neighbour in list where groups[neighbour.index] != nil {
                looked += 1
                if groups[neighbour.index] == key { same += 1 }
            }
        }
        return GroupReport(
            grouping: grouping, jobs: grouped, neighbours: lists.first?.count ?? 0,
            share: Double(same) / Double(max(1, looked)), chance: chance / Double(max(1, grouped)))
    }

    /// How many of a job's group mates its nearest jobs find.
    public struct GroupRecallReport: Sendable, Codable {
        /// The grouping.
        public var grouping: String
        /// Jobs with at least one group mate.
        public var jobs: Int
        /// The cut-off.
        public var k: Int
        /// Mean over those jobs of |nearest k ∩ group mates| / min(k, group mates).
        public var recall: Double
    }

    /// Recall of each job's group mates among its `k` nearest jobs (the lists must hold at least `k`).
    public static func groupRecall(
        _ lists: [[RankedIndex]], catalog: Catalog, grouping: String, k: Int, group: (Job) -> String?
    ) -> GroupRecallReport {
        let groups = catalog.jobs.map(group)
        var sizes: [String: Int] = [:]
        for case let key? in groups { sizes[key, default: 0] += 1 }
        var jobs = 0
        var total = 0.0
        for (j, list) in lists.enumerated() {
            guard let key = groups[j], let size = sizes[key], size > 1 else { continue }
            jobs += 1
            let found = list.prefix(k).filter { groups[$0.index] == key }.count
            total += Double(found) / Double(min(k, size - 1))
        }
        return GroupRecallReport(grouping: grouping, jobs: jobs, k: k, recall: total / Double(max(1, jobs)))
    }
}
