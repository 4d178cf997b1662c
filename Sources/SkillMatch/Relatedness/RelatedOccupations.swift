import Foundation
import SkillVectors

/// Related occupations from every descriptor a taxonomy publishes, combined at the rank level.
///
/// Each *view* ranks all other jobs by one descriptor; views a job lacks (ESCO publishes no tasks, interests or
/// zones) abstain for it. The views:
///
/// | view | similarity of jobs i and j |
/// |---|---|
/// | `skills` | centred cosine of the rated skill, knowledge and ability profiles (importance × level, summing to 1) |
/// | `embedding` | centred cosine of the profiles embedded through the relatedness model (`Σ p[s]·v_s`, all requirements) |
/// | `technologies` | cosine of idf-weighted technology sets (`idf = ln(N/df)`) |
/// | `activities` | cosine of idf-weighted sets of detailed work activities (O*NET DWAs) |
/// | `tasks` | TF-IDF cosine (`(1 + ln tf)·ln(N/df)`, ``TextTerms``) of the description and task statements |
/// | `titles` | TF-IDF cosine of the title, alternate, reported and hidden titles |
/// | `interests` | Pearson correlation of the RIASEC interest profiles |
/// | `jobZone` | `−|zone_i − zone_j|` |
///
/// They are fused by ``RankFusion`` (`fused = Σ_v 1/(60 + rank_v)`, mid-ranks for ties); the list is ordered by the
/// fused score rounded to 6 decimals, then job index (id order). Every view counts the same: no weight was fitted.
/// Deterministic: the same catalogue and model give the same lists on every run.
public struct RelatedOccupations: Sendable {
    /// A descriptor jobs are ranked by.
    public enum View: String, CaseIterable, Sendable, Codable {
        case skills, embedding, technologies, activities, tasks, titles, interests, jobZone
    }

    /// A related job: its index, fused score and its mid-rank in each view that ranked it.
    public struct Neighbour: Sendable, Hashable {
        /// The job's index in the catalogue.
        public var index: Int
        /// The fused score (`nil` when the list was ranked some other way).
        public var fused: Double?
        /// The job's mid-rank (1 = most similar) in each view that ranked it, in ``View`` order.
        public var ranks: [ViewRank]

        /// Creates a neighbour.
        public init(index: Int, fused: Double?, ranks: [ViewRank]) {
            self.index = index
            self.fused = fused
            self.ranks = ranks
        }
    }

    /// A job's place in one view's ranking.
    public struct ViewRank: Sendable, Hashable {
        /// The view.
        public var view: View
        /// The mid-rank, 1 for the most similar; ties share the mean of the ranks they span.
        public var rank: Double
    }

    private enum Scores: Sendable {
        case cosine(SparseCosineRows)
        case zone([Int?])
    }

    /// The catalogue.
    public let catalog: Catalog
    /// The views in use, in ``View`` order, each with data for at least two jobs.
    public let views: [View]
    private let scores: [Scores]

    /// Builds every view (or only `views`, for ablations) for the catalogue's jobs.
    /// - Complexity: O(total size of the jobs' descriptors + jobs × model dimension).
    public init(catalog: Catalog, model: RelatednessModel, views wanted: Set<View> = Set(View.allCases)) {
        self.catalog = catalog
        var views: [View] = []
        var scores: [Scores] = []
        for view in View.allCases where wanted.contains(view) {
            let built = Self.build(view, catalog: catalog, model: model)
            let present: Int
            switch built {
            case .cosine(let rows): present = rows.present.filter { $0 }.count
            case .zone(let zones): present = zones.compactMap { $0 }.count
            }
            guard present >= 2 else { continue }
            views.append(view)
            scores.append(built)
        }
        self.views = views
        self.scores = scores
    }

    /// The `k` jobs most related to the job at index `i`, by fused score (rounded to 6 decimals) then index.
    public func nearest(to i: Int, k: Int) -> [Neighbour] {
        var scratch = Scratch(count: catalog.jobs.count)
        return nearest(to: i, k: k, scratch: &scratch)
    }

    /// The `k` nearest jobs of every job, in job order (rows computed on all cores); the same lists as
    /// ``nearest(to:k:)``.
    public func allNearest(k: Int) -> [[Neighbour]] {
        let n = catalog.jobs.count
        var lists = [[Neighbour]](repeating: [], count: n)
        let parts = Parallel.ranges(n, parts: Parallel.threadCount * 4)
        lists.withUnsafeMutableBufferPointer { out in
            let out = UnsafeOutput(out)
            Parallel.forEach(parts.count) { part in
                var scratch = Scratch(count: n)
                for i in parts[part] { out.base[i] = nearest(to: i, k: k, scratch: &scratch) }
            }
        }
        return lists
    }

    /// Buffers reused across rows.
    private struct Scratch {
        var similarity: [Double]
        var ranks: [[Double]]
        var fused: [Double]
        var items: [Int] = []

        init(count: Int) {
            similarity = [Double](repeating: 0, count: count)
            ranks = []
            fused = [Double](repeating: 0, count: count)
        }
    }

    private func nearest(to i: Int, k: Int, scratch: inout Scratch) -> [Neighbour] {
        let n = catalog.jobs.count
        if scratch.ranks.count != scores.count { scratch.ranks = [[Double]](repeating: [Double](repeating: 0, count: n), count: scores.count) }
        for j in 0..<n { scratch.fused[j] = 0 }
        for (v, view) in scores.enumerated() {
            for j in 0..<n { scratch.ranks[v][j] = 0 }
            scratch.items.removeAll(keepingCapacity: true)
            switch view {
            case .cosine(let rows):
                guard rows.present[i] else { continue }
                rows.similarities(of: i, into: &scratch.similarity)
                for j in 0..<n where j != i && rows.present[j] { scratch.items.append(j) }
            case .zone(let zones):
                guard let zone = zones[i] else { continue }
                for j in 0..<n where j != i {
                    guard let other = zones[j] else { continue }
                    scratch.similarity[j] = -Double(abs(zone - other))
                    scratch.items.append(j)
                }
            }
            RankFusion.midRanks(scratch.similarity, items: scratch.items, into: &scratch.ranks[v])
            for j in scratch.items { scratch.fused[j] += RankFusion.contribution(rank: scratch.ranks[v][j]) }
        }
        let fused = scratch.fused
        let best = TopK.best((0..<n).lazy.filter { $0 != i }.map { RankedIndex(index: $0, score: fused[$0]) }, k: k)
        return best.map { ranked in
            Neighbour(
                index: ranked.index, fused: ranked.score,
                ranks: views.indices.compactMap { v in scratch.ranks[v][ranked.index] > 0 ? ViewRank(view: views[v], rank: scratch.ranks[v][ranked.index]) : nil })
        }
    }

    // MARK: Building the views

    private static func build(_ view: View, catalog: Catalog, model: RelatednessModel) -> Scores {
        switch view {
        case .skills: return .cosine(skillProfiles(catalog))
        case .embedding: return .cosine(embeddedProfiles(catalog, model: model))
        case .technologies:
            return .cosine(idfSets(catalog.jobs.map { job in
                job.requirements.filter { catalog.skill($0.skill)?.type == .technology }.map(\.skill)
            }))
        case .activities: return .cosine(idfSets(catalog.jobs.map(\.activities)))
        case .tasks: return .cosine(textVectors(catalog.jobs.map { [$0.description ?? ""] + $0.tasks }))
        case .titles: return .cosine(textVectors(catalog.jobs.map { [$0.title] + $0.alternateTitles + $0.hiddenTitles }))
        case .interests:
            return .cosine(SparseCosineRows(
                rows: catalog.jobs.map { job in
                    guard let values = job.interests?.values else { return [] }
                    let mean = values.reduce(0, +) / Double(values.count)
                    return values.enumerated().map { (column: $0.offset, value: $0.element - mean) }
                },
                columnCount: 6, centred: false))
        case .jobZone: return .zone(catalog.jobs.map(\.jobZone))
        }
    }

    /// Importance × level over the rated (non-technology) requirements, summing to 1 per job; centred.
    private static func skillProfiles(_ catalog: Catalog) -> SparseCosineRows {
        let rows = catalog.jobs.map { job -> [(column: Int, value: Double)] in
            let entries = job.requirements.compactMap { requirement -> (column: Int, value: Double)? in
                guard let index = catalog.skillIndex(requirement.skill), catalog.skills[index].type != .technology else { return nil }
                return (index, requirement.importance * requirement.level)
            }
            let total = entries.reduce(0) { $0 + $1.value }
            return total > 0 ? entries.map { ($0.column, $0.value / total) } : []
        }
        return SparseCosineRows(rows: rows, columnCount: catalog.skills.count, centred: true)
    }

    /// `Σ_s p[s]·v_s` over all requirements (p: importance × level summing to 1); centred.
    private static func embeddedProfiles(_ catalog: Catalog, model: RelatednessModel) -> SparseCosineRows {
        let d = model.dimension
        let rows = catalog.jobs.map { job -> [(column: Int, value: Double)] in
            let strengths = job.requirements.compactMap { requirement -> (Int, Double)? in
                catalog.skillIndex(requirement.skill).map { ($0, requirement.importance * requirement.level) }
            }
            let total = strengths.reduce(0) { $0 + $1.1 }
            guard total > 0 else { return [] }
            var sum = [Double](repeating: 0, count: d)
            for (skill, weight) in strengths {
                for c in 0..<d { sum[c] += weight / total * Double(model.vectors[skill, c]) }
            }
            return sum.enumerated().map { (column: $0.offset, value: $0.element) }
        }
        return SparseCosineRows(rows: rows, columnCount: d, centred: true)
    }

    /// Binary sets weighted by `idf = ln(N / df)` over the jobs that have any.
    private static func idfSets(_ sets: [[String]]) -> SparseCosineRows {
        var columns: [String: Int] = [:]
        let ids = sets.map { set in Set(set).sorted().map { key -> Int in
            if let column = columns[key] { return column }
            columns[key] = columns.count
            return columns.count - 1
        } }
        return weighted(ids.map { $0.map { ($0, 1.0) } }, columnCount: columns.count)
    }

    /// TF-IDF of texts' terms: `(1 + ln tf)`, weighted by `idf = ln(N / df)`.
    private static func textVectors(_ texts: [[String]]) -> SparseCosineRows {
        var columns: [String: Int] = [:]
        let rows = texts.map { parts -> [(Int, Double)] in
            var counts: [String: Int] = [:]
            for part in parts { for (term, count) in TextTerms.counts(part) { counts[term, default: 0] += count } }
            return counts.sorted { $0.key < $1.key }.map { term, count in
                let column = columns[term] ?? columns.count
                columns[term] = column
                return (column, 1 + log(Double(count)))
            }
        }
        return weighted(rows, columnCount: columns.count)
    }

    /// Rows of term frequencies weighted by each column's `idf = ln(N / df)`, N the rows with any entry.
    private static func weighted(_ rows: [[(Int, Double)]], columnCount: Int) -> SparseCosineRows {
        var frequency = [Int](repeating: 0, count: columnCount)
        for row in rows { for (column, _) in row { frequency[column] += 1 } }
        let n = Double(rows.filter { !$0.isEmpty }.count)
        let idf = frequency.map { $0 > 0 ? log(n / Double($0)) : 0 }
        return SparseCosineRows(
            rows: rows.map { $0.map { (column: $0.0, value: $0.1 * idf[$0.0]) } }, columnCount: columnCount, centred: false)
    }
}

/// A buffer rows are written into from several threads, each to its own slots.
private struct UnsafeOutput<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
