/// The demo catalogue shipped in `datasets/demo/`, embedded in the binary at build time.
///
/// A new per-user database is seeded from these texts, so `skillmatch` works on first use without
/// any files beside it.
public enum DemoCatalog {
    /// The catalogue JSON, in SkillMatch's catalogue format.
    public static var catalogJSON: String { demoCatalogJSON }
    /// The demo candidates, one JSON object per line.
    public static var candidatesJSONL: String { demoCandidatesJSONL }
    /// The name shown in messages for the embedded catalogue.
    public static let catalogName = "datasets/demo/catalog.json (embedded)"
    /// The name shown in messages for the embedded candidates.
    public static let candidatesName = "datasets/demo/candidates.jsonl (embedded)"
}
