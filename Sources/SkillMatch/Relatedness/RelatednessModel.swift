import SkillVectors

/// A learned skill relatedness model: one unit-length `Float` vector per skill of the catalogue it was trained on;
/// the relatedness of two skills is the cosine of their vectors (their inner product), in [−1, 1].
///
/// A skill that no occupation, credential or taxonomy link mentions has the zero vector: related to nothing.
public struct RelatednessModel: Sendable {
    /// The skill ids, in catalogue order (sorted): row `i` of ``vectors`` belongs to `skillIDs[i]`.
    public let skillIDs: [String]
    /// The skill vectors, one row per skill, unit length or zero.
    public let vectors: DenseMatrix<Float>
    /// The fingerprint of the catalogue it was trained on.
    public let fingerprint: CatalogFingerprint
    /// How it was trained.
    public let parameters: RelatednessParameters
    /// The singular values kept, largest first.
    public let singularValues: [Double]
    /// How many contexts of each kind training used.
    public let contexts: ContextCounts
    private let search: SimilaritySearch

    /// Creates a model from its parts.
    public init(
        skillIDs: [String], vectors: DenseMatrix<Float>, fingerprint: CatalogFingerprint,
        parameters: RelatednessParameters, singularValues: [Double], contexts: ContextCounts
    ) {
        precondition(vectors.rows == skillIDs.count, "one vector per skill")
        self.skillIDs = skillIDs
        self.vectors = vectors
        self.fingerprint = fingerprint
        self.parameters = parameters
        self.singularValues = singularValues
        self.contexts = contexts
        search = SimilaritySearch(vectors: vectors)
    }

    /// The embedding dimension.
    public var dimension: Int { vectors.columns }

    /// The cosine similarity of skills at rows `i` and `j` (exact `Double` accumulation of the `Float` vectors).
    public func similarity(_ i: Int, _ j: Int) -> Double { search.innerProduct(i, j) }

    /// The `k` skills most related to the skill at row `i`, exactly ranked (rounded score, then id).
    public func nearestSkills(to i: Int, k: Int) -> [RankedIndex] { search.neighbours(of: i, k: k) }

    /// Whether the model was trained on exactly this catalogue's content.
    public func matches(_ catalog: Catalog) -> Bool {
        fingerprint == CatalogFingerprint(catalog) && skillIDs.count == catalog.skills.count
    }
}

/// How many contexts of each kind a model was trained with.
public struct ContextCounts: Sendable, Hashable, Codable {
    /// Jobs (occupations).
    public var jobs = 0
    /// Credentials.
    public var credentials = 0
    /// Taxonomy ancestors (broader skills and skill groups).
    public var taxonomy = 0
    /// Job groups (ISCO-08 minor groups and job zones).
    public var jobGroups = 0
    /// Nonzero entries of the PPMI matrix.
    public var entries = 0

    /// No contexts.
    public init() {}
}
