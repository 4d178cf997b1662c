import Foundation
@testable import SkillVectors

/// A tiny BERT with random weights and a hand-made vocabulary, written as a SkillMatch encoder file in memory.
enum TinyEncoder {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "c", "+", "#", "python", "data", "science", "manage", "payroll",
        "pay", "##roll", "##s", "staff", "for", "with", "and", "cafe", "naive", "resume", "un", "##able", "the", ";", ".",
        "-", "中", "文", "a", "##b", "200",
    ]
    static let configuration = EncoderConfiguration(
        hidden: 8, layers: 2, heads: 2, intermediate: 12, layerNormEpsilon: 1e-12, maxPositions: 16, maxTokens: 12)

    /// The tensors, named and shaped as Hugging Face's `BertModel`, from a seeded generator.
    static func tensors(seed: UInt64 = 7) -> [(name: String, shape: [Int], values: [Float])] {
        var random = SplitMix64(seed: seed)
        let c = configuration
        let h = c.hidden, i = c.intermediate
        func make(_ name: String, _ shape: [Int], scale: Float = 0.5, offset: Float = 0) -> (String, [Int], [Float]) {
            let count = shape.reduce(1, *)
            let values = (0 ..< count).map { _ in offset + scale * (Float(random.next() % 2001) / 1000 - 1) }
            return (name, shape, values)
        }
        var result = [
            make("embeddings.word_embeddings.weight", [vocabulary.count, h]),
            make("embeddings.position_embeddings.weight", [c.maxPositions, h]),
            make("embeddings.token_type_embeddings.weight", [2, h]),
            make("embeddings.LayerNorm.weight", [h], scale: 0.2, offset: 1),
            make("embeddings.LayerNorm.bias", [h], scale: 0.1),
        ]
        for layer in 0 ..< c.layers {
            let p = "encoder.layer.\(layer)."
            result += [
                make(p + "attention.self.query.weight", [h, h]), make(p + "attention.self.query.bias", [h], scale: 0.1),
                make(p + "attention.self.key.weight", [h, h]), make(p + "attention.self.key.bias", [h], scale: 0.1),
                make(p + "attention.self.value.weight", [h, h]), make(p + "attention.self.value.bias", [h], scale: 0.1),
                make(p + "attention.output.dense.weight", [h, h]), make(p + "attention.output.dense.bias", [h], scale: 0.1),
                make(p + "attention.output.LayerNorm.weight", [h], scale: 0.2, offset: 1),
                make(p + "attention.output.LayerNorm.bias", [h], scale: 0.1),
                make(p + "intermediate.dense.weight", [i, h]), make(p + "intermediate.dense.bias", [i], scale: 0.1),
                make(p + "output.dense.weight", [h, i]), make(p + "output.dense.bias", [h], scale: 0.1),
                make(p + "output.LayerNorm.weight", [h], scale: 0.2, offset: 1),
                make(p + "output.LayerNorm.bias", [h], scale: 0.1),
            ]
        }
        return result.map { (name: $0.0, shape: $0.1, values: $0.2) }
    }

    /// The encoder file's bytes (models/ENCODER.md).
    static func fileBytes(seed: UInt64 = 7, metadata extra: [String: String] = [:]) -> [UInt8] {
        let c = configuration
        var metadata = [
            "format": "skillmatch-sentence-encoder", "format_version": "1", "model": "tiny-random", "source": "test",
            "hidden_size": "\(c.hidden)", "num_hidden_layers": "\(c.layers)", "num_attention_heads": "\(c.heads)",
            "intermediate_size": "\(c.intermediate)", "layer_norm_eps": "1e-12", "max_position_embeddings": "\(c.maxPositions)",
            "max_tokens": "\(c.maxTokens)", "vocab": vocabulary.joined(separator: "\n"),
        ]
        metadata.merge(extra) { $1 }
        return safetensors(tensors(seed: seed), metadata: metadata)
    }

    /// A safetensors file of F32 tensors.
    static func safetensors(_ tensors: [(name: String, shape: [Int], values: [Float])], metadata: [String: String]) -> [UInt8] {
        var header: [String: Any] = ["__metadata__": metadata]
        var data: [UInt8] = []
        for tensor in tensors {
            header[tensor.name] = ["dtype": "F32", "shape": tensor.shape, "data_offsets": [data.count, data.count + 4 * tensor.values.count]]
            for value in tensor.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        let json = try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        return bytes + Array(json) + data
    }

    /// The textbook forward pass in `Double`, one text at a time, for checking the blocked one.
    static func naiveEmbedding(ids: [Int32], seed: UInt64 = 7) -> [Double] {
        let c = configuration
        let h = c.hidden, heads = c.heads, d = h / heads
        var t: [String: [Double]] = [:]
        for tensor in tensors(seed: seed) { t[tensor.name] = tensor.values.map(Double.init) }
        func linear(_ x: [[Double]], _ name: String, out: Int) -> [[Double]] {
            let w: [Double] = t[name + ".weight"]!, b: [Double] = t[name + ".bias"]!
            let k = x[0].count
            var result: [[Double]] = []
            for row in x {
                var y = [Double](repeating: 0, count: out)
                for o in 0 ..< out {
                    var sum: Double = b[o]
                    for m in 0 ..< k { sum += row[m] * w[o * k + m] }
                    y[o] = sum
                }
                result.append(y)
            }
            return result
        }
        func norm(_ x: [[Double]], _ name: String) -> [[Double]] {
            let g: [Double] = t[name + ".weight"]!, b: [Double] = t[name + ".bias"]!
            var result: [[Double]] = []
            for row in x {
                var mean = 0.0
                for value in row { mean += value }
                mean /= Double(row.count)
                var variance = 0.0
                for value in row { variance += (value - mean) * (value - mean) }
                variance /= Double(row.count)
                var y = [Double](repeating: 0, count: row.count)
                for j in row.indices { y[j] = (row[j] - mean) / (variance + 1e-12).squareRoot() * g[j] + b[j] }
                result.append(y)
            }
            return result
        }
        let words = t["embeddings.word_embeddings.weight"]!, positions = t["embeddings.position_embeddings.weight"]!
        let types = t["embeddings.token_type_embeddings.weight"]!
        var x: [[Double]] = []
        for (position, id) in ids.enumerated() {
            var row: [Double] = []
            for j in 0 ..< h {
                let word: Double = words[Int(id) * h + j]
                row.append(word + positions[position * h + j] + types[j])
            }
            x.append(row)
        }
        x = norm(x, "embeddings.LayerNorm")
        for layer in 0 ..< c.layers {
            let p = "encoder.layer.\(layer)."
            let q = linear(x, p + "attention.self.query", out: h), k = linear(x, p + "attention.self.key", out: h)
            let v = linear(x, p + "attention.self.value", out: h)
            var context = [[Double]](repeating: [Double](repeating: 0, count: h), count: x.count)
            for head in 0 ..< heads {
                for i in x.indices {
                    var scores = [Double](repeating: 0, count: x.count)
                    for j in x.indices {
                        var dot = 0.0
                        for m in 0 ..< d { dot += q[i][head * d + m] * k[j][head * d + m] }
                        scores[j] = dot / Double(d).squareRoot()
                    }
                    let largest = scores.max()!
                    var total = 0.0
                    for j in x.indices { scores[j] = Foundation.exp(scores[j] - largest); total += scores[j] }
                    for j in x.indices { for m in 0 ..< d { context[i][head * d + m] += scores[j] / total * v[j][head * d + m] } }
                }
            }
            let attended = linear(context, p + "attention.output.dense", out: h)
            for i in x.indices { for j in 0 ..< h { x[i][j] += attended[i][j] } }
            x = norm(x, p + "attention.output.LayerNorm")
            var inner = linear(x, p + "intermediate.dense", out: c.intermediate)
            for i in inner.indices { for j in inner[i].indices { inner[i][j] *= 0.5 * (1 + Foundation.erf(inner[i][j] / 2.0.squareRoot())) } }
            let down = linear(inner, p + "output.dense", out: h)
            for i in x.indices { for j in 0 ..< h { x[i][j] += down[i][j] } }
            x = norm(x, p + "output.LayerNorm")
        }
        var mean = [Double](repeating: 0, count: h)
        for row in x { for j in 0 ..< h { mean[j] += row[j] / Double(x.count) } }
        var length = 0.0
        for value in mean { length += value * value }
        return mean.map { $0 / length.squareRoot() }
    }
}
