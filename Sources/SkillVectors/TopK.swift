import HeapModule

/// A row index with its score, as ranked by ``TopK``.
public struct RankedIndex: Sendable, Equatable, Hashable {
    /// The index of the ranked item (a job or a candidate).
    public var index: Int
    /// Its exact score.
    public var score: Double

    /// Creates a ranked index.
    public init(index: Int, score: Double) {
        self.index = index
        self.score = score
    }

    /// The score rounded to 6 decimals, as an integer count of millionths: the key ranked lists order by.
    @inlinable
    public var rankKey: Int64 { Int64((score * 1_000_000).rounded(.toNearestOrAwayFromZero)) }

    /// Whether `self` ranks before `other`: higher rounded score first, then lower index.
    @inlinable
    public func ranksBefore(_ other: RankedIndex) -> Bool {
        let (mine, theirs) = (rankKey, other.rankKey)
        return mine != theirs ? mine > theirs : index < other.index
    }
}

/// Selects the best `k` of a list of scores without sorting them all.
///
/// Order: score rounded to 6 decimals, descending; then index ascending. When items are indexed in id order,
/// this is SkillMatch's rule for every ranked list: ties broken by id.
public enum TopK {
    /// Orders heap entries so that the heap's minimum is the item ranked last.
    @usableFromInline
    struct Entry: Comparable {
        @usableFromInline var item: RankedIndex
        @usableFromInline var key: Int64

        @inlinable init(_ item: RankedIndex) {
            self.item = item
            self.key = item.rankKey
        }

        @inlinable static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.key != rhs.key ? lhs.key < rhs.key : lhs.item.index > rhs.item.index
        }

        @inlinable static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.key == rhs.key && lhs.item.index == rhs.item.index }
    }

    /// The best `k` items, best first.
    ///
    /// - Parameters:
    ///   - scores: one score per index.
    ///   - k: how many to keep; all of them when `k` exceeds the count.
    ///   - include: items for which this returns false are skipped (for example, a minimum score).
    /// - Complexity: O(n log k).
    @inlinable
    public static func select(
        _ scores: some Sequence<Double>, k: Int, where include: (RankedIndex) -> Bool = { _ in true }
    ) -> [RankedIndex] {
        guard k > 0 else { return [] }
        var heap = Heap<Entry>()
        var index = 0
        for score in scores {
            let item = RankedIndex(index: index, score: score)
            index += 1
            if include(item) { offer(item, to: &heap, k: k) }
        }
        return drain(&heap)
    }

    /// The best `k` of already-scored items, best first, ranked by their own indices (which need not be in order).
    /// - Complexity: O(n log k).
    @inlinable
    public static func best(_ items: some Sequence<RankedIndex>, k: Int) -> [RankedIndex] {
        guard k > 0 else { return [] }
        var heap = Heap<Entry>()
        for item in items { offer(item, to: &heap, k: k) }
        return drain(&heap)
    }

    /// Keeps `item` when the heap has room or it ranks before the heap's last.
    @inlinable
    static func offer(_ item: RankedIndex, to heap: inout Heap<Entry>, k: Int) {
        let entry = Entry(item)
        if heap.count < k {
            heap.insert(entry)
        } else if let worst = heap.min, worst < entry {
            heap.replaceMin(with: entry)
        }
    }

    /// Empties the heap, best first.
    @inlinable
    static func drain(_ heap: inout Heap<Entry>) -> [RankedIndex] {
        var best: [RankedIndex] = []
        best.reserveCapacity(heap.count)
        while let entry = heap.popMax() { best.append(entry.item) }
        return best
    }

    /// Sorts ranked items best first (rounded score descending, then index ascending).
    /// - Complexity: O(n log n).
    public static func sorted(_ items: [RankedIndex]) -> [RankedIndex] {
        items.sorted { $0.ranksBefore($1) }
    }
}
