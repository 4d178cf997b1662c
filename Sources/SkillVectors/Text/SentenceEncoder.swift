import Foundation

/// The shape of a BERT encoder.
public struct EncoderConfiguration: Sendable, Hashable {
    /// The width of every token vector (384 for MiniLM-L6).
    public var hidden: Int
    /// The number of transformer layers.
    public var layers: Int
    /// The number of attention heads (`hidden` must be a multiple).
    public var heads: Int
    /// The width of the feed-forward layer.
    public var intermediate: Int
    /// Layer normalisation's epsilon.
    public var layerNormEpsilon: Float
    /// The number of position embeddings.
    public var maxPositions: Int
    /// Texts are cut to this many tokens, `[CLS]` and `[SEP]` included (at most `maxPositions`).
    public var maxTokens: Int

    /// Creates a configuration.
    public init(hidden: Int, layers: Int, heads: Int, intermediate: Int, layerNormEpsilon: Float, maxPositions: Int, maxTokens: Int) {
        self.hidden = hidden
        self.layers = layers
        self.heads = heads
        self.intermediate = intermediate
        self.layerNormEpsilon = layerNormEpsilon
        self.maxPositions = maxPositions
        self.maxTokens = maxTokens
    }

    /// Checks the sizes, so that a file cannot ask for absurd allocations or a shape BLAS cannot take.
    func validate() throws(SafeTensorsError) {
        guard (1 ... 4096).contains(hidden), (1 ... 64).contains(layers), (1 ... 256).contains(heads),
              hidden % heads == 0, (1 ... 65536).contains(intermediate), (3 ... 65536).contains(maxPositions),
              maxTokens >= 3, maxTokens <= maxPositions, layerNormEpsilon.isFinite, layerNormEpsilon > 0
        else { throw .damaged("the encoder configuration is out of range: \(self)") }
    }
}

/// A sentence encoder: BERT (uncased WordPiece, absolute positions, exact GELU) followed by mean pooling over the
/// tokens and L2 normalisation, as sentence-transformers' all-MiniLM-L6-v2 is defined.
///
/// The forward pass works on blocks of texts of similar length: the token vectors of a block are one matrix, so every
/// linear layer is one `sgemm` (queries, keys and values fused into one), attention is computed per text and head
/// with the padding masked out (direct loops up to 48 tokens, where a BLAS call costs more than the arithmetic; two
/// `sgemm`s beyond), and layer normalisation, GELU and soft-max are loops over contiguous rows.
/// Blocks run on all cores, each with single-threaded BLAS. Texts are sorted by token count (then input order) into
/// blocks, so a text's vector depends only on the input list: the same texts give the same vectors on every run
/// (a text embedded in another list may differ in the last bits, by less than 1e-5 per component).
public final class SentenceEncoder: Sendable {
    /// The encoder's shape.
    public let configuration: EncoderConfiguration
    /// The tokenizer.
    public let tokenizer: WordPieceTokenizer
    /// What the encoder is, for staleness checks of stored vectors: model name and the source of its weights.
    public let identity: String

    private let wordEmbeddings: [Float]
    private let positionEmbeddings: [Float]
    private let tokenTypeEmbedding: [Float]
    private let embeddingNorm: (gamma: [Float], beta: [Float])
    private let layers: [Layer]

    struct Layer: Sendable {
        var qkvWeight: [Float]  // (3·hidden) × hidden: query, key and value rows stacked
        var qkvBias: [Float]
        var outputWeight: [Float]  // hidden × hidden
        var outputBias: [Float]
        var attentionNorm: (gamma: [Float], beta: [Float])
        var intermediateWeight: [Float]  // intermediate × hidden
        var intermediateBias: [Float]
        var downWeight: [Float]  // hidden × intermediate
        var downBias: [Float]
        var outputNorm: (gamma: [Float], beta: [Float])
    }

    /// The length of the vectors produced.
    public var dimension: Int { configuration.hidden }

    /// Reads an encoder file (models/ENCODER.md): a safetensors file whose metadata holds the configuration and the
    /// vocabulary.
    public convenience init(file: SafeTensors) throws(SafeTensorsError) {
        let metadata = file.metadata
        guard metadata["format"] == "skillmatch-sentence-encoder" else {
            throw .damaged("it is not a SkillMatch encoder file (metadata format is \(metadata["format"] ?? "absent"))")
        }
        guard metadata["format_version"] == "1" else {
            throw .damaged("encoder format version \(metadata["format_version"] ?? "absent") is not supported (1 is)")
        }
        func integer(_ key: String) throws(SafeTensorsError) -> Int {
            guard let text = metadata[key], let value = Int(text) else { throw .damaged("metadata \(key) is not an integer") }
            return value
        }
        guard let epsText = metadata["layer_norm_eps"], let eps = Float(epsText) else {
            throw .damaged("metadata layer_norm_eps is not a number")
        }
        let configuration = EncoderConfiguration(
            hidden: try integer("hidden_size"), layers: try integer("num_hidden_layers"),
            heads: try integer("num_attention_heads"), intermediate: try integer("intermediate_size"),
            layerNormEpsilon: eps, maxPositions: try integer("max_position_embeddings"), maxTokens: try integer("max_tokens"))
        guard let vocab = metadata["vocab"] else { throw .damaged("metadata has no vocab") }
        var vocabulary = vocab.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if vocabulary.last == "" { vocabulary.removeLast() }
        let identity = [metadata["model"] ?? "unnamed", metadata["source"] ?? ""].joined(separator: " | ")
        try self.init(configuration: configuration, vocabulary: vocabulary, identity: identity) { name, shape throws(SafeTensorsError) in
            try file.floats(name, shape: shape)
        }
    }

    /// Creates an encoder with the tensors `tensor(name, shape)` returns, named as in Hugging Face's `BertModel`.
    public init(
        configuration: EncoderConfiguration, vocabulary: [String], identity: String,
        tensor: (String, [Int]) throws(SafeTensorsError) -> [Float]
    ) throws(SafeTensorsError) {
        try configuration.validate()
        let h = configuration.hidden, i = configuration.intermediate, v = vocabulary.count
        guard v > 0 else { throw .damaged("the vocabulary is empty") }
        tokenizer = try WordPieceTokenizer(vocabulary: vocabulary, maxTokens: configuration.maxTokens)
        self.configuration = configuration
        self.identity = identity
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [v, h])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [configuration.maxPositions, h])
        tokenTypeEmbedding = Array(try tensor("embeddings.token_type_embeddings.weight", [2, h])[0 ..< h])
        embeddingNorm = (try tensor("embeddings.LayerNorm.weight", [h]), try tensor("embeddings.LayerNorm.bias", [h]))
        var layers: [Layer] = []
        for index in 0 ..< configuration.layers {
            let p = "encoder.layer.\(index)."
            layers.append(Layer(
                qkvWeight: try tensor(p + "attention.self.query.weight", [h, h]) + tensor(p + "attention.self.key.weight", [h, h])
                    + tensor(p + "attention.self.value.weight", [h, h]),
                qkvBias: try tensor(p + "attention.self.query.bias", [h]) + tensor(p + "attention.self.key.bias", [h])
                    + tensor(p + "attention.self.value.bias", [h]),
                outputWeight: try tensor(p + "attention.output.dense.weight", [h, h]),
                outputBias: try tensor(p + "attention.output.dense.bias", [h]),
                attentionNorm: (try tensor(p + "attention.output.LayerNorm.weight", [h]),
                                try tensor(p + "attention.output.LayerNorm.bias", [h])),
                intermediateWeight: try tensor(p + "intermediate.dense.weight", [i, h]),
                intermediateBias: try tensor(p + "intermediate.dense.bias", [i]),
                downWeight: try tensor(p + "output.dense.weight", [h, i]),
                downBias: try tensor(p + "output.dense.bias", [h]),
                outputNorm: (try tensor(p + "output.LayerNorm.weight", [h]), try tensor(p + "output.LayerNorm.bias", [h]))))
        }
        self.layers = layers
    }

    /// The unit-length vectors of `texts`, one row each, in input order.
    /// - Parameter threads: worker threads (all cores by default); BLAS runs single-threaded inside each.
    /// - Complexity: O(tokens × layers × hidden × (hidden + intermediate) + Σ tokens² × hidden) in `sgemm`.
    public func embed(_ texts: [String], threads: Int = Parallel.threadCount) -> DenseMatrix<Float> {
        embed(tokens: texts.map(tokenizer.encode), threads: threads)
    }

    /// The unit-length vectors of already-tokenised texts (``WordPieceTokenizer/encode(_:)``'s output).
    public func embed(tokens: [[Int32]], threads: Int = Parallel.threadCount) -> DenseMatrix<Float> {
        let h = configuration.hidden
        var result = DenseMatrix<Float>(rows: tokens.count, columns: h)
        guard !tokens.isEmpty else { return result }
        let order = tokens.indices.sorted { (tokens[$0].count, $0) < (tokens[$1].count, $1) }
        let blocks = Self.blocks(order: order, lengths: tokens.map { min($0.count, configuration.maxTokens) })
        let workers = max(1, min(threads, blocks.count))
        BLASThreads.set(1)
        defer { BLASThreads.set(Int32(Parallel.threadCount)) }
        let output = UnsafeOutput(count: tokens.count * h)
        defer { output.deallocate() }
        let lengths = tokens.map { min($0.count, configuration.maxTokens) }
        let parts = Self.schedule(blocks.map { block in block.count * (block.map { lengths[$0] }.max() ?? 0) }, workers: workers)
        Parallel.forEach(parts.count) { part in
            var scratch = Scratch()
            for b in parts[part] {
                let block = blocks[b]
                let vectors = forward(block.map { Array(tokens[$0].prefix(configuration.maxTokens)) }, scratch: &scratch)
                vectors.withUnsafeBufferPointer { source in
                    guard let source = source.baseAddress else { return }
                    for (row, index) in block.enumerated() { (output.pointer + index * h).update(from: source + row * h, count: h) }
                }
            }
        }
        result.withUnsafeMutableStorage { base in base?.update(from: output.pointer, count: tokens.count * h) }
        return result
    }

    /// Assigns blocks to workers, largest first to the least loaded (ties to the lower worker), so workers finish
    /// together; a block's cost is its padded token count.
    static func schedule(_ costs: [Int], workers: Int) -> [[Int]] {
        var parts = [[Int]](repeating: [], count: workers)
        var loads = [Int](repeating: 0, count: workers)
        for block in costs.indices.sorted(by: { (costs[$0], $1) > (costs[$1], $0) }) {
            let worker = loads.indices.min { (loads[$0], $0) < (loads[$1], $1) } ?? 0
            parts[worker].append(block)
            loads[worker] += costs[block]
        }
        return parts
    }

    /// Blocks from texts in ascending length: at most 256 texts and about 1,024 padded tokens (larger blocks were no faster), and no text longer than
    /// the block's shortest by more than an eighth (at least 2 tokens), so that little is spent on padding.
    static func blocks(order: [Int], lengths: [Int]) -> [[Int]] {
        var blocks: [[Int]] = []
        var current: [Int] = []
        for index in order {
            let padded = (current.count + 1) * lengths[index]
            let shortest = current.first.map { lengths[$0] } ?? lengths[index]
            if !current.isEmpty && (current.count == 256 || padded > 1024 || lengths[index] > shortest + max(2, shortest / 8)) {
                blocks.append(current)
                current = []
            }
            current.append(index)
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// Buffers reused from block to block by one worker.
    struct Scratch {
        var x: [Float] = [], qkv: [Float] = [], context: [Float] = [], projected: [Float] = []
        var inner: [Float] = [], scores: [Float] = []

        mutating func reserve(tokens: Int, length: Int, configuration c: EncoderConfiguration) {
            func fit(_ buffer: inout [Float], _ count: Int) {
                if buffer.count < count { buffer = [Float](repeating: 0, count: count) }
            }
            fit(&x, tokens * c.hidden)
            fit(&qkv, tokens * 3 * c.hidden)
            fit(&context, tokens * c.hidden)
            fit(&projected, tokens * c.hidden)
            fit(&inner, tokens * c.intermediate)
            fit(&scores, length * length)
        }
    }

    /// The pooled, normalised vectors of one block (`count × hidden`, in block order).
    func forward(_ sequences: [[Int32]], scratch: inout Scratch) -> [Float] {
        let c = configuration
        let h = c.hidden, width = c.intermediate, heads = c.heads, d = h / heads
        let length = sequences.map(\.count).max() ?? 0
        var pooled = [Float](repeating: 0, count: sequences.count * h)
        // Token lists come from the tokenizer (at least [CLS] and [SEP]); an empty one from another caller has a
        // zero vector.
        guard length > 0 else { return pooled }
        let n = sequences.count * length
        scratch.reserve(tokens: n, length: length, configuration: c)
        let scale = 1 / Float(d).squareRoot()
        let vocabulary = wordEmbeddings.count / h
        scratch.x.withUnsafeMutableBufferPointer { xb in
        scratch.qkv.withUnsafeMutableBufferPointer { qkvb in
        scratch.context.withUnsafeMutableBufferPointer { cb in
        scratch.projected.withUnsafeMutableBufferPointer { pb in
        scratch.inner.withUnsafeMutableBufferPointer { ib in
        scratch.scores.withUnsafeMutableBufferPointer { sb in
            let x = xb.baseAddress!, qkv = qkvb.baseAddress!, context = cb.baseAddress!
            let projected = pb.baseAddress!, inner = ib.baseAddress!, scores = sb.baseAddress!
            // Embeddings: word + position + token type 0, then layer normalisation. Padding rows are zeros.
            for (s, sequence) in sequences.enumerated() {
                for t in 0 ..< length {
                    let row = x + (s * length + t) * h
                    guard t < sequence.count else { row.update(repeating: 0, count: h); continue }
                    let id = Int(sequence[t])
                    let word = (0 ..< vocabulary).contains(id) ? id : Int(tokenizer.unk)
                    for j in 0 ..< h {
                        row[j] = wordEmbeddings[word * h + j] + positionEmbeddings[t * h + j] + tokenTypeEmbedding[j]
                    }
                }
            }
            TransformerKernels.layerNorm(x, rows: n, width: h, gamma: embeddingNorm.gamma, beta: embeddingNorm.beta,
                                         eps: c.layerNormEpsilon)
            for layer in layers {
                TransformerKernels.linear(x, m: n, k: h, weight: layer.qkvWeight, bias: layer.qkvBias, n: 3 * h, into: qkv)
                for (s, sequence) in sequences.enumerated() {
                    let base = qkv + s * length * 3 * h
                    for head in 0 ..< heads {
                        let q = base + head * d, k = base + h + head * d, v = base + 2 * h + head * d
                        let out = context + s * length * h + head * d
                        if length <= TransformerKernels.directAttentionLength {
                            TransformerKernels.attention(q: q, k: k, v: v, stride: 3 * h, length: length, valid: sequence.count,
                                                         width: d, scale: scale, scores: scores, out: out, outStride: h)
                        } else {
                            Float.gemmABt(m: length, n: length, k: d, a: q, lda: 3 * h, b: k, ldb: 3 * h, c: scores, ldc: length)
                            TransformerKernels.maskedSoftmax(scores, rows: length, width: length, valid: sequence.count, scale: scale)
                            TransformerKernels.gemmAB(m: length, n: d, k: length, a: scores, lda: length, b: v, ldb: 3 * h,
                                                      c: out, ldc: h)
                        }
                    }
                }
                TransformerKernels.linear(context, m: n, k: h, weight: layer.outputWeight, bias: layer.outputBias, n: h, into: projected)
                for k in 0 ..< n * h { x[k] += projected[k] }
                TransformerKernels.layerNorm(x, rows: n, width: h, gamma: layer.attentionNorm.gamma,
                                             beta: layer.attentionNorm.beta, eps: c.layerNormEpsilon)
                TransformerKernels.linear(x, m: n, k: h, weight: layer.intermediateWeight, bias: layer.intermediateBias,
                                          n: width, into: inner)
                TransformerKernels.gelu(inner, count: n * width)
                TransformerKernels.linear(inner, m: n, k: width, weight: layer.downWeight, bias: layer.downBias, n: h, into: projected)
                for k in 0 ..< n * h { x[k] += projected[k] }
                TransformerKernels.layerNorm(x, rows: n, width: h, gamma: layer.outputNorm.gamma, beta: layer.outputNorm.beta,
                                             eps: c.layerNormEpsilon)
            }
            // Mean pooling over the real tokens ([CLS] and [SEP] included), then unit length.
            for (s, sequence) in sequences.enumerated() {
                var sums = [Double](repeating: 0, count: h)
                for t in 0 ..< sequence.count {
                    let row = x + (s * length + t) * h
                    for j in 0 ..< h { sums[j] += Double(row[j]) }
                }
                var norm = 0.0
                for j in 0 ..< h {
                    sums[j] /= Double(max(1, sequence.count))
                    norm += sums[j] * sums[j]
                }
                let inverse = norm > 0 ? 1 / norm.squareRoot() : 0
                for j in 0 ..< h { pooled[s * h + j] = Float(sums[j] * inverse) }
            }
        }}}}}}
        return pooled
    }
}

/// The output rows, written by the workers at disjoint rows.
///
/// Invariant: each worker writes only the rows of the texts in its own blocks, and ``SentenceEncoder/embed(tokens:threads:)``
/// reads them after every worker has finished.
private final class UnsafeOutput: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    init(count: Int) {
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }
    func deallocate() { pointer.deallocate() }
}
