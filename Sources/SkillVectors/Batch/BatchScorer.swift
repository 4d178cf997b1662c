import HeapModule

/// Scores blocks of candidates against every job and keeps only the best matches: the exact fit formula for
/// N candidates × M jobs, in blocks, on every core, never holding N × M scores.
///
/// Three kernels compute a block's scores; ``Kernel/automatic`` picks one by the catalogue's shape:
/// - ``Kernel/table``: gathers from a table of precomputed credits (``CreditTable``), `Float`, SIMD. For catalogues
///   whose jobs rate many of the skills (O*NET-like), where it does 4–10 times less work than the expanded
///   inner product.
/// - ``Kernel/sparse``: an inverted index from skills to the jobs requiring them (``JobPostings``), `Double`,
///   touching only the jobs that share a skill with the candidate. Chosen when the expanded job matrix is under
///   5% dense (ESCO-like).
/// - ``Kernel/gemm``: the expanded inner product (``ThresholdEncoding``) as BLAS `sgemm` blocks, one BLAS thread
///   per worker.
///
/// Exactness: `Float` scores only choose the contenders. Every score in a result is recomputed in `Double`
/// from the job's requirements, and every job (or candidate) that could rank in the top k — any whose `Float`
/// score is within the kernel's proven rounding bound (plus 10⁻⁶ for the 6-decimal ranking key) of the k-th
/// best — is recomputed before the final order is decided. The order is therefore exactly that of
/// ``TopK``: score rounded to 6 decimals descending, then index ascending (or the caller's tie key).
public struct BatchScorer: Sendable {
    /// How a block's scores are computed.
    public enum Kernel: String, Sendable, CaseIterable {
        /// Chosen by the catalogue's shape (see ``BatchScorer``).
        case automatic
        /// Gathers from a table of precomputed credits.
        case table
        /// An inverted index, for sparse catalogues.
        case sparse
        /// BLAS `sgemm` on the expanded inner product.
        case gemm
    }

    /// Above this many bytes the credit table is not built (`.automatic` uses `.gemm` instead).
    public static var maximumTableBytes: Int { 512 << 20 }

    /// The kernel in use (never `.automatic`).
    public let kernel: Kernel
    /// Every job's requirements, for exact recomputation.
    public let requirements: JobRequirements
    /// The level encoding of the catalogue.
    public let encoding: ThresholdEncoding
    /// The fraction of non-zero entries in the expanded job matrix.
    public let density: Double
    private let table: CreditTable?
    private let postings: JobPostings?
    private let expanded: DenseMatrix<Float>?

    /// The number of jobs.
    public var jobCount: Int { requirements.jobCount }

    /// Encodes the jobs for the chosen kernel.
    /// - Parameters:
    ///   - skillCount: skill indices are below it.
    ///   - jobs: each job's requirements `(skill, weight, level)`, weight > 0, level in (0, 1].
    ///   - kernel: the kernel, or `.automatic`.
    public init(skillCount: Int, jobs: [[(skill: Int, weight: Double, level: Double)]], kernel: Kernel = .automatic) {
        let requirements = JobRequirements(skillCount: skillCount, jobs: jobs)
        let encoding = ThresholdEncoding(
            skillCount: skillCount,
            requiredLevels: zip(requirements.skills, requirements.levels).lazy.map { (skill: Int($0), level: $1) })
        var stored = 0
        for (skill, level) in zip(requirements.skills, requirements.levels) {
            stored += encoding.feature(skill: Int(skill), level: level)! - encoding.featureStarts[Int(skill)] + 1
        }
        let cells = requirements.jobCount * encoding.featureCount
        let density = cells == 0 ? 0 : Double(stored) / Double(cells)
        var chosen = kernel
        if chosen == .automatic {
            chosen = density < FitKernel<Float>.sparseDensityThreshold ? .sparse
                : CreditTable.bytes(featureCount: encoding.featureCount, jobCount: requirements.jobCount) <= Self.maximumTableBytes
                ? .table : .gemm
        }
        self.kernel = chosen
        self.requirements = requirements
        self.encoding = encoding
        self.density = density
        self.table = chosen == .table ? CreditTable(encoding: encoding, requirements: requirements) : nil
        self.postings = chosen == .sparse ? JobPostings(requirements) : nil
        if chosen == .gemm {
            var matrix = DenseMatrix<Float>(rows: requirements.jobCount, columns: encoding.featureCount)
            for (row, job) in jobs.enumerated() {
                matrix.withRow(row) { encoding.encodeRequired(job, into: $0) }
            }
            self.expanded = matrix
        } else {
            self.expanded = nil
        }
    }

    /// The best `k` jobs for every candidate of a block, best first, with exact `Double` scores.
    ///
    /// - Parameters:
    ///   - held: the candidates' effective levels.
    ///   - k: jobs per candidate.
    ///   - minimumScore: jobs scoring below it are left out.
    ///   - threads: worker threads (candidates are split between them).
    /// - Returns: one list per candidate, in block order; indices are job indices.
    public func topJobs(
        _ held: HeldLevels, k: Int, minimumScore: Double = 0, threads: Int = Parallel.threadCount
    ) -> [[RankedIndex]] {
        var results = [[RankedIndex]](repeating: [], count: held.count)
        guard k > 0, held.count > 0 else { return results }
        let parts = Parallel.ranges(held.count, parts: threads)
        if kernel == .gemm && parts.count > 1 { BLASThreads.set(1) }
        results.withUnsafeMutableBufferPointer { out in
            let out = out.baseAddress!
            Parallel.forEach(parts.count) { part in
                var workspace = Workspace(self)
                let range = parts[part]
                for start in stride(from: range.lowerBound, to: range.upperBound, by: Workspace.blockSize) {
                    let block = start ..< min(start + Workspace.blockSize, range.upperBound)
                    if kernel == .sparse {
                        for c in block { out[c] = workspace.sparseTop(held, candidate: c, k: k, minimumScore: minimumScore) }
                    } else {
                        workspace.scoreFloats(held, block: block)
                        for c in block {
                            out[c] = workspace.selectTop(held, candidate: c, row: c - block.lowerBound, k: k, minimumScore: minimumScore)
                        }
                    }
                }
            }
        }
        return results
    }

    /// Offers a block of candidates to every job's ranking (the other direction: the best candidates per job).
    ///
    /// - Parameters:
    ///   - held: the candidates' effective levels.
    ///   - ties: each candidate's tie-break key (its id): among equal rounded scores the smaller key ranks first,
    ///     then the smaller ordinal.
    ///   - firstOrdinal: the ordinal of the block's first candidate in the whole input.
    ///   - rankings: the per-job rankings to update.
    ///   - jobs: the jobs to rank (all by default).
    public func rank<Tie: Comparable & Sendable>(
        _ held: HeldLevels, ties: [Tie], firstOrdinal: Int, into rankings: inout CandidateRankings<Tie>,
        jobs: Range<Int>? = nil, threads: Int = Parallel.threadCount
    ) {
        precondition(ties.count == held.count, "one tie key per candidate")
        let jobs = jobs ?? 0 ..< jobCount
        guard held.count > 0, !jobs.isEmpty, rankings.k > 0 else { return }
        if kernel == .gemm && threads > 1 { BLASThreads.set(1) }
        let minimumScore = rankings.minimumScore
        let width = CreditTable.panelWidth
        let padded = (jobCount + width - 1) / width * width
        for start in stride(from: 0, to: held.count, by: 512) {
            let block = start ..< min(start + 512, held.count)
            // Phase 1: Float scores and their error bounds, candidates split between the workers.
            var scores = [Float](repeating: 0, count: block.count * padded)
            var bounds = [Double](repeating: 0, count: block.count)
            let candidateParts = Parallel.ranges(block.count, parts: threads)
            scores.withUnsafeMutableBufferPointer { scores in
                bounds.withUnsafeMutableBufferPointer { bounds in
                    let (scores, bounds) = (scores.baseAddress!, bounds.baseAddress!)
                    Parallel.forEach(candidateParts.count) { part in
                        var workspace = Workspace(self)
                        let range = candidateParts[part]
                        for sub in stride(from: range.lowerBound, to: range.upperBound, by: Workspace.blockSize) {
                            let rows = (block.lowerBound + sub) ..< (block.lowerBound + min(sub + Workspace.blockSize, range.upperBound))
                            workspace.scoreFloats(held, block: rows)
                            for c in rows {
                                let row = c - block.lowerBound
                                let source = workspace.floats.withUnsafeBufferPointer { $0.baseAddress! + (c - rows.lowerBound) * padded }
                                (scores + row * padded).update(from: source, count: padded)
                                bounds[row] = workspace.bounds[c - rows.lowerBound]
                            }
                        }
                    }
                }
            }
            // Phase 2: each worker updates the rankings of its own jobs, reading the block row by row (contiguous)
            // against each job's admission threshold, which changes only when its heap does.
            let jobParts = Parallel.ranges(jobs.count, parts: threads)
            let k = rankings.k
            rankings.heaps.withUnsafeMutableBufferPointer { heaps in
                let heaps = heaps.baseAddress!
                scores.withUnsafeBufferPointer { scores in
                    let scores = scores.baseAddress!
                    Parallel.forEach(jobParts.count) { part in
                        let mine = (jobParts[part].lowerBound + jobs.lowerBound) ..< (jobParts[part].upperBound + jobs.lowerBound)
                        var spread = [Double](repeating: 0, count: requirements.skillCount)
                        // A Float score f with error bound b can matter for a job only when f + b reaches need[job].
                        var need = mine.map { Self.admission(heaps[$0], k: k, minimumScore: minimumScore) }
                        for row in 0 ..< block.count {
                            let c = block.lowerBound + row
                            let bound = bounds[row]
                            let line = scores + row * padded
                            for (slot, job) in mine.enumerated() {
                                let f = Double(line[job])
                                if f + bound < need[slot] { continue }
                                let exact = f == 0 ? 0 : spread.withUnsafeMutableBufferPointer { spread in
                                    exactScore(held, candidate: c, job: job, spread: spread.baseAddress!)
                                }
                                guard exact >= minimumScore else { continue }
                                let entry = CandidateRankings<Tie>.Entry(
                                    key: RankedIndex(index: 0, score: exact).rankKey, tie: ties[c],
                                    ordinal: firstOrdinal + c, score: exact)
                                if heaps[job].count < k {
                                    heaps[job].insert(entry)
                                } else if let worst = heaps[job].min, worst < entry {
                                    heaps[job].replaceMin(with: entry)
                                } else {
                                    continue
                                }
                                need[slot] = Self.admission(heaps[job], k: k, minimumScore: minimumScore)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The least exact score that can still enter a job's ranking: the minimum score until `k` are kept, then
    /// (also) anything that rounds to at least the worst kept score's 6-decimal key.
    static func admission<Tie>(_ heap: Heap<CandidateRankings<Tie>.Entry>, k: Int, minimumScore: Double) -> Double {
        guard heap.count >= k, let worst = heap.min else { return minimumScore }
        return max(minimumScore, (Double(worst.key) - 0.5) / 1_000_000)
    }

    /// The exact fit of one candidate of a block for one job, in `Double`, summed in requirement order.
    func exactScore(_ held: HeldLevels, candidate c: Int, job: Int, spread: UnsafeMutablePointer<Double>) -> Double {
        let row = held.row(c)
        for entry in row { spread[Int(held.skills[entry])] = held.levels[entry] }
        let score = requirements.score(job: job, held: spread)
        for entry in row { spread[Int(held.skills[entry])] = 0 }
        return score
    }

    /// Scratch memory of one worker thread.
    struct Workspace {
        /// Candidates scored together by the `Float` kernels.
        static let blockSize = 64
        let scorer: BatchScorer
        let padded: Int
        /// `blockSize × padded` Float scores of the current block.
        var floats: [Float]
        /// The proven error bound of each row of `floats`.
        var bounds: [Double]
        var spread: [Double]
        var doubles: [Double]
        var touched: [Int32] = []
        var rows: [Int32] = []
        var weights: [Float] = []
        var entryStarts: [Int] = []
        var candidateMatrix: [Float] = []
        var contenders: [RankedIndex] = []
        var best: [Float] = []
        var bestScores: [Double] = []

        init(_ scorer: BatchScorer) {
            self.scorer = scorer
            let width = CreditTable.panelWidth
            padded = (scorer.jobCount + width - 1) / width * width
            floats = [Float](repeating: 0, count: Self.blockSize * padded)
            bounds = [Double](repeating: 0, count: Self.blockSize)
            spread = [Double](repeating: 0, count: scorer.requirements.skillCount)
            doubles = scorer.kernel == .sparse ? [Double](repeating: 0, count: scorer.jobCount) : []
        }

        /// Fills `floats` (one padded row per candidate of `block`) and `bounds`.
        mutating func scoreFloats(_ held: HeldLevels, block: Range<Int>) {
            let unit = Double(Float.ulpOfOne) / 2
            switch scorer.kernel {
            case .table:
                let table = scorer.table!
                rows.removeAll(keepingCapacity: true)
                weights.removeAll(keepingCapacity: true)
                entryStarts.removeAll(keepingCapacity: true)
                entryStarts.append(0)
                for (i, c) in block.enumerated() {
                    let entries = held.row(c)
                    let added = table.appendEntries(
                        skills: held.skills[entries], levels: held.levels[entries], rows: &rows, weights: &weights)
                    entryStarts.append(rows.count)
                    // Rounding of table values, weights and products (3u), plus (n − 1)u for the running sum of
                    // n non-negative terms whose total is at most 1; doubled for margin.
                    bounds[i] = 2 * Double(added + 3) * unit
                }
                let padded = self.padded
                let starts = entryStarts
                rows.withUnsafeBufferPointer { rows in
                    weights.withUnsafeBufferPointer { weights in
                        table.values.withUnsafeBytes { values in
                            floats.withUnsafeMutableBufferPointer { floats in
                                for panel in 0 ..< table.panelCount {
                                    for i in 0 ..< block.count {
                                        table.accumulate(
                                            panel: panel, rows: rows.baseAddress! + starts[i], weights: weights.baseAddress! + starts[i],
                                            count: starts[i + 1] - starts[i], table: values.baseAddress!,
                                            into: floats.baseAddress! + i * padded + panel * CreditTable.panelWidth)
                                    }
                                }
                            }
                        }
                    }
                }
            case .gemm:
                let expanded = scorer.expanded!
                let features = scorer.encoding.featureCount
                let count = block.count
                if candidateMatrix.count < count * features { candidateMatrix = [Float](repeating: 0, count: Self.blockSize * features) }
                candidateMatrix.withUnsafeMutableBufferPointer { matrix in
                    matrix.update(repeating: 0)
                    for (i, c) in block.enumerated() {
                        let entries = held.row(c)
                        let row = UnsafeMutableBufferPointer(rebasing: matrix[i * features ..< (i + 1) * features])
                        scorer.encoding.encodeHeld(
                            zip(held.skills[entries], held.levels[entries]).lazy.map { (skill: Int($0), level: $1) }, into: row)
                    }
                    floats.withUnsafeMutableBufferPointer { floats in
                        expanded.withUnsafeStorage { jobs in
                            if let jobs, features > 0 {
                                Float.gemmABt(
                                    m: count, n: scorer.jobCount, k: features, a: matrix.baseAddress!, lda: features,
                                    b: jobs, ldb: features, c: floats.baseAddress!, ldc: padded)
                            } else {
                                floats.update(repeating: 0)
                            }
                        }
                    }
                }
                // sgemm sums `features` products: at most (features + 3)u relative to a total of at most 1.
                for i in 0 ..< count { bounds[i] = 2 * Double(features + 3) * unit }
            case .sparse:
                let postings = scorer.postings!
                floats.withUnsafeMutableBufferPointer { floats in
                    doubles.withUnsafeMutableBufferPointer { doubles in
                        for (i, c) in block.enumerated() {
                            let entries = held.row(c)
                            touched.removeAll(keepingCapacity: true)
                            postings.accumulate(
                                skills: held.skills[entries], levels: held.levels[entries],
                                scores: doubles.baseAddress!, touched: &touched)
                            let row = floats.baseAddress! + i * padded
                            row.update(repeating: 0, count: padded)
                            for job in touched {
                                row[Int(job)] = Float(doubles[Int(job)])
                                doubles[Int(job)] = 0
                            }
                            bounds[i] = 4 * unit
                        }
                    }
                }
            case .automatic:
                preconditionFailure("the kernel is chosen at initialisation")
            }
        }

        /// The exact top k of one candidate from its `Float` row.
        mutating func selectTop(_ held: HeldLevels, candidate c: Int, row: Int, k: Int, minimumScore: Double) -> [RankedIndex] {
            let jobCount = scorer.jobCount
            let bound = bounds[row]
            return floats.withUnsafeBufferPointer { floats in
                let f = floats.baseAddress! + row * padded
                // The k-th best Float score (or -∞ when there are at most k jobs).
                var threshold = -Double.infinity
                if jobCount > k {
                    // A job whose exact score is more than 10⁻⁶ below k others' ranks after all of them.
                    threshold = Double(Self.kthLargest(count: jobCount, k: k, buffer: &best) { f[$0] }) - 2 * bound - 1e-6
                }
                let floor = max(threshold, minimumScore - bound)
                contenders.removeAll(keepingCapacity: true)
                var spreadDone = false
                for j in 0 ..< jobCount where Double(f[j]) >= floor {
                    var exact = 0.0
                    if f[j] != 0 {
                        if !spreadDone {
                            for entry in held.row(c) { spread[Int(held.skills[entry])] = held.levels[entry] }
                            spreadDone = true
                        }
                        exact = spread.withUnsafeBufferPointer { scorer.requirements.score(job: j, held: $0.baseAddress!) }
                    }
                    if exact >= minimumScore { contenders.append(RankedIndex(index: j, score: exact)) }
                }
                if spreadDone { for entry in held.row(c) { spread[Int(held.skills[entry])] = 0 } }
                return Array(TopK.sorted(contenders).prefix(k))
            }
        }

        /// The k-th largest of `count` values (`count > k`): a sorted run of the best k, which most values fail
        /// to enter at the first comparison; a heap for large k.
        @inline(__always)
        static func kthLargest<T: Comparable>(count: Int, k: Int, buffer: inout [T], _ value: (Int) -> T) -> T {
            if k > 32 {
                var heap = Heap<T>()
                for j in 0 ..< count {
                    let v = value(j)
                    if heap.count < k { heap.insert(v) } else if v > heap.min! { heap.replaceMin(with: v) }
                }
                return heap.min!
            }
            buffer.removeAll(keepingCapacity: true)
            for j in 0 ..< k { buffer.append(value(j)) }
            buffer.sort()
            return buffer.withUnsafeMutableBufferPointer { best in
                var floor = best[0]
                for j in k ..< count {
                    let v = value(j)
                    guard v > floor else { continue }
                    // Drop the smallest, insert v in order.
                    var position = 0
                    while position + 1 < k && best[position + 1] < v {
                        best[position] = best[position + 1]
                        position += 1
                    }
                    best[position] = v
                    floor = best[0]
                }
                return floor
            }
        }

        /// The exact top k of one candidate through the inverted index, in `Double`.
        mutating func sparseTop(_ held: HeldLevels, candidate c: Int, k: Int, minimumScore: Double) -> [RankedIndex] {
            let postings = scorer.postings!
            let entries = held.row(c)
            touched.removeAll(keepingCapacity: true)
            contenders.removeAll(keepingCapacity: true)
            doubles.withUnsafeMutableBufferPointer { doubles in
                postings.accumulate(skills: held.skills[entries], levels: held.levels[entries], scores: doubles.baseAddress!, touched: &touched)
                for job in touched where doubles[Int(job)] >= minimumScore {
                    contenders.append(RankedIndex(index: Int(job), score: doubles[Int(job)]))
                }
                // Jobs sharing no skill score 0 and tie by index: when fewer than k jobs score above 0, the first
                // k of them are all that can rank.
                if minimumScore <= 0 && contenders.count < k {
                    var added = 0
                    for job in 0 ..< scorer.jobCount where doubles[job] == 0 {
                        contenders.append(RankedIndex(index: job, score: 0))
                        added += 1
                        if added == k { break }
                    }
                }
                for job in touched { doubles[Int(job)] = 0 }
            }
            if contenders.count > k {
                // Anything more than 10⁻⁶ below the k-th best score ranks after k others.
                let floor = contenders.withUnsafeBufferPointer { items in
                    Self.kthLargest(count: items.count, k: k, buffer: &bestScores) { items[$0].score }
                } - 1e-6
                contenders.removeAll { $0.score < floor }
            }
            return Array(TopK.sorted(contenders).prefix(k))
        }
    }
}

/// The best candidates for each job, kept while blocks of candidates stream past (see ``BatchScorer/rank``).
///
/// Memory is `jobs × k` entries, whatever the number of candidates.
public struct CandidateRankings<Tie: Comparable & Sendable>: Sendable {
    /// One ranked candidate; `a < b` when `a` ranks after `b`, so a heap's minimum is the one to drop.
    struct Entry: Comparable, Sendable {
        var key: Int64
        var tie: Tie
        var ordinal: Int
        var score: Double

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            if lhs.tie != rhs.tie { return lhs.tie > rhs.tie }
            return lhs.ordinal > rhs.ordinal
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.key == rhs.key && lhs.tie == rhs.tie && lhs.ordinal == rhs.ordinal }
    }

    /// How many candidates each job keeps.
    public let k: Int
    /// Candidates scoring below it are left out.
    public let minimumScore: Double
    var heaps: [Heap<Entry>]

    /// Empty rankings for `jobCount` jobs.
    public init(jobCount: Int, k: Int, minimumScore: Double = 0) {
        self.k = k
        self.minimumScore = minimumScore
        self.heaps = Array(repeating: Heap<Entry>(), count: jobCount)
    }

    /// The ranked candidates of one job, best first: `(ordinal, tie, score)`.
    public func ranked(job: Int) -> [(ordinal: Int, tie: Tie, score: Double)] {
        heaps[job].unordered.sorted { $1 < $0 }.map { (ordinal: $0.ordinal, tie: $0.tie, score: $0.score) }
    }
}
