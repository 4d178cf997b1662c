import Foundation

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
    /// The relatedness model trained on the demo catalogue (`models/demo.skmodel`), as bytes.
    public static var modelBinary: [UInt8] { [UInt8](Data(base64Encoded: demoModelBase64) ?? Data()) }
    /// The demo model's metadata JSON (`models/demo.json`).
    public static var modelMetadataJSON: String { demoModelJSON }
    /// The name the demo model is registered under.
    public static let modelName = "demo"
    /// Where the demo model's files are in the source tree.
    public static let modelPath = "models/demo"
    /// The name shown in messages for the embedded candidates.
    public static let candidatesName = "datasets/demo/candidates.jsonl (embedded)"
}
