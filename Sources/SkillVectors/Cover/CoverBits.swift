/// A set of small non-negative integers (gap skills) as bits: the state the cover solvers branch on.
protocol CoverBits: Equatable, Sendable {
    /// The empty set for a universe of `capacity` elements.
    static func empty(capacity: Int) -> Self
    mutating func insert(_ element: Int)
    func contains(_ element: Int) -> Bool
    var count: Int { get }
    var isEmpty: Bool { get }
    func intersection(_ other: Self) -> Self
    func subtracting(_ other: Self) -> Self
    func union(_ other: Self) -> Self
    /// Whether every element of `self` is in `other`.
    func isSubset(of other: Self) -> Bool
    /// Calls `body` with each element, ascending.
    func forEachElement(_ body: (Int) -> Void)
}

/// Up to 64 elements in one machine word: the common, fast case.
extension UInt64: CoverBits {
    static func empty(capacity: Int) -> UInt64 {
        precondition(capacity <= 64, "UInt64 holds at most 64 elements")
        return 0
    }

    mutating func insert(_ element: Int) { self |= 1 << UInt64(element) }
    func contains(_ element: Int) -> Bool { self & (1 << UInt64(element)) != 0 }
    var count: Int { nonzeroBitCount }
    var isEmpty: Bool { self == 0 }
    func intersection(_ other: UInt64) -> UInt64 { self & other }
    func subtracting(_ other: UInt64) -> UInt64 { self & ~other }
    func union(_ other: UInt64) -> UInt64 { self | other }
    func isSubset(of other: UInt64) -> Bool { self & ~other == 0 }

    func forEachElement(_ body: (Int) -> Void) {
        var rest = self
        while rest != 0 {
            body(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
    }
}

/// Any number of elements, one word per 64.
struct WideBits: CoverBits {
    var words: [UInt64]

    static func empty(capacity: Int) -> WideBits { WideBits(words: Array(repeating: 0, count: (capacity + 63) / 64)) }

    mutating func insert(_ element: Int) { words[element >> 6] |= 1 << UInt64(element & 63) }
    func contains(_ element: Int) -> Bool { words[element >> 6] & (1 << UInt64(element & 63)) != 0 }
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
    func intersection(_ other: WideBits) -> WideBits { WideBits(words: zip(words, other.words).map { $0 & $1 }) }
    func subtracting(_ other: WideBits) -> WideBits { WideBits(words: zip(words, other.words).map { $0 & ~$1 }) }
    func union(_ other: WideBits) -> WideBits { WideBits(words: zip(words, other.words).map { $0 | $1 }) }
    func isSubset(of other: WideBits) -> Bool { zip(words, other.words).allSatisfy { $0 & ~$1 == 0 } }

    func forEachElement(_ body: (Int) -> Void) {
        for (index, word) in words.enumerated() {
            word.forEachElement { body(index * 64 + $0) }
        }
    }
}
