import Foundation
import Testing
@testable import SkillVectors

@Suite("WordPiece tokenizer")
struct WordPieceTokenizerTests {
    let tokenizer = try! WordPieceTokenizer(vocabulary: TinyEncoder.vocabulary, maxTokens: 12)

    func pieces(_ text: String) -> [String] {
        tokenizer.encode(text).map { TinyEncoder.vocabulary[Int($0)] }
    }

    @Test("lower-cases, strips accents, splits ASCII symbols and Unicode punctuation")
    func normalisation() {
        #expect(WordPieceTokenizer.words("C++; Café naïve RÉSUMÉ") == ["c", "+", "+", ";", "cafe", "naive", "resume"])
        #expect(WordPieceTokenizer.words("a\u{0}b\u{200B}c\u{FFFD}d\te") == ["abcd", "e"])
        #expect(WordPieceTokenizer.words("x—y«z»") == ["x", "—", "y", "«", "z", "»"])
        #expect(WordPieceTokenizer.words("中文ab") == ["中", "文", "ab"])
        #expect(WordPieceTokenizer.words("ＡＢ ǅ") == ["ａｂ", "ǆ"])
    }

    @Test("greedy longest pieces, [UNK] for unknown and over-long words, [CLS]/[SEP] and truncation")
    func pieces() {
        #expect(pieces("Payroll for staff") == ["[CLS]", "payroll", "for", "staff", "[SEP]"])
        #expect(pieces("payrolls unable abb") == ["[CLS]", "payroll", "##s", "un", "##able", "a", "##b", "##b", "[SEP]"])
        #expect(pieces("zebra C#") == ["[CLS]", "[UNK]", "c", "#", "[SEP]"])
        #expect(pieces(String(repeating: "a", count: 101)) == ["[CLS]", "[UNK]", "[SEP]"])
        #expect(pieces("a" + String(repeating: "b", count: 99)).count == 12)
        #expect(pieces(String(repeating: "data ", count: 40)) == ["[CLS]"] + Array(repeating: "data", count: 10) + ["[SEP]"])
        #expect(pieces("") == ["[CLS]", "[SEP]"])
    }
}

@Suite("Sentence encoder")
struct SentenceEncoderTests {
    static let texts = ["Python data science", "manage payroll for 200 staff", "c++", "", "the data with the staff and payroll for the science"]

    func tiny() throws -> SentenceEncoder {
        try SentenceEncoder(file: SafeTensors(bytes: TinyEncoder.fileBytes()))
    }

    @Test("the blocked sgemm forward pass equals the textbook one on a tiny random BERT")
    func forwardPass() throws {
        let encoder = try tiny()
        let vectors = encoder.embed(Self.texts, threads: 2)
        for (row, text) in Self.texts.enumerated() {
            let expected = TinyEncoder.naiveEmbedding(ids: encoder.tokenizer.encode(text))
            for j in 0 ..< encoder.dimension {
                #expect(abs(Double(vectors[row, j]) - expected[j]) < 2e-5, "\(text) component \(j)")
            }
        }
    }

    @Test("a text's vector does not depend on the texts beside it, padding, threads or order (within 1e-5)")
    func batching() throws {
        let encoder = try tiny()
        let together = encoder.embed(Self.texts, threads: 2)
        let again = encoder.embed(Self.texts, threads: 2)
        #expect(together == again)
        for (row, text) in Self.texts.enumerated() {
            let alone = encoder.embed([text], threads: 1)
            for j in 0 ..< encoder.dimension { #expect(abs(alone[0, j] - together[row, j]) < 1e-5) }
        }
        // An empty token list (not from the tokenizer) gives a zero vector, never a trap.
        let empty = encoder.embed(tokens: [[], encoder.tokenizer.encode("data")], threads: 1)
        #expect((0 ..< encoder.dimension).allSatisfy { empty[0, $0] == 0 })
        #expect(empty.storage.count == 2 * encoder.dimension)
        let many = encoder.embed(Array(repeating: Self.texts, count: 40).flatMap { $0 }, threads: 2)
        #expect(many.rows == 200)
        for row in 0 ..< 200 { for j in 0 ..< encoder.dimension { #expect(abs(many[row, j] - together[row % 5, j]) < 1e-5) } }
    }

    @Test("a damaged file is refused with a reason, never read out of bounds")
    func damagedFiles() throws {
        let good = TinyEncoder.fileBytes()
        #expect(throws: SafeTensorsError.self) { try SafeTensors(bytes: Array(good.prefix(7))) }
        var longHeader = good
        longHeader[7] = 0x7F
        #expect(throws: SafeTensorsError.self) { try SafeTensors(bytes: longHeader) }
        #expect(throws: SafeTensorsError.self) { try SafeTensors(bytes: Array(good.dropLast(4))) }
        let wrongShape = TinyEncoder.safetensors(
            [(name: "embeddings.LayerNorm.weight", shape: [3], values: [1, 2])], metadata: [:])
        #expect(throws: SafeTensorsError.self) { try SafeTensors(bytes: wrongShape) }
        #expect(throws: SafeTensorsError.self) {
            try SentenceEncoder(file: SafeTensors(bytes: TinyEncoder.fileBytes(metadata: ["num_attention_heads": "3"])))
        }
        #expect(throws: SafeTensorsError.self) {
            try SentenceEncoder(file: SafeTensors(bytes: TinyEncoder.fileBytes(metadata: ["format": "other"])))
        }
        #expect(throws: SafeTensorsError.self) {
            try SentenceEncoder(file: SafeTensors(bytes: TinyEncoder.fileBytes(metadata: ["max_tokens": "999"])))
        }
        // Found by the fuzzer: fewer than 3 positions made the range check itself trap.
        #expect(throws: SafeTensorsError.self) {
            try SentenceEncoder(file: SafeTensors(bytes: TinyEncoder.fileBytes(metadata: ["max_position_embeddings": "2"])))
        }
        let missing = TinyEncoder.safetensors(Array(TinyEncoder.tensors().dropLast()), metadata: try SafeTensors(bytes: good).metadata)
        #expect(throws: SafeTensorsError.missing("encoder.layer.1.output.LayerNorm.bias")) {
            try SentenceEncoder(file: SafeTensors(bytes: missing))
        }
        for cut in stride(from: 8, to: 400, by: 13) {
            var bytes = good
            bytes[cut] ^= 0x5A
            _ = try? SentenceEncoder(file: SafeTensors(bytes: bytes))
        }
    }
}

/// all-MiniLM-L6-v2 itself, when `make models` has installed it: vectors equal the reference implementation's
/// (scripts/minilm-reference.py: Hugging Face `tokenizers` and a float64 numpy forward pass).
@Suite("all-MiniLM-L6-v2")
struct MiniLMReferenceTests {
    static let path: String? = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models/minilm-l6-v2/encoder.safetensors").path
        let environment = ProcessInfo.processInfo.environment
        let installed = (environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? "") + "/.local/share"))
            + "/skillmatch/models/minilm-l6-v2/encoder.safetensors"
        return [repository, installed].first { FileManager.default.fileExists(atPath: $0) }
    }()

    static let reference: [(String, [Float])] = [
        ("hello world", [-0.034477, 0.031023, 0.006735, 0.026109, -0.039362]),
        ("This is an example sentence", [0.067657, 0.063496, 0.048713, 0.079305, 0.037448, 0.002653, 0.039375, -0.007098]),
        ("Each sentence is converted", [0.086439, 0.102763, 0.005394, 0.002044, -0.009963, 0.025385, 0.049288, -0.030627]),
        ("Experience with C++ and Python; Café naïve résumé",
         [-0.095219, 0.011144, 0.02647, 0.038202, -0.016722, 0.004331, -0.064676, 0.049206]),
        ("You will manage payroll for 200 staff", [-0.02348, -0.032705, -0.035238, -0.028047, -0.068608, 0.024287, 0.006412, -0.042572]),
    ]

    @Test("vectors and similarities equal the reference", .enabled(if: path != nil, "the encoder is not installed (make models): skipped"))
    func referenceVectors() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path!)))
        let encoder = try SentenceEncoder(file: SafeTensors(bytes: bytes))
        #expect(encoder.dimension == 384)
        #expect(encoder.tokenizer.encode("Experience with C++ and Python; Café naïve résumé")
                == [101, 3325, 2007, 1039, 1009, 1009, 1998, 18750, 1025, 7668, 15743, 13746, 102])
        let vectors = encoder.embed(Self.reference.map(\.0))
        for (row, (text, expected)) in Self.reference.enumerated() {
            for (j, value) in expected.enumerated() { #expect(abs(vectors[row, j] - value) < 2e-6, "\(text) [\(j)]") }
        }
        func cosine(_ a: Int, _ b: Int) -> Double { (0 ..< 384).reduce(0.0) { $0 + Double(vectors[a, $1]) * Double(vectors[b, $1]) } }
        #expect(abs(cosine(1, 2) - 0.404559) < 1e-5)
        #expect(abs(cosine(3, 4) - 0.156267) < 1e-5)
    }
}

@Suite("Transformer kernels")
struct TransformerKernelTests {
    @Test("GELU is within 2e-6 · max(1, |x|) of x/2 · (1 + erf(x/√2)) on a dense grid, tails included")
    func geluBound() {
        let values = stride(from: -12.0, through: 12.0, by: 0.000_37).map { Float($0) } + [-1e4, -50, 50, 1e4, 0, -0.0]
        var out = values
        out.withUnsafeMutableBufferPointer { TransformerKernels.gelu($0.baseAddress!, count: $0.count) }
        var worst = 0.0
        for (x, y) in zip(values, out) {
            let exact = Double(x) * 0.5 * (1 + Foundation.erf(Double(x) / 2.0.squareRoot()))
            worst = max(worst, abs(Double(y) - exact) / max(1, abs(Double(x))))
        }
        #expect(worst < 2e-6)
    }

    @Test("direct attention equals the two-sgemm attention, padding masked, for short and long texts")
    func attentionPaths() {
        var random = SplitMix64(seed: 3)
        for (length, valid) in [(3, 3), (7, 5), (48, 40), (70, 70), (90, 61)] {
            let width = 8, stride = 3 * 16, h = 16
            let qkv = (0 ..< length * stride).map { _ in Float(Int(random.next() % 2001) - 1000) / 500 }
            var direct = [Float](repeating: 0, count: length * h), blas = direct
            var scores = [Float](repeating: 0, count: length * length)
            qkv.withUnsafeBufferPointer { p in
                let q = p.baseAddress!, k = q + h, v = q + 2 * h
                scores.withUnsafeMutableBufferPointer { s in
                    direct.withUnsafeMutableBufferPointer { o in
                        TransformerKernels.attention(q: q, k: k, v: v, stride: stride, length: length, valid: valid, width: width,
                                                     scale: 0.35, scores: s.baseAddress!, out: o.baseAddress!, outStride: h)
                    }
                    blas.withUnsafeMutableBufferPointer { o in
                        Float.gemmABt(m: length, n: length, k: width, a: q, lda: stride, b: k, ldb: stride, c: s.baseAddress!, ldc: length)
                        TransformerKernels.maskedSoftmax(s.baseAddress!, rows: length, width: length, valid: valid, scale: 0.35)
                        TransformerKernels.gemmAB(m: length, n: width, k: length, a: s.baseAddress!, lda: length, b: v, ldb: stride,
                                                  c: o.baseAddress!, ldc: h)
                    }
                }
            }
            for k in 0 ..< length * h { #expect(abs(direct[k] - blas[k]) < 1e-5, "length \(length) entry \(k)") }
        }
    }

    @Test("blocks are scheduled largest first to the least-loaded worker")
    func schedule() {
        #expect(SentenceEncoder.schedule([5, 1, 4, 4, 2], workers: 2) == [[0, 4, 1], [2, 3]])
        #expect(SentenceEncoder.schedule([3], workers: 2) == [[0], []])
    }
}
