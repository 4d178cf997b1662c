import Foundation
import Testing
@testable import SkillVectors

/// Small dense helpers for the reference computations.
private func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> ColumnMatrix {
    Gaussian.matrix(rows: rows, columns: columns, seed: seed)
}

private func transpose(_ a: ColumnMatrix) -> ColumnMatrix {
    var t = ColumnMatrix(rows: a.columns, columns: a.rows)
    for i in 0..<a.rows { for j in 0..<a.columns { t[j, i] = a[i, j] } }
    return t
}

private func naiveProduct(_ a: ColumnMatrix, _ b: ColumnMatrix) -> ColumnMatrix {
    var c = ColumnMatrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows { for j in 0..<b.columns { var s = 0.0; for k in 0..<a.columns { s += a[i, k] * b[k, j] }; c[i, j] = s } }
    return c
}

private func maxAbsDifference(_ a: ColumnMatrix, _ b: ColumnMatrix) -> Double {
    zip(a.storage, b.storage).map { abs($0 - $1) }.max() ?? 0
}

private func orthogonalityError(_ q: ColumnMatrix) -> Double {
    let gram = naiveProduct(transpose(q), q)
    var worst = 0.0
    for i in 0..<gram.rows { for j in 0..<gram.columns { worst = max(worst, abs(gram[i, j] - (i == j ? 1 : 0))) } }
    return worst
}

@Suite("Relatedness numerics: Jacobi, Gram–Schmidt, randomised SVD, PPMI, sparse products, similarity search")
struct RelatednessNumericsTests {
    @Test("Jacobi eigen-decomposition: A·V = V·Λ, orthonormal V, eigenvalues descending", arguments: [1, 2, 3, 8, 25, 60])
    func jacobi(n: Int) {
        let b = randomMatrix(n, n, seed: UInt64(n))
        var a = naiveProduct(b, transpose(b))
        for i in 0..<n { a[i, i] -= 1.5 }  // indefinite
        let eigen = SymmetricEigen(a)
        #expect(orthogonalityError(eigen.vectors) < 1e-12)
        let av = naiveProduct(a, eigen.vectors)
        var vl = eigen.vectors
        for j in 0..<n { for i in 0..<n { vl[i, j] *= eigen.values[j] } }
        let scale = max(1, eigen.values.map(abs).max() ?? 1)
        #expect(maxAbsDifference(av, vl) < 1e-11 * scale)
        #expect(zip(eigen.values, eigen.values.dropFirst()).allSatisfy { $0 >= $1 })
        let trace = (0..<n).reduce(0.0) { $0 + a[$1, $1] }
        #expect(abs(eigen.values.reduce(0, +) - trace) < 1e-10 * scale * Double(n))
    }

    @Test("Jacobi on a known 2 × 2 matrix and a diagonal one")
    func jacobiKnown() {
        var a = ColumnMatrix(rows: 2, columns: 2)
        a[0, 0] = 2; a[1, 1] = 2; a[0, 1] = 1; a[1, 0] = 1
        let eigen = SymmetricEigen(a)
        #expect(abs(eigen.values[0] - 3) < 1e-14 && abs(eigen.values[1] - 1) < 1e-14)
        var d = ColumnMatrix(rows: 3, columns: 3)
        d[0, 0] = 1; d[1, 1] = 5; d[2, 2] = 5
        let diagonal = SymmetricEigen(d)
        #expect(diagonal.values == [5, 5, 1] && diagonal.sweeps == 0)
    }

    @Test("Gram–Schmidt gives orthonormal columns spanning the input, even when it is rank deficient")
    func orthonormalization() {
        var y = randomMatrix(50, 8, seed: 3)
        let original = y
        Orthonormalization.orthonormalize(&y)
        #expect(orthogonalityError(y) < 1e-13)
        // Q·Qᵀ·Y = Y: the span is kept.
        let projected = naiveProduct(y, naiveProduct(transpose(y), original))
        #expect(maxAbsDifference(projected, original) < 1e-12)
        var deficient = randomMatrix(30, 5, seed: 4)
        for i in 0..<30 { deficient[i, 2] = deficient[i, 0] * 2 - deficient[i, 1]; deficient[i, 4] = 0 }
        Orthonormalization.orthonormalize(&deficient)
        #expect(orthogonalityError(deficient) < 1e-13)
    }

    /// The reference: all singular values from the eigenvalues of AᵀA by Jacobi.
    private func referenceSingularValues(_ a: ColumnMatrix) -> [Double] {
        SymmetricEigen(naiveProduct(transpose(a), a)).values.map { max(0, $0).squareRoot() }
    }

    @Test("randomised SVD recovers an exactly low-rank matrix")
    func lowRank() {
        let (m, n, r) = (80, 60, 6)
        let a = naiveProduct(randomMatrix(m, r, seed: 5), transpose(randomMatrix(n, r, seed: 6)))
        let svd = RandomizedSVD.decompose(a, rank: r, powerIterations: 1, seed: 9)
        var reconstruction = ColumnMatrix(rows: m, columns: n)
        for i in 0..<m { for j in 0..<n { var s = 0.0; for k in 0..<r { s += svd.u[i, k] * svd.singularValues[k] * svd.v[j, k] }; reconstruction[i, j] = s } }
        let scale = a.storage.map(abs).max()!
        #expect(maxAbsDifference(reconstruction, a) < 1e-9 * scale)
        #expect(orthogonalityError(svd.u) < 1e-12)
        #expect(orthogonalityError(svd.v) < 1e-10)
        let reference = referenceSingularValues(a)
        for k in 0..<r { #expect(abs(svd.singularValues[k] - reference[k]) < 1e-8 * reference[0]) }
    }

    @Test("randomised SVD with power iterations matches the dense reference's leading singular values")
    func decayingSpectrum() {
        let (m, n) = (120, 70)
        // A = U·diag(σ)·Vᵀ with σ_i = 0.8^i, from orthonormalised random bases.
        var u = randomMatrix(m, n, seed: 7), v = randomMatrix(n, n, seed: 8)
        Orthonormalization.orthonormalize(&u)
        Orthonormalization.orthonormalize(&v)
        var us = u
        for j in 0..<n { for i in 0..<m { us[i, j] *= pow08(j) } }
        let a = naiveProduct(us, transpose(v))
        let svd = RandomizedSVD.decompose(a, rank: 10, oversampling: 10, powerIterations: 4, seed: 1)
        for k in 0..<10 { #expect(abs(svd.singularValues[k] - pow08(k)) < 1e-6, "σ\(k)") }
        // Best rank-10 error is σ_10 in the spectral norm; check U columns against the true ones up to sign.
        for k in 0..<5 {
            let dot = (0..<m).reduce(0.0) { $0 + svd.u[$1, k] * u[$1, k] }
            #expect(abs(abs(dot) - 1) < 1e-6, "u\(k)")
        }
        #expect(orthogonalityError(svd.u) < 1e-12)
    }

    private func pow08(_ k: Int) -> Double { (0..<k).reduce(1.0) { x, _ in x * 0.8 } }

    @Test("sparse and dense operators give the same decomposition; the same seed gives the same bits")
    func sparseDenseAndDeterminism() {
        var random = SplitMix64(seed: 21)
        var entries: [(row: Int, column: Int, value: Double)] = []
        for _ in 0..<400 { entries.append((Int.random(in: 0..<90, using: &random), Int.random(in: 0..<40, using: &random), Double.random(in: 0...2, using: &random))) }
        let sparse = SparseMatrix(rows: 90, columns: 40, entries: entries)
        let dense = sparse.dense()
        let x = randomMatrix(40, 7, seed: 2), y = randomMatrix(90, 7, seed: 3)
        #expect(maxAbsDifference(sparse.times(x), naiveProduct(dense, x)) < 1e-12)
        #expect(maxAbsDifference(sparse.transposeTimes(y), naiveProduct(transpose(dense), y)) < 1e-12)
        let a = RandomizedSVD.decompose(sparse, rank: 12, seed: 4)
        let b = RandomizedSVD.decompose(dense, rank: 12, seed: 4)
        for k in 0..<12 { #expect(abs(a.singularValues[k] - b.singularValues[k]) < 1e-9 * a.singularValues[0]) }
        let again = RandomizedSVD.decompose(sparse, rank: 12, seed: 4)
        #expect(a.u.storage == again.u.storage && a.singularValues == again.singularValues && a.v.storage == again.v.storage)
        let other = RandomizedSVD.decompose(sparse, rank: 12, seed: 5)
        #expect(other.u.storage != a.u.storage)
    }

    @Test("rank is clamped to the matrix's size, and an empty matrix decomposes to nothing")
    func shapes() {
        let a = randomMatrix(5, 3, seed: 1)
        #expect(RandomizedSVD.decompose(a, rank: 10, seed: 1).rank == 3)
        #expect(RandomizedSVD.decompose(ColumnMatrix(rows: 0, columns: 4), rank: 3, seed: 1).rank == 0)
        let zero = RandomizedSVD.decompose(ColumnMatrix(rows: 6, columns: 4), rank: 2, seed: 1)
        #expect(zero.singularValues == [0, 0])
    }

    @Test("PPMI by hand on a 2 × 2 count matrix")
    func ppmi() {
        let counts = SparseMatrix(rows: 2, columns: 2, entries: [(0, 0, 3), (0, 1, 1), (1, 0, 1)])
        let weighted = PPMI.weighted(counts, contextSmoothing: 1).dense()
        // Total 5; rows 4, 1; columns 4, 1. PMI(0,0) = log(3·5/(4·4)) < 0 → 0; PMI(0,1) = log(1·5/(4·1));
        // PMI(1,0) = log(1·5/(1·4)).
        #expect(weighted[0, 0] == 0)
        #expect(abs(weighted[0, 1] - log(5.0 / 4)) < 1e-15)
        #expect(abs(weighted[1, 0] - log(5.0 / 4)) < 1e-15)
        #expect(weighted[1, 1] == 0)
        #expect(PPMI.weighted(counts, contextSmoothing: 1).entryCount == 2)
    }

    @Test("blocked all-pairs search equals one-row search, ties and adjustments included")
    func similaritySearch() {
        var random = SplitMix64(seed: 8)
        let (n, d) = (300, 12)
        var vectors = DenseMatrix<Float>(rows: n, columns: d)
        for i in 0..<n {
            let source = i % 7 == 3 ? i - 1 : i  // duplicate rows make exact ties
            var norm: Float = 0
            var row = [Float](repeating: 0, count: d)
            var rowRandom = SplitMix64(seed: UInt64(source) &+ 100)
            for k in 0..<d { row[k] = Float(Gaussian.next(&rowRandom)); norm += row[k] * row[k] }
            for k in 0..<d { vectors[i, k] = row[k] / norm.squareRoot() }
        }
        _ = random.next()
        let search = SimilaritySearch(vectors: vectors)
        let adjustment = { (i: Int, j: Int) -> Double in -0.01 * Double(abs(i % 5 - j % 5)) }
        let all = search.allNeighbours(k: 7, blockSize: 64, adjustment: adjustment)
        for i in 0..<n { #expect(all[i] == search.neighbours(of: i, k: 7, adjustment: adjustment)) }
        #expect(all.allSatisfy { list in list.count == 7 })
        #expect(!all[2].contains { $0.index == 2 })
        #expect(all[2].first?.index == 3)  // its duplicate
    }
}

