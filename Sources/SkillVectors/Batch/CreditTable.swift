/// The level-aware fit as gathers from a table of precomputed credits, for catalogues whose jobs rate most
/// skills (O*NET-like).
///
/// For skill `s` with distinct required levels `b₁ < … < bₘ` (the breakpoints of a ``ThresholdEncoding``), row
/// `(s, k)` of the table holds, for every job, the credit a candidate at exactly level `bₖ` earns:
/// `w / Σw · min(bₖ, r) / r` (0 where the job does not require `s`). The credit is linear in `h` between
/// breakpoints and constant above `bₘ`, so any held level is exactly one row (on a breakpoint, or above the last) or
/// the interpolation `(1 − θ)·row(k − 1) + θ·row(k)` of two neighbouring rows. A candidate's scores against all jobs
/// are therefore a sum of one or two table rows per held skill: about `held skills × jobs` multiply–adds,
/// against `features × jobs` for the expanded inner product (4 to 10 times fewer on O*NET-like data).
///
/// The table is stored in panels of ``panelWidth`` jobs (panel-major, then row, then job), so one panel of one
/// row is a contiguous, aligned run that the accumulation loop reads with SIMD loads. Values are `Float`; callers
/// that need the exact order recompute the boundary of a top-k in `Double` (see ``BatchScorer``).
struct CreditTable: Sendable {
    /// Jobs per panel.
    static let panelWidth = 32

    let encoding: ThresholdEncoding
    let jobCount: Int
    let panelCount: Int
    /// `panelCount × featureCount × panelWidth` credits.
    let values: [Float]

    /// Bytes the table of a catalogue would take, to decide whether it is worth building.
    static func bytes(featureCount: Int, jobCount: Int) -> Int {
        (jobCount + panelWidth - 1) / panelWidth * panelWidth * featureCount * MemoryLayout<Float>.size
    }

    init(encoding: ThresholdEncoding, requirements: JobRequirements) {
        let width = Self.panelWidth
        let features = encoding.featureCount
        let panels = (requirements.jobCount + width - 1) / width
        var values = [Float](repeating: 0, count: panels * features * width)
        for job in 0 ..< requirements.jobCount {
            let (panel, lane) = job.quotientAndRemainder(dividingBy: width)
            for entry in requirements.rowStarts[job] ..< requirements.rowStarts[job + 1] {
                let skill = Int(requirements.skills[entry])
                let (a, r) = (requirements.coefficients[entry], requirements.levels[entry])
                for feature in encoding.featureStarts[skill] ..< encoding.featureStarts[skill + 1] {
                    values[(panel * features + feature) * width + lane] = Float(a * min(encoding.breakpoints[feature], r))
                }
            }
        }
        self.encoding = encoding
        self.jobCount = requirements.jobCount
        self.panelCount = panels
        self.values = values
    }

    /// Appends the table rows and weights that make up one candidate's held levels; returns how many were added.
    @inlinable
    func appendEntries(
        skills: ArraySlice<Int32>, levels: ArraySlice<Double>, rows: inout [Int32], weights: inout [Float]
    ) -> Int {
        var added = 0
        for (skill, held) in zip(skills, levels) {
            let (start, end) = (encoding.featureStarts[Int(skill)], encoding.featureStarts[Int(skill) + 1])
            guard start < end, held > 0 else { continue }
            // The first breakpoint at or above the held level.
            var k = start
            while k < end && encoding.breakpoints[k] < held { k += 1 }
            if k == end {
                rows.append(Int32(end - 1)); weights.append(1); added += 1
            } else if encoding.breakpoints[k] == held {
                rows.append(Int32(k)); weights.append(1); added += 1
            } else {
                let lower = k == start ? 0 : encoding.breakpoints[k - 1]
                let theta = (held - lower) / (encoding.breakpoints[k] - lower)
                if k > start { rows.append(Int32(k - 1)); weights.append(Float(1 - theta)); added += 1 }
                rows.append(Int32(k)); weights.append(Float(theta)); added += 1
            }
        }
        return added
    }

    /// Sums the listed rows of one panel into `out[0 ..< panelWidth]`.
    /// - Complexity: O(entries × panelWidth), all of it SIMD multiply–adds.
    @inline(__always)
    func accumulate(
        panel: Int, rows: UnsafePointer<Int32>, weights: UnsafePointer<Float>, count: Int,
        table: UnsafeRawPointer, into out: UnsafeMutablePointer<Float>
    ) {
        let stride = Self.panelWidth * MemoryLayout<Float>.size
        let base = table + panel * encoding.featureCount * stride
        var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
        for e in 0 ..< count {
            let p = base + Int(rows[e]) * stride
            if weights[e] == 1 {
                // Held levels on a breakpoint (the common case): one row, added.
                a0 += p.loadUnaligned(fromByteOffset: 0, as: SIMD8<Float>.self)
                a1 += p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                a2 += p.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self)
                a3 += p.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
            } else {
                let w = SIMD8<Float>(repeating: weights[e])
                a0 += w * p.loadUnaligned(fromByteOffset: 0, as: SIMD8<Float>.self)
                a1 += w * p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                a2 += w * p.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self)
                a3 += w * p.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
            }
        }
        let raw = UnsafeMutableRawPointer(out)
        raw.storeBytes(of: a0, toByteOffset: 0, as: SIMD8<Float>.self)
        raw.storeBytes(of: a1, toByteOffset: 32, as: SIMD8<Float>.self)
        raw.storeBytes(of: a2, toByteOffset: 64, as: SIMD8<Float>.self)
        raw.storeBytes(of: a3, toByteOffset: 96, as: SIMD8<Float>.self)
    }
}
