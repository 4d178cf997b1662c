/// Where a job's requirements come from when its taxonomy does not rate them: the rated jobs they were averaged from.
///
/// O*NET 29.3 describes 923 occupations but rates Skills and Knowledge for 879; the other 44 (Software Developers,
/// Data Scientists, Paramedics, ...) have tasks, detailed work activities, technologies, titles and a job zone.
/// The O*NET importer gives each of them requirements averaged from the rated occupations nearest by those
/// descriptors (see `OnetDerivedRequirements` in SkillMatchImport) and records them here, so every report can say
/// that these requirements are derived, and from what.
public struct DerivedRequirements: Sendable, Hashable, Codable {
    /// One rated job the requirements were averaged from, with its weight (its similarity to this job).
    public struct Source: Sendable, Hashable, Codable {
        /// The rated job's id.
        public var job: String
        /// Its similarity to this job, in (0, 1]: its weight in the average.
        public var similarity: Double

        /// Creates a source.
        public init(job: String, similarity: Double) {
            self.job = job
            self.similarity = similarity
        }
    }

    /// The method, named for reports (`nearest-rated`).
    public var method: String
    /// The rated jobs averaged, most similar first.
    public var from: [Source]

    /// Creates a record of derived requirements.
    public init(method: String, from: [Source]) {
        self.method = method
        self.from = from
    }
}
