import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchDemo
import SkillMatchImport
import SkillMatchStore

/// Where the catalogue database is, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The catalogue database file.",
            discussion: "Default: $SKILLMATCH_DB, else a per-user database seeded with the demo catalogue on first use.",
            valueName: "path"))
    var db: String?

    func validate() throws {
        if db == "" { throw ValidationError("--db needs a path (leave it out to use $SKILLMATCH_DB or the per-user catalogue)") }
    }

    /// The database path and whether it is the per-user default.
    func location() -> (path: String, isDefault: Bool) {
        if let db, !db.isEmpty { return (db, false) }
        if let path = ProcessInfo.processInfo.environment["SKILLMATCH_DB"], !path.isEmpty { return (path, false) }
        return (Self.defaultPath, true)
    }

    /// `$XDG_DATA_HOME/skillmatch/catalog.sqlite`, else `~/.local/share/skillmatch/catalog.sqlite`.
    static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.local/share" } ?? FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share")
        return base + "/skillmatch/catalog.sqlite"
    }

    /// Opens the catalogue; the per-user default is created and seeded with the demo catalogue on first use.
    ///
    /// Seeding is all or nothing: the catalogue is built under a temporary name and linked into place, so a run
    /// killed while seeding leaves no default catalogue (the next run seeds again) and concurrent first runs all
    /// find a whole one. A default catalogue left empty by an older version is seeded again.
    ///
    /// A catalogue named by `--db` or `$SKILLMATCH_DB` is opened for reading: it must exist and is never changed (see
    /// ``openForWriting()``).
    func open() throws -> CatalogStore { try open(access: .read) }

    /// Opens the catalogue for a command that writes: a named file that does not exist becomes a new catalogue.
    func openForWriting() throws -> CatalogStore { try open(access: .readWrite) }

    private func open(access: CatalogStore.Access) throws -> CatalogStore {
        let (path, isDefault) = location()
        guard isDefault else { return try CatalogStore(path: path, access: access) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the folder \(folder) for the default catalogue; use --db PATH")
        }
        if !FileManager.default.fileExists(atPath: path) {
            if try DemoSeed.createSeeded(at: path, replacing: false) {
                log("created \(path) and seeded it with the demo catalogue and its relatedness model")
            }
        } else if try DemoSeed.isUnseeded(path) {
            _ = try DemoSeed.createSeeded(at: path, replacing: true)
            log("seeded the empty default catalogue \(path) with the demo catalogue and its relatedness model")
        }
        let store = try CatalogStore(path: path)
        try DemoSeed.registerModelIfDemo(store)
        return store
    }
}

/// The output format option shared by every command.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
}

/// Seeds a catalogue with the embedded demo catalogue and candidates.
enum DemoSeed {
    static func seed(_ store: CatalogStore) throws {
        let parsed = try CatalogReader.parse(Array(DemoCatalog.catalogJSON.utf8), file: DemoCatalog.catalogName)
        _ = try store.importCatalog(parsed.document) { try parsed.merged(into: $0) }
        let candidates = try CandidateReader.parseLines(Array(DemoCatalog.candidatesJSONL.utf8), file: DemoCatalog.candidatesName)
        _ = try store.addCandidates(candidates.map(\.candidate)) { try CandidateReader.check(candidates, against: $0) }
        try registerModel(store)
    }

    /// Creates the catalogue at `path` holding the demo, all or nothing: it is seeded under a temporary name in the
    /// same folder, then linked into place (or, with `replacing`, renamed over what is there). Returns false when
    /// another process created `path` first (its catalogue is kept).
    static func createSeeded(at path: String, replacing: Bool) throws -> Bool {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).seeding-"
        // Leftovers of runs killed while seeding (SIGKILL leaves no chance to clean up): their process is gone.
        TemporaryFiles.removeStale(in: folder, prefix: prefix)
        let temporary = folder + "/" + prefix + String(getpid())
        unlink(temporary)
        TemporaryFiles.add(temporary)
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
            TemporaryFiles.remove(temporary)
        }
        do {
            let store = try CatalogStore(path: temporary)
            try seed(store)
        }  // the store is closed here, before the file moves
        let moved = replacing ? rename(temporary, path) : link(temporary, path)
        if moved == 0 { return true }
        if errno == EEXIST { return false }
        throw CLIError("cannot create \(path): \(String(cString: strerror(errno)))")
    }

    /// Whether an existing default catalogue was left empty: a file of 0 bytes, or a catalogue with no skill and no
    /// job (older versions created the file, then seeded it in separate steps).
    static func isUnseeded(_ path: String) throws -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == 0 { return true }
        let stats = try CatalogStore(path: path).stats()
        return stats.skills == 0 && stats.jobs == 0
    }

    /// Registers the shipped demo model with a default database seeded before models shipped, when it holds exactly
    /// the demo catalogue and no model (counts are compared first, so other catalogues pay two COUNT queries).
    static func registerModelIfDemo(_ store: CatalogStore) throws {
        guard try !store.hasModels() else { return }
        let metadata = try JSONDecoder().decode(ModelMetadata.self, from: Data(DemoCatalog.modelMetadataJSON.utf8))
        let stats = try store.stats()
        guard stats.skills == metadata.catalogue.skills, stats.jobs == metadata.catalogue.jobs,
              stats.credentials == metadata.catalogue.credentials else { return }
        guard metadata.fingerprint == CatalogFingerprint(try store.loadCatalog()).description else { return }
        try registerModel(store)
        log("registered the shipped demo relatedness model with \(store.path)")
    }

    /// Registers the shipped demo relatedness model (models/demo), trained on exactly this catalogue.
    static func registerModel(_ store: CatalogStore) throws {
        let metadata = try JSONDecoder().decode(ModelMetadata.self, from: Data(DemoCatalog.modelMetadataJSON.utf8))
        let catalog = try store.loadCatalog()
        guard metadata.fingerprint == CatalogFingerprint(catalog).description else {
            log("the shipped demo model does not match the demo catalogue (run `make demo-model`); not registered")
            return
        }
        _ = try ModelFile.read(binary: DemoCatalog.modelBinary, metadata: metadata, name: DemoCatalog.modelName)
        try store.registerModel(StoredModel(
            name: DemoCatalog.modelName, path: DemoCatalog.modelPath, fingerprint: metadata.fingerprint,
            dimension: metadata.dimension, skills: metadata.skills, metadata: DemoCatalog.modelMetadataJSON,
            binary: DemoCatalog.modelBinary, registeredAt: metadata.builtAt))
    }
}

/// A user error raised by the command-line layer.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Prints a note on standard error (for progress and events, never results).
func log(_ message: String) {
    FileHandle.standardError.write(Data("skillmatch: \(message)\n".utf8))
}

/// Resolves `--candidate FILE|ID`: a file holding one candidate, else a stored candidate id.
func resolveCandidate(
    _ argument: String, store: CatalogStore, catalog: Catalog, inferFromTitles: Bool = true, semantic: SemanticResources? = nil
) throws -> Candidate {
    try resolveDocumentCandidate(argument, store: store, catalog: catalog, inferFromTitles: inferFromTitles, semantic: semantic).candidate
}

/// A candidate given by `--candidate`, with the document's evidence when it was read from text (a text resume, a
/// JSON Resume's prose, a record's `"text"`): the skills found in it, and with `inferFromTitles` the levels implied by
/// the titles it shows the person held.
func resolveDocumentCandidate(
    _ argument: String, store: CatalogStore, catalog: Catalog, inferFromTitles: Bool, semantic: SemanticResources? = nil
) throws -> (candidate: Candidate, evidence: DocumentEvidence?, resolver: ResumeTextResolver?, text: String?) {
    if FileManager.default.fileExists(atPath: argument) {
        let read = try CandidateReader.read(path: argument, catalog: catalog)
        guard read.count == 1, var first = read.first else {
            throw InputError(file: argument, message: "holds \(read.count) candidates; --candidate takes a file with exactly one")
        }
        var evidence: DocumentEvidence?
        var resolver: ResumeTextResolver?
        let text = first.text
        if let text {
            let documents = ResumeTextResolver(
                catalog: catalog, inferFromTitles: inferFromTitles, asOfYear: try DocumentYear.current(), semantic: semantic,
                extractor: storedExtractor(store, catalog),
            documentIndexes: storedDocumentIndexes(store, catalog))
            documents.prepare()
            evidence = documents.evidence(text)
            first.candidate = documents.resolve(first.candidate, text: text, evidence: inferFromTitles ? evidence : nil)
            first.text = nil
            resolver = documents
        }
        try CandidateReader.check([first], against: catalog)
        logUnresolved([first])
        return (first.candidate, evidence, resolver, text)
    }
    if let stored = try store.candidate(argument) { return (stored, nil, nil, nil) }
    if argument.contains("/") || argument.hasSuffix(".json") || argument.hasSuffix(".jsonl") || TextResumeReader.isTextResume(argument) {
        throw InputError(file: argument, message: "no such file")
    }
    throw CLIError("no stored candidate with id \"\(argument)\" and no file named \(argument) (see `skillmatch candidate list`)")
}

/// Makes the skill extractor from the index the catalogue stored at import (built anew when it has none that matches).
func storedExtractor(_ store: CatalogStore, _ catalog: Catalog) -> @Sendable () -> SkillExtractor {
    { (try? store.extractor(for: catalog)) ?? SkillExtractor(catalog: catalog) }
}

/// Gives the document indexes the catalogue stored at import, or nil (they are then built).
func storedDocumentIndexes(_ store: CatalogStore, _ catalog: Catalog) -> @Sendable () -> DocumentIndexes? {
    { try? store.documentIndexes(for: catalog) }
}

/// A pool of candidates: those in a JSON, JSON Lines or text resume file (checked against the catalogue), else the stored ones.
func loadPool(
    _ file: String?, store: CatalogStore, catalog: Catalog, inferFromTitles: Bool = true, semantic: SemanticResources? = nil
) throws -> [Candidate] {
    guard let file else { return try store.candidates() }
    let located = TextResumeReader.resolve(
        try CandidateReader.read(path: file, catalog: catalog), catalog: catalog, inferFromTitles: inferFromTitles,
        asOfYear: try DocumentYear.current(), semantic: semantic, extractor: storedExtractor(store, catalog),
            documentIndexes: storedDocumentIndexes(store, catalog))
    try CandidateReader.check(located, against: catalog)
    logUnresolved(located)
    return located.map(\.candidate)
}

/// The year an open date range in a resume (`2019 – Present`) ends: `$SKILLMATCH_AS_OF` when it is set (a year
/// from 1950 to 2100, for runs that must give the same output whatever the date), else the current year (UTC).
enum DocumentYear {
    /// - Throws: ``CLIError`` when `$SKILLMATCH_AS_OF` is set to anything but such a year.
    static func current() throws -> Int {
        if let text = ProcessInfo.processInfo.environment["SKILLMATCH_AS_OF"], !text.isEmpty {
            guard let year = Int(text.trimmingCharacters(in: .whitespaces)), (1950 ... 2100).contains(year) else {
                throw CLIError("SKILLMATCH_AS_OF must be a year from 1950 to 2100 (the year open date ranges in resumes end), not \"\(text)\"")
            }
            return year
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: Date())
    }
}

/// `--no-infer` for the credential commands (`gap`, `next`, `gaps`): model-inferred credit never counts there, so
/// the flag turns off the other inference, levels implied by the titles a document says a person held.
struct DocumentInferenceOptions: ParsableArguments {
    @Flag(name: .customLong("no-infer"), help: ArgumentHelp(
        "Count only the skills a resume or text states: no levels inferred from the titles held.",
        discussion: "Skills a relatedness model would infer never count in credential plans; this also leaves out levels inferred from job titles in a document."))
    var noInfer = false
}

/// The ranges numeric options accept (documented in the README), so that no option can overflow arithmetic.
enum OptionLimits {
    /// `--top`: at most 1,000,000 entries per list.
    static let maximumTop = 1_000_000
    /// `--max-cost` (US dollars) and `--max-hours`: at most 1,000,000,000, as credential costs and hours are.
    static let maximumAmount = 1e9
    /// `--time-limit`: at most 1,000,000 seconds.
    static let maximumSeconds = 1e6
}
