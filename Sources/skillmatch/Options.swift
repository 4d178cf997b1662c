import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchDemo
import SkillMatchImport
import SkillMatchService
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

    /// The catalogue's location: --db, else $SKILLMATCH_DB, else the per-user default.
    var catalogLocation: CatalogLocation { CatalogLocation.resolve(db) }

    /// The database path and whether it is the per-user default.
    func location() -> (path: String, isDefault: Bool) { (catalogLocation.path, catalogLocation.isDefault) }

    /// `$XDG_DATA_HOME/skillmatch/catalog.sqlite`, else `~/.local/share/skillmatch/catalog.sqlite`.
    static var defaultPath: String { CatalogLocation.defaultPath() }

    /// Opens the catalogue for reading (``CatalogLocation/open(access:note:)``): the per-user default is created and
    /// seeded with the demo catalogue on first use; a file named by --db or $SKILLMATCH_DB must exist and is never changed.
    func open() throws -> CatalogStore { try catalogLocation.open(access: .read, note: log) }

    /// Opens the catalogue for a command that writes: a named file that does not exist becomes a new catalogue.
    func openForWriting() throws -> CatalogStore { try catalogLocation.open(access: .readWrite, note: log) }
}

/// The output format option shared by every command.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
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

/// Opens the catalogue (--db) as a session: the catalogue loaded, the engines and readers built on first use.
func openSession(_ database: DatabaseOptions) throws -> CatalogSession {
    try CatalogSession(store: database.open(), note: log)
}

/// Resolves `--candidate FILE|ID`: a file holding one candidate, else a stored candidate id; notes what a JSON
/// Resume or Open Badges document named that matched nothing.
func resolvePerson(_ argument: String, session: CatalogSession, inferFromTitles: Bool, semantic: SemanticResources? = nil) throws -> ResolvedCandidate {
    let person = try session.resolve(.argument(argument), inferFromTitles: inferFromTitles, semantic: semantic)
    for sentence in person.unresolved { log(sentence) }
    return person
}

/// Makes the skill extractor from the index the catalogue stored at import (built anew when it has none that matches).
func storedExtractor(_ store: CatalogStore, _ catalog: Catalog) -> @Sendable () -> SkillExtractor {
    CatalogSession.storedExtractor(store, catalog)
}

/// Gives the document indexes the catalogue stored at import, or nil (they are then built).
func storedDocumentIndexes(_ store: CatalogStore, _ catalog: Catalog) -> @Sendable () -> DocumentIndexes? {
    CatalogSession.storedDocumentIndexes(store, catalog)
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
