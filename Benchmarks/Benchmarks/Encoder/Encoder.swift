import Benchmark
import Foundation
import SkillMatch
import SkillMatchImport
import SkillVectors

/// The sentence encoder (all-MiniLM-L6-v2 in Swift over BLAS) and the semantic index search.
///
/// The encoder is the one `make models` installs; where it is absent, a model of the same shape (6 layers, hidden 384,
/// 12 heads, feed-forward 1,536, 30,522 tokens) with seeded random weights stands in, which costs exactly the same
/// (the benchmark names say which ran). Throughput counts sentences (or labels) per second of wall clock.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(10), maxIterations: 20)
    let (encoder, name) = EncoderWorkload.encoder()
    var random = SplitMix64(seed: 7)
    func sequences(_ count: Int, tokens: Int) -> [[Int32]] {
        (0 ..< count).map { _ in [encoder.tokenizer.cls] + (0 ..< tokens - 2).map { _ in Int32(1000 + random.next() % 20_000) } + [encoder.tokenizer.sep] }
    }
    let sentences = sequences(256, tokens: 20)
    let labels = sequences(1024, tokens: 6)
    for threads in [1, 2] {
        Benchmark("Encode 256 sentences of 20 tokens, \(threads) thread\(threads == 1 ? "" : "s") (\(name))",
                  configuration: .init(scalingFactor: .one)) { benchmark in
            blackHole(encoder.embed(tokens: sentences, threads: threads))
        }
        Benchmark("Encode 1,024 labels of 6 tokens, \(threads) thread\(threads == 1 ? "" : "s") (\(name))") { benchmark in
            blackHole(encoder.embed(tokens: labels, threads: threads))
        }
    }
    let text = "Experience with C++ and Python; Café naïve résumé — strong communication with clients and stakeholders."
    Benchmark("Tokenize 10,000 sentences (\(text.utf8.count) bytes each)") { benchmark in
        var total = 0
        for _ in 0 ..< 10_000 { total += encoder.tokenizer.encode(text).count }
        blackHole(total)
    }
    // Search: 256 queries against 100,000 skill labels (ESCO with alternative labels is about 99,000).
    var labelRows: [SemanticIndex.Label] = []
    for row in 0 ..< 100_000 { labelRows.append(.init(kind: .skill, id: String(format: "s%06d", row / 7), text: "\(row)", labelKind: "alternative")) }
    var vectors = DenseMatrix<Float>(rows: labelRows.count, columns: 384)
    var queries = DenseMatrix<Float>(rows: 256, columns: 384)
    for row in 0 ..< vectors.rows { for column in 0 ..< 384 { vectors[row, column] = Float(Int(random.next() % 2001) - 1000) / 20_000 } }
    for row in 0 ..< 256 { for column in 0 ..< 384 { queries[row, column] = Float(Int(random.next() % 2001) - 1000) / 20_000 } }
    let index = SemanticIndex(labels: labelRows, vectors: vectors, encoder: "random", fingerprint: "0")
    Benchmark("Search 256 queries in 100,000 labels (14,286 skills), top 5 (\(vectors.storage.count * 4 / 1_000_000) MB of vectors)") { benchmark in
        blackHole(index.nearest(queries, kind: .skill, k: 5))
    }
}

enum EncoderWorkload {
    /// all-MiniLM-L6-v2 when installed, else a random model of its shape.
    static func encoder() -> (SentenceEncoder, String) {
        if let installed = try? EncoderFile.load(EncoderFile.defaultPath()) { return (installed, "all-MiniLM-L6-v2") }
        print("the encoder is not installed (make models): using random weights of the same shape")
        let configuration = EncoderConfiguration(hidden: 384, layers: 6, heads: 12, intermediate: 1536, layerNormEpsilon: 1e-12,
                                                 maxPositions: 512, maxTokens: 128)
        let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + (5 ..< 30_522).map { "w\($0)" }
        var random = SplitMix64(seed: 1)
        let encoder = try! SentenceEncoder(configuration: configuration, vocabulary: vocabulary, identity: "random") { _, shape in
            (0 ..< shape.reduce(1, *)).map { _ in Float(Int(random.next() % 2001) - 1000) / 20_000 }
        }
        return (encoder, "random weights, MiniLM shape")
    }
}
