import Foundation
import SkillVectors

/// Learns a ``RelatednessModel`` from a catalogue.
///
/// 1. **Co-occurrence.** A skill × context matrix `X` of nonnegative weights. Contexts:
///    - each job: `X[s, j] = w·r / max over j's requirements of w·r` (importance times level, so the job's most
///      important, most demanding skills weigh 1), times ``RelatednessParameters/occupationWeight``;
///    - each credential: `X[s, c] =` granted level × ``RelatednessParameters/credentialWeight``;
///    - each taxonomy ancestor `a` reached from `s` through `broader` links (broader skills and skill groups, any
///      depth `d`): `taxonomyWeight · taxonomyDecay^(d−1)`; a broader skill is also a member of its own context
///      (weight `taxonomyWeight`), so a parent sits with its children;
///    - each skill with taxonomy relations to other skills (``Skill/related``, ESCO's skill–skill relations): one
///      context holding the skill and its related skills, each at `taxonomyWeight`;
///    - each job group (ISCO-08 minor group, the first three digits of `iscoGroup`, and each job zone):
///      `jobGroupWeight ·` the mean of the group's job weights `X[s, j]`.
///    Two skills co-occur when contexts list both; the weighted co-occurrence matrix is `X·Xᵀ`.
/// 2. **PPMI** reweights `X` (``PPMI``, context smoothing 0.75), so that associations count, not frequency.
/// 3. **Factorisation.** A seeded randomised SVD of the PPMI matrix, `U·Σ·Vᵀ`; its left singular vectors are the
///    eigenvectors of the PPMI co-occurrence `X·Xᵀ`, without forming that skills × skills matrix. Skill vectors
///    are the rows of `U·Σ^p` (`p` = 0.5), scaled to unit length.
///
/// BLAS runs on one thread while training, so the same catalogue and parameters give a bit-identical model.
public enum RelatednessTrainer {
    /// Trains a model on the catalogue.
    /// - Complexity: O(contexts' entries × (dimension + oversampling) × (2 · power iterations + 3)) plus
    ///   O((skills + contexts) × (dimension + oversampling)²).
    public static func train(_ catalog: Catalog, parameters: RelatednessParameters) -> RelatednessModel {
        let (counts, contexts) = cooccurrence(catalog, parameters: parameters)
        let weighted = PPMI.weighted(counts, contextSmoothing: parameters.contextSmoothing)
        var summary = contexts
        summary.entries = weighted.entryCount
        BLASThreads.set(1)
        defer { BLASThreads.set(Int32(Parallel.threadCount)) }
        let density = Double(weighted.entryCount) / Double(max(1, weighted.rows * weighted.columns))
        let svd: TruncatedSVD = density > 0.2
            ? RandomizedSVD.decompose(weighted.dense(), rank: parameters.dimension, oversampling: parameters.oversampling,
                                      powerIterations: parameters.powerIterations, seed: parameters.seed)
            : RandomizedSVD.decompose(weighted, rank: parameters.dimension, oversampling: parameters.oversampling,
                                      powerIterations: parameters.powerIterations, seed: parameters.seed)
        let n = catalog.skills.count
        let k = svd.rank
        var vectors = DenseMatrix<Float>(rows: n, columns: k)
        let scales = svd.singularValues.map { $0 > 0 ? pow($0, parameters.singularValuePower) : 0 }
        var row = [Double](repeating: 0, count: k)
        for i in 0..<n {
            var norm = 0.0
            for j in 0..<k {
                row[j] = svd.u[i, j] * scales[j]
                norm += row[j] * row[j]
            }
            guard norm > 1e-24 else { continue }
            let scale = 1 / norm.squareRoot()
            for j in 0..<k { vectors[i, j] = Float(row[j] * scale) }
        }
        return RelatednessModel(
            skillIDs: catalog.skills.map(\.id), vectors: vectors, fingerprint: CatalogFingerprint(catalog),
            parameters: parameters, singularValues: svd.singularValues, contexts: summary)
    }

    /// The skill × context weights `X` and the number of contexts of each kind.
    public static func cooccurrence(_ catalog: Catalog, parameters: RelatednessParameters) -> (SparseMatrix, ContextCounts) {
        var entries: [(row: Int, column: Int, value: Double)] = []
        var counts = ContextCounts()
        var column = 0
        // Jobs, and their normalised weights for the job groups.
        var jobWeights: [[(skill: Int, weight: Double)]] = []
        for job in catalog.jobs {
            let strengths = job.requirements.compactMap { requirement in
                catalog.skillIndex(requirement.skill).map { (skill: $0, weight: requirement.importance * requirement.level) }
            }
            let largest = strengths.map(\.weight).max() ?? 0
            let normalised = largest > 0 ? strengths.map { (skill: $0.skill, weight: $0.weight / largest) } : []
            jobWeights.append(normalised)
            if parameters.occupationWeight > 0 {
                for entry in normalised { entries.append((entry.skill, column, entry.weight * parameters.occupationWeight)) }
                column += 1
                counts.jobs += 1
            }
        }
        if parameters.credentialWeight > 0 {
            for credential in catalog.credentials where !credential.grants.isEmpty {
                for grant in credential.grants {
                    guard let skill = catalog.skillIndex(grant.skill) else { continue }
                    entries.append((skill, column, grant.level * parameters.credentialWeight))
                }
                column += 1
                counts.credentials += 1
            }
        }
        if parameters.taxonomyWeight > 0 {
            let taxonomy = ancestors(catalog)
            var contextColumns: [String: Int] = [:]
            for id in taxonomy.contexts {
                contextColumns[id] = column
                column += 1
            }
            counts.taxonomy = taxonomy.contexts.count
            for (skill, links) in taxonomy.links.enumerated() {
                for (ancestor, depth) in links {
                    let weight = parameters.taxonomyWeight * pow(parameters.taxonomyDecay, Double(depth - 1))
                    if weight > 0 { entries.append((skill, contextColumns[ancestor]!, weight)) }
                }
            }
            for (index, skill) in catalog.skills.enumerated() {
                let related = skill.related.compactMap { catalog.skillIndex($0.skill) }.filter { $0 != index }
                guard !related.isEmpty else { continue }
                for member in Set(related + [index]).sorted() { entries.append((member, column, parameters.taxonomyWeight)) }
                column += 1
                counts.taxonomy += 1
            }
        }
        if parameters.jobGroupWeight > 0 {
            var groups: [String: [Int]] = [:]
            for (index, job) in catalog.jobs.enumerated() {
                if let isco = job.iscoGroup, isco.count >= 3 { groups["isco:" + isco.prefix(3), default: []].append(index) }
                if let zone = job.jobZone { groups["zone:\(zone)", default: []].append(index) }
            }
            for key in groups.keys.sorted() {
                let members = groups[key]!
                var sums: [Int: Double] = [:]
                for job in members { for entry in jobWeights[job] { sums[entry.skill, default: 0] += entry.weight } }
                for (skill, sum) in sums.sorted(by: { $0.key < $1.key }) {
                    entries.append((skill, column, parameters.jobGroupWeight * sum / Double(members.count)))
                }
                column += 1
                counts.jobGroups += 1
            }
        }
        return (SparseMatrix(rows: catalog.skills.count, columns: column, entries: entries), counts)
    }

    /// Every skill's ancestors through `broader` links with their depth (the smallest, when several paths lead
    /// there), and the ancestor ids in sorted order. A skill that is some skill's ancestor is its own, at depth 1.
    static func ancestors(_ catalog: Catalog) -> (links: [[(String, Int)]], contexts: [String]) {
        func parents(_ id: String) -> [String] {
            if let skill = catalog.skill(id) { return skill.broader }
            if let group = catalog.skillGroup(id) { return group.broader }
            return []
        }
        var links: [[(String, Int)]] = []
        var all = Set<String>()
        for skill in catalog.skills {
            var depth: [String: Int] = [:]
            var frontier = skill.broader.filter { $0 != skill.id }
            var level = 1
            while !frontier.isEmpty && level <= 16 {
                var next: [String] = []
                for id in frontier where depth[id] == nil && id != skill.id {
                    depth[id] = level
                    next += parents(id)
                }
                frontier = next
                level += 1
            }
            links.append(depth.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            all.formUnion(depth.keys)
        }
        for (index, skill) in catalog.skills.enumerated() where all.contains(skill.id) {
            links[index].append((skill.id, 1))
        }
        return (links, all.sorted())
    }
}
