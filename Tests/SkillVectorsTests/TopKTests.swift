import Testing
@testable import SkillVectors

@Suite("Top-k selection")
struct TopKTests {
    @Test("equals a full sort by rounded score then index, ties included")
    func equalsFullSort() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let count = Int.random(in: 0...60, using: &random)
            // Few distinct values, and values closer than the rounding, so ties are common.
            let scores = (0..<count).map { _ in
                Double(Int.random(in: 0...6, using: &random)) / 6 + (Bool.random(using: &random) ? 1e-9 : 0)
            }
            let k = Int.random(in: 0...70, using: &random)
            let expected = TopK.sorted(scores.enumerated().map { RankedIndex(index: $0.offset, score: $0.element) })
                .prefix(k).map(\.index)
            #expect(TopK.select(scores, k: k).map(\.index) == Array(expected))
        }
    }

    @Test("rounds to 6 decimals before breaking ties by index")
    func rounding() {
        let scores = [0.5, 0.5000004, 0.4999996, 0.500001]
        #expect(TopK.select(scores, k: 4).map(\.index) == [3, 0, 1, 2])
    }

    @Test("a filter leaves items out")
    func filter() {
        #expect(TopK.select([0.9, 0.1, 0.5], k: 5) { $0.score >= 0.5 }.map(\.index) == [0, 2])
    }
}
