/// Expands skill levels into features so that the level-aware fit formula becomes an exact inner product.
///
/// For each skill `s`, let `b₁ < b₂ < … < bₘ` be the distinct levels that any job requires of `s`
/// (with `b₀ = 0`). Skill `s` owns `m` features:
///
/// - a held level `h` fills feature `k` with the part of `[0, h]` that falls in `(bₖ₋₁, bₖ]`:
///   `clamp(h − bₖ₋₁, 0, bₖ − bₖ₋₁)`;
/// - a required level `r = bⱼ` with weight `w` puts `w / r` on features `1 … j`.
///
/// Their inner product is `w / r · Σₖ≤ⱼ clamp(h − bₖ₋₁, 0, bₖ − bₖ₋₁) = w · min(h, r) / r`, which is
/// exactly the credit the fit score gives, for any held level `h` (held levels need no grid).
/// Summed over a job's requirements and divided by the job's total weight, one inner product is one fit score.
public struct ThresholdEncoding: Sendable, Equatable {
    /// The number of skills (columns before expansion).
    public let skillCount: Int
    /// Skill `s` owns features `featureStarts[s] ..< featureStarts[s + 1]`; `skillCount + 1` values.
    public let featureStarts: [Int]
    /// The upper breakpoint `bₖ` of each feature, ascending within a skill.
    public let breakpoints: [Double]

    /// The number of features (columns after expansion).
    public var featureCount: Int { breakpoints.count }

    /// Builds the encoding from every required `(skill, level)` pair of a catalogue.
    ///
    /// - Parameters:
    ///   - skillCount: the number of skills; skill indices are `0 ..< skillCount`.
    ///   - requiredLevels: the required levels, each in (0, 1]; repeats are merged.
    /// - Complexity: O(n log n) for n pairs.
    public init(skillCount: Int, requiredLevels: some Sequence<(skill: Int, level: Double)>) {
        var perSkill = Array(repeating: [Double](), count: skillCount)
        for (skill, level) in requiredLevels {
            precondition(skill >= 0 && skill < skillCount, "skill index \(skill) out of range")
            precondition(level > 0 && level <= 1, "required level \(level) outside (0, 1]")
            perSkill[skill].append(level)
        }
        var starts = [0]
        starts.reserveCapacity(skillCount + 1)
        var breakpoints: [Double] = []
        for levels in perSkill {
            var previous = -1.0
            for level in levels.sorted() where level != previous {
                breakpoints.append(level)
                previous = level
            }
            starts.append(breakpoints.count)
        }
        self.skillCount = skillCount
        self.featureStarts = starts
        self.breakpoints = breakpoints
    }

    /// The feature whose breakpoint equals `level` for `skill`, or `nil` when no job requires that level.
    /// - Complexity: O(log m) for m breakpoints of the skill.
    public func feature(skill: Int, level: Double) -> Int? {
        var low = featureStarts[skill]
        var high = featureStarts[skill + 1]
        while low < high {
            let middle = (low + high) / 2
            if breakpoints[middle] < level { low = middle + 1 } else { high = middle }
        }
        return low < featureStarts[skill + 1] && breakpoints[low] == level ? low : nil
    }

    /// Writes the held-level features of one candidate into `row`, which must be zero on entry.
    ///
    /// - Parameter levels: held levels `(skill, h)` with `h` in [0, 1]; a skill may appear once.
    /// - Complexity: O(features of the listed skills).
    public func encodeHeld<Scalar: BLASScalar>(
        _ levels: some Sequence<(skill: Int, level: Double)>,
        into row: UnsafeMutableBufferPointer<Scalar>
    ) {
        precondition(row.count == featureCount, "held row has \(row.count) entries, expected \(featureCount)")
        for (skill, held) in levels where held > 0 {
            var lower = 0.0
            for feature in featureStarts[skill] ..< featureStarts[skill + 1] {
                let upper = breakpoints[feature]
                if held <= lower { break }
                row[feature] = Scalar(min(held, upper) - lower)
                lower = upper
            }
        }
    }

    /// Writes the weighted requirement features of one job into `row`, which must be zero on entry.
    ///
    /// Each requirement `(skill, weight, level)` adds `weight / level / totalWeight` to the skill's features
    /// up to the one for `level`, so the row's inner product with an encoded candidate is the fit score.
    /// - Parameter requirements: each level must be one of the levels the encoding was built from.
    /// - Complexity: O(features of the listed skills).
    public func encodeRequired<Scalar: BLASScalar>(
        _ requirements: some Collection<(skill: Int, weight: Double, level: Double)>,
        into row: UnsafeMutableBufferPointer<Scalar>
    ) {
        precondition(row.count == featureCount, "job row has \(row.count) entries, expected \(featureCount)")
        let total = requirements.reduce(0.0) { $0 + $1.weight }
        guard total > 0 else { return }
        for (skill, weight, level) in requirements {
            guard let last = feature(skill: skill, level: level) else {
                preconditionFailure("level \(level) of skill \(skill) is not a breakpoint of this encoding")
            }
            let value = Scalar(weight / level / total)
            for feature in featureStarts[skill] ... last {
                row[feature] += value
            }
        }
    }
}
