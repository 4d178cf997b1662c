import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchStore
import SkillVectors

/// The encoder and the catalogue's semantic index, for the commands' semantic options.
enum SemanticSupport {
    /// Catalogues with at most this many labels are embedded on the fly when no current index is stored.
    static let onTheFlyLabels = 5_000

    /// The encoder and a current index: the stored one, or one built in memory for a small catalogue.
    static func load(store: CatalogStore, catalog: Catalog, encoderOptions: EncoderOptions) throws -> (SentenceEncoder, SemanticIndex) {
        let encoder = try encoderOptions.load()
        let labels = SemanticIndex.labels(of: catalog)
        let fingerprint = SemanticIndex.fingerprint(encoder: encoder.identity, labels: labels)
        let stored = try store.semanticIndex()
        if let stored, stored.fingerprint == fingerprint, stored.labels == labels.count, stored.dimension == encoder.dimension {
            return (encoder, SemanticIndex(labels: labels, vectors: stored.vectors, encoder: stored.encoder, fingerprint: stored.fingerprint))
        }
        guard labels.count <= onTheFlyLabels else {
            let why = stored == nil
                ? "this catalogue has no semantic index"
                : stored?.encoder != encoder.identity
                    ? "the catalogue's semantic index was built with another encoder"
                    : "the catalogue changed since its semantic index was built"
            throw CLIError("\(why) (\(labels.count) labels to embed); run `skillmatch embed` first")
        }
        return (encoder, SemanticIndex.build(catalog: catalog, encoder: encoder))
    }
}


/// `--semantic` for the commands that read resumes.
struct SemanticDocumentOptions: ParsableArguments {
    @Flag(name: .customLong("semantic"), help: ArgumentHelp(
        "Read resume text by meaning too: skills from sentences and job titles that name no catalogue label word for word.",
        discussion: """
            Skills found by meaning are held at the extracted level and shown as inferred (left out with --no-infer), \
            with the sentence and the \
            label they resemble; a job line such as "Network & Systems Admin | Acme | 2019 – 2023" is matched to the \
            occupations whose titles are nearest (similarity >= 0.81). Needs `make models` and, for catalogues over \
            5,000 labels, `skillmatch embed`.
            """))
    var semantic = false
    @OptionGroup var encoderOptions: EncoderOptions

    /// The encoder and index with `--semantic`, else nil.
    func resources(store: CatalogStore, catalog: Catalog) throws -> SemanticResources? {
        guard semantic else { return nil }
        let (encoder, index) = try SemanticSupport.load(store: store, catalog: catalog, encoderOptions: encoderOptions)
        return (encoder, index)
    }
}

/// `skillmatch embed`: builds and stores the catalogue's semantic index.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed the catalogue's skill labels, occupation titles and credential names with the sentence encoder.",
        discussion: """
            Stores the vectors in the catalogue (as half floats), with a fingerprint of the encoder and the labels, \
            so that a later change is detected. The semantic options (extract --semantic, jobs search --semantic) use \
            it; catalogues of at most 5,000 labels are embedded on the fly when it is absent. Run it again after an \
            import. Needs `make models` (or --encoder PATH).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var encoderOptions: EncoderOptions
    @Option(help: ArgumentHelp("Worker threads (default: all cores).", visibility: .hidden)) var threads: Int?

    func validate() throws {
        if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be between 1 and 1024") }
    }

    func run() throws {
        // The encoder first: a missing or damaged one leaves the catalogue (or its absence) untouched.
        let encoder = try encoderOptions.load()
        let store = try database.openForWriting()
        let catalog = try store.loadCatalog()
        let started = ContinuousClock.now
        let labels = SemanticIndex.labels(of: catalog)
        let progress = Progress(total: labels.count, label: "labels")
        let index = SemanticIndex.build(catalog: catalog, encoder: encoder, threads: threads ?? Parallel.threadCount) { done, _ in
            progress.update(done)
        }
        progress.finish()
        let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - started).components.seconds)
        let formatter = ISO8601DateFormatter()
        try store.storeSemanticIndex(index, builtAt: formatter.string(from: Date()))
        let counts = SemanticIndex.Kind.allCases.map { kind in "\(index.labels.filter { $0.kind == kind }.count) \(kind.rawValue) labels" }
        Output.text(String(
            format: "Embedded %d labels (%@) in %.1f s; stored %.1f MB in %@ (fingerprint %@).",
            index.labels.count, counts.joined(separator: ", "), seconds, Double(index.labels.count * encoder.dimension * 2) / 1e6,
            store.path, index.fingerprint))
    }
}
