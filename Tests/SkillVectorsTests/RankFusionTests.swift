import Testing
@testable import SkillVectors

@Suite("Rank fusion and sparse cosine rows")
struct RankFusionTests {
    @Test("mid-ranks: 1 for the best, ties share the mean of their ranks, other entries untouched")
    func midRanks() {
        let scores = [0.5, 0.9, 0.5, 0.1, 0.5, 7]
        var ranks = [Double](repeating: -1, count: scores.count)
        RankFusion.midRanks(scores, items: [0, 1, 2, 3, 4], into: &ranks)
        // 0.9 first; three at 0.5 span ranks 2, 3, 4 → 3; 0.1 is fifth; index 5 is not an item.
        #expect(ranks == [3, 1, 3, 5, 3, -1])
        #expect(RankFusion.contribution(rank: 1) == 1.0 / 61)
    }

    @Test("centred and plain cosine equal a dense brute force; empty rows are absent", arguments: [false, true])
    func cosine(centred: Bool) {
        var random = SplitMix64(seed: 11)
        let (n, width) = (9, 7)
        var dense = [[Double]](repeating: [Double](repeating: 0, count: width), count: n)
        var rows: [[(column: Int, value: Double)]] = []
        for i in 0..<n {
            var row: [(column: Int, value: Double)] = []
            if i != 4 {
                for c in 0..<width where random.next() % 3 != 0 {
                    let value = Double(random.next() % 1000) / 100 + 0.01
                    row.append((c, value / 2))
                    row.append((c, value / 2))  // repeated columns are summed
                    dense[i][c] = value
                }
            }
            rows.append(row.reversed())
        }
        let index = SparseCosineRows(rows: rows, columnCount: width, centred: centred)
        #expect(index.present == (0..<n).map { $0 != 4 })
        let present = (0..<n).filter { $0 != 4 }
        var mean = [Double](repeating: 0, count: width)
        if centred { for i in present { for c in 0..<width { mean[c] += dense[i][c] / Double(present.count) } } }
        var out: [Double] = []
        for i in 0..<n {
            index.similarities(of: i, into: &out)
            for j in 0..<n {
                guard i != 4, j != 4 else {
                    #expect(out[j] == 0 || i != 4)
                    if j == 4 { #expect(out[j] == 0) }
                    continue
                }
                let x = (0..<width).map { dense[i][$0] - mean[$0] }, y = (0..<width).map { dense[j][$0] - mean[$0] }
                let dot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
                let norms = x.reduce(0) { $0 + $1 * $1 }.squareRoot() * y.reduce(0) { $0 + $1 * $1 }.squareRoot()
                #expect(abs(out[j] - dot / norms) < 1e-12)
            }
        }
        index.similarities(of: 4, into: &out)
        #expect(out.allSatisfy { $0 == 0 })
    }
}
