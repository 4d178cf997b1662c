import Foundation
import SkillVectors

/// Sentence-encoder vectors of the catalogue's names: skill labels, occupation titles and credential names.
///
/// What is embedded (``labels(of:)``), in this order: every skill's preferred and alternative labels, every job's
/// title, alternate titles and hidden (reported) titles, every credential's name; within a kind by id, then the
/// preferred name first, then the others in catalogue order; a text repeated for the same item (compared
/// case-insensitively) once. Hidden skill labels (ESCO's misspellings and variants) are left out.
///
/// Built once per catalogue (`skillmatch embed`) and stored with the catalogue. Its ``fingerprint`` hashes the
/// encoder's identity and every embedded text with its item, so an index whose catalogue or encoder has changed is
/// detected (``isCurrent(for:encoder:)``) and never used silently.
///
/// Search (``nearest(_:kind:k:minimum:)``) scores a block of query vectors against the kind's label rows with
/// blocked `sgemm`, keeps each item's best label, and ranks items by that similarity (cosine, since all vectors have
/// unit length), rounded to 6 decimals, then by id.
public struct SemanticIndex: Sendable {
    /// What a label names.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case skill, job, credential
    }

    /// One embedded text.
    public struct Label: Sendable, Hashable {
        /// What it names.
        public var kind: Kind
        /// The skill, job or credential id.
        public var id: String
        /// The text embedded.
        public var text: String
        /// `preferred`, `alternative`, `title`, `alternateTitle`, `hiddenTitle` or `name`.
        public var labelKind: String

        /// Creates a label.
        public init(kind: Kind, id: String, text: String, labelKind: String) {
            self.kind = kind
            self.id = id
            self.text = text
            self.labelKind = labelKind
        }
    }

    /// A search result: an item, its best label and the similarity.
    public struct Hit: Sendable, Hashable {
        /// What the item is.
        public var kind: Kind
        /// Its id.
        public var id: String
        /// The label nearest to the query.
        public var label: String
        /// That label's kind (see ``Label/labelKind``).
        public var labelKind: String
        /// The cosine similarity of the query and the label, in [-1, 1].
        public var similarity: Double
    }

    /// The texts embedded, in row order.
    public let labels: [Label]
    /// Their vectors, one unit-length row per label.
    public let vectors: DenseMatrix<Float>
    /// The encoder's identity (``SentenceEncoder/identity``).
    public let encoder: String
    /// The hash of the encoder identity and the labels (16 hex digits).
    public let fingerprint: String
    /// Row ranges of each kind, and for each kind the groups of rows of one item.
    private let groups: [Kind: [(id: String, rows: Range<Int>)]]

    /// The labels to embed for a catalogue.
    public static func labels(of catalog: Catalog) -> [Label] {
        var result: [Label] = []
        func add(_ kind: Kind, _ id: String, _ texts: [(String, String)]) {
            var seen = Set<String>()
            for (text, labelKind) in texts {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty, seen.insert(trimmed.lowercased()).inserted else { continue }
                result.append(Label(kind: kind, id: id, text: trimmed, labelKind: labelKind))
            }
        }
        for skill in catalog.skills.sorted(by: { $0.id < $1.id }) {
            add(.skill, skill.id, [(skill.label, "preferred")] + skill.altLabels.map { ($0, "alternative") })
        }
        for job in catalog.jobs.sorted(by: { $0.id < $1.id }) {
            add(.job, job.id, [(job.title, "title")] + job.alternateTitles.map { ($0, "alternateTitle") }
                + job.hiddenTitles.map { ($0, "hiddenTitle") })
        }
        for credential in catalog.credentials.sorted(by: { $0.id < $1.id }) {
            add(.credential, credential.id, [(credential.name, "name")])
        }
        return result
    }

    /// The fingerprint of an encoder and a label list.
    public static func fingerprint(encoder: String, labels: [Label]) -> String {
        var hasher = FNV1a()
        hasher.add("skillmatch-semantic-index-v1")
        hasher.add(encoder)
        hasher.add(labels.count)
        for label in labels {
            hasher.add(label.kind.rawValue)
            hasher.add(label.id)
            hasher.add(label.labelKind)
            hasher.add(label.text)
        }
        return CatalogFingerprint(value: hasher.state).description
    }

    /// Embeds the catalogue's labels.
    /// - Parameter progress: called with the number of labels embedded so far, from the calling thread.
    public static func build(
        catalog: Catalog, encoder: SentenceEncoder, threads: Int = Parallel.threadCount, progress: (Int, Int) -> Void = { _, _ in }
    ) -> SemanticIndex {
        let labels = labels(of: catalog)
        var vectors = DenseMatrix<Float>(rows: labels.count, columns: encoder.dimension)
        let chunk = 8192
        for start in stride(from: 0, to: labels.count, by: chunk) {
            let end = min(labels.count, start + chunk)
            let part = encoder.embed(labels[start ..< end].map(\.text), threads: threads)
            vectors.withUnsafeMutableStorage { base in
                part.withUnsafeStorage { source in
                    if let base, let source { (base + start * encoder.dimension).update(from: source, count: part.storage.count) }
                }
            }
            progress(end, labels.count)
        }
        return SemanticIndex(labels: labels, vectors: vectors, encoder: encoder.identity,
                             fingerprint: fingerprint(encoder: encoder.identity, labels: labels))
    }

    /// An index from its parts (as stored); `labels` must be ``labels(of:)`` of its catalogue, in order.
    public init(labels: [Label], vectors: DenseMatrix<Float>, encoder: String, fingerprint: String) {
        precondition(vectors.rows == labels.count, "one vector per label")
        self.labels = labels
        self.vectors = vectors
        self.encoder = encoder
        self.fingerprint = fingerprint
        var groups: [Kind: [(id: String, rows: Range<Int>)]] = [:]
        var start = 0
        while start < labels.count {
            var end = start + 1
            while end < labels.count && labels[end].kind == labels[start].kind && labels[end].id == labels[start].id { end += 1 }
            groups[labels[start].kind, default: []].append((labels[start].id, start ..< end))
            start = end
        }
        self.groups = groups
    }

    /// Whether the index was built from this catalogue's labels with this encoder.
    public func isCurrent(for catalog: Catalog, encoder identity: String) -> Bool {
        identity == encoder && Self.fingerprint(encoder: identity, labels: Self.labels(of: catalog)) == fingerprint
    }

    /// The number of items of a kind.
    public func count(of kind: Kind) -> Int { groups[kind]?.count ?? 0 }

    /// For each query row, the `k` items of `kind` whose best label is most similar, at least `minimum`.
    /// - Complexity: O(queries × labels of the kind × dimension) in `sgemm`, in blocks of 256 queries × 8,192 labels.
    public func nearest(_ queries: DenseMatrix<Float>, kind: Kind, k: Int, minimum: Double = -1) -> [[Hit]] {
        precondition(queries.columns == vectors.columns || queries.rows == 0, "query dimension \(queries.columns), index \(vectors.columns)")
        guard let items = groups[kind], let first = items.first?.rows.lowerBound, let last = items.last?.rows.upperBound, k > 0
        else { return Array(repeating: [], count: queries.rows) }
        let d = vectors.columns
        let queryBlock = 256, labelBlock = 8192
        var results: [[Hit]] = []
        results.reserveCapacity(queries.rows)
        var scores = [Float](repeating: 0, count: queryBlock * labelBlock)
        // Each label row's item, counted from the kind's first item.
        var itemOfRow = [Int](repeating: 0, count: last - first)
        for (item, group) in items.enumerated() { for row in group.rows { itemOfRow[row - first] = item } }
        for queryStart in stride(from: 0, to: queries.rows, by: queryBlock) {
            let m = min(queryBlock, queries.rows - queryStart)
            var best = [Float](repeating: -.infinity, count: m * items.count)
            var bestRow = [Int](repeating: 0, count: m * items.count)
            for labelStart in stride(from: first, to: last, by: labelBlock) {
                let n = min(labelBlock, last - labelStart)
                queries.withUnsafeStorage { q in
                    vectors.withUnsafeStorage { v in
                        scores.withUnsafeMutableBufferPointer { s in
                            guard let q, let v, let s = s.baseAddress else { return }
                            Float.gemmABt(m: m, n: n, k: d, a: q + queryStart * d, lda: d, b: v + labelStart * d, ldb: d, c: s, ldc: n)
                        }
                    }
                }
                for row in 0 ..< m {
                    for column in 0 ..< n {
                        let item = itemOfRow[labelStart + column - first]
                        let score = scores[row * n + column]
                        if score > best[row * items.count + item] {
                            best[row * items.count + item] = score
                            bestRow[row * items.count + item] = labelStart + column
                        }
                    }
                }
            }
            for row in 0 ..< m {
                let slice = best[row * items.count ..< (row + 1) * items.count].map(Double.init)
                let top = TopK.select(slice, k: k) { $0.score >= minimum }
                results.append(top.map { ranked in
                    let label = labels[bestRow[row * items.count + ranked.index]]
                    return Hit(kind: kind, id: items[ranked.index].id, label: label.text, labelKind: label.labelKind,
                               similarity: ranked.score)
                })
            }
        }
        return results
    }
}
