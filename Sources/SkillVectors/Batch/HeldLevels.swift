/// Many candidates' held levels as compressed rows: candidate `i` holds entries `rowStarts[i] ..< rowStarts[i + 1]`,
/// each a skill index and an effective level in (0, 1]. A skill appears at most once per row.
///
/// This is how batch scoring receives a block of candidates: three flat arrays, no per-candidate allocation.
public struct HeldLevels: Sendable {
    /// Where each row starts; `count + 1` values, the first 0.
    public private(set) var rowStarts: [Int] = [0]
    /// The skill index of each entry.
    public private(set) var skills: [Int32] = []
    /// The level of each entry, in (0, 1].
    public private(set) var levels: [Double] = []

    /// An empty block.
    public init() {}

    /// The number of rows (candidates).
    public var count: Int { rowStarts.count - 1 }

    /// Adds one entry to the row being built.
    public mutating func append(skill: Int32, level: Double) {
        skills.append(skill)
        levels.append(level)
    }

    /// Ends the row being built (possibly empty).
    public mutating func endRow() { rowStarts.append(skills.count) }

    /// Appends a whole row.
    public mutating func appendRow(_ row: some Sequence<(skill: Int, level: Double)>) {
        for (skill, level) in row { append(skill: Int32(skill), level: level) }
        endRow()
    }

    /// The entries of row `i`.
    public func row(_ i: Int) -> Range<Int> { rowStarts[i] ..< rowStarts[i + 1] }

    /// Empties the block, keeping its storage.
    public mutating func removeAll() {
        rowStarts.removeAll(keepingCapacity: true)
        rowStarts.append(0)
        skills.removeAll(keepingCapacity: true)
        levels.removeAll(keepingCapacity: true)
    }
}
