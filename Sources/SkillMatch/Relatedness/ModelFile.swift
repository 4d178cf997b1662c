import Foundation
import SkillVectors

/// The on-disk form of a ``RelatednessModel``: a little-endian binary of the vectors (`NAME.skmodel`) and a JSON
/// metadata file (`NAME.json`). The layout is documented in `models/FORMAT.md`:
///
///     offset  size   field
///     0       8      magic "SKMREL01" (ASCII)
///     8       4      UInt32 header size in bytes (48)
///     12      4      UInt32 skill count N
///     16      4      UInt32 dimension D
///     20      4      UInt32 flags (bit 0: rows are unit length or zero)
///     24      8      UInt64 catalogue fingerprint (FNV-1a 64, see CatalogFingerprint)
///     32      8      UInt64 seed
///     40      8      UInt64 FNV-1a 64 of the vector bytes that follow
///     48      4·N·D  Float32 vectors, row-major: row i is the skill metadata.skillIds[i]
public enum ModelFile {
    /// The magic bytes a model binary starts with.
    public static let magic = Array("SKMREL01".utf8)
    /// The header size.
    public static let headerSize = 48

    /// The binary bytes of a model. The same model gives the same bytes.
    public static func binary(_ model: RelatednessModel) -> [UInt8] {
        var bytes = magic
        func put32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes += $0 } }
        func put64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        var body: [UInt8] = []
        body.reserveCapacity(model.vectors.storage.count * 4)
        for value in model.vectors.storage { withUnsafeBytes(of: value.bitPattern.littleEndian) { body += $0 } }
        put32(headerSize)
        put32(model.vectors.rows)
        put32(model.vectors.columns)
        put32(1)
        put64(model.fingerprint.value)
        put64(model.parameters.seed)
        put64(checksum(body))
        return bytes + body
    }

    /// The metadata of a model, as written to `NAME.json`.
    public static func metadata(_ model: RelatednessModel, name: String, builtAt: String, catalog: Catalog, seconds: Double?) -> ModelMetadata {
        ModelMetadata(
            format: "skillmatch-relatedness-model", formatVersion: 1, name: name, fingerprint: model.fingerprint.description,
            dimension: model.dimension, skills: model.skillIDs.count, skillIds: model.skillIDs, parameters: model.parameters,
            contexts: model.contexts, singularValues: model.singularValues.map { ($0 * 1e6).rounded() / 1e6 },
            builtAt: builtAt, trainingSeconds: seconds.map { ($0 * 1000).rounded() / 1000 },
            catalogue: .init(skills: catalog.skills.count, jobs: catalog.jobs.count, credentials: catalog.credentials.count,
                             skillGroups: catalog.skillGroups.count))
    }

    /// Reads a model from its binary and metadata.
    /// - Parameter name: how to name the model in messages.
    /// - Throws: ``ModelError`` for a damaged or inconsistent model.
    public static func read(binary bytes: [UInt8], metadata: ModelMetadata, name: String) throws(ModelError) -> RelatednessModel {
        func fail(_ message: String) -> ModelError { ModelError("model \"\(name)\": \(message)") }
        guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic else {
            throw fail("the binary is not a SkillMatch relatedness model (bad magic bytes)")
        }
        func get32(_ offset: Int) -> Int { Int(bytes[offset..<offset + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) }
        func get64(_ offset: Int) -> UInt64 { bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        let (header, n, d) = (get32(8), get32(12), get32(16))
        guard header == headerSize else { throw fail("unsupported header size \(header)") }
        guard bytes.count == header + 4 * n * d else {
            throw fail("the binary holds \(bytes.count) bytes, expected \(header + 4 * n * d) for \(n) skills × \(d) dimensions")
        }
        let body = Array(bytes[header...])
        guard get64(40) == checksum(body) else { throw fail("the vectors are damaged (checksum mismatch)") }
        guard metadata.format == "skillmatch-relatedness-model", metadata.formatVersion == 1 else {
            throw fail("the metadata is not for a version 1 SkillMatch relatedness model")
        }
        guard metadata.skillIds.count == n, metadata.dimension == d else {
            throw fail("the metadata (\(metadata.skillIds.count) skills × \(metadata.dimension)) does not match the binary (\(n) × \(d))")
        }
        guard let fingerprint = CatalogFingerprint(hex: metadata.fingerprint), fingerprint.value == get64(24) else {
            throw fail("the metadata's catalogue fingerprint does not match the binary's")
        }
        var vectors = DenseMatrix<Float>(rows: n, columns: d)
        vectors.withUnsafeMutableStorage { out in
            guard let out else { return }
            for index in 0..<(n * d) {
                let offset = 4 * index
                let bits = UInt32(body[offset]) | UInt32(body[offset + 1]) << 8 | UInt32(body[offset + 2]) << 16 | UInt32(body[offset + 3]) << 24
                out[index] = Float(bitPattern: bits)
            }
        }
        return RelatednessModel(
            skillIDs: metadata.skillIds, vectors: vectors, fingerprint: fingerprint, parameters: metadata.parameters,
            singularValues: metadata.singularValues, contexts: metadata.contexts)
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var hasher = FNV1a()
        for byte in bytes { hasher.add(byte: byte) }
        return hasher.state
    }
}

/// The JSON metadata of a model (`NAME.json`).
public struct ModelMetadata: Sendable, Codable, Hashable {
    /// Catalogue counts at training time.
    public struct CatalogueCounts: Sendable, Codable, Hashable {
        public var skills: Int
        public var jobs: Int
        public var credentials: Int
        public var skillGroups: Int
    }

    /// Always `skillmatch-relatedness-model`.
    public var format: String
    /// The format version, 1.
    public var formatVersion: Int
    /// The model's name.
    public var name: String
    /// The catalogue fingerprint (16 hex digits).
    public var fingerprint: String
    /// The embedding dimension.
    public var dimension: Int
    /// The number of skills.
    public var skills: Int
    /// The skill ids in row order.
    public var skillIds: [String]
    /// The training parameters.
    public var parameters: RelatednessParameters
    /// The contexts used.
    public var contexts: ContextCounts
    /// The singular values kept (6 decimals).
    public var singularValues: [Double]
    /// When it was built (ISO 8601, UTC).
    public var builtAt: String
    /// How long training took, in seconds.
    public var trainingSeconds: Double?
    /// The catalogue's size when trained.
    public var catalogue: CatalogueCounts
}

/// A relatedness model that cannot be read or used.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A user-facing sentence.
    public var description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
