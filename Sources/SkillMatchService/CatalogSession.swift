import Foundation
import SkillMatch
import SkillMatchImport
import SkillMatchStore
import SkillVectors

/// The sentence encoder and the catalogue's semantic index a resume is read with by meaning (`--semantic`).
public typealias SemanticResources = (encoder: SentenceEncoder, index: SemanticIndex)

/// A loaded catalogue and what answering questions about it needs: the match engines, the resume readers and the
/// registered relatedness model, each built on first use, once, and shared by every thread.
///
/// The CLI makes one per command; the server keeps one for all requests and makes a new one when the catalogue file
/// changes. Both call the same operations (``fit(_:job:infer:)``, ``match(_:top:minimumScore:infer:)``,
/// ``gap(_:job:choice:target:timeLimit:threads:progress:)``, ``next(_:options:choice:)``), so their results agree.
public final class CatalogSession: Sendable {
    /// The catalogue database.
    public let store: CatalogStore
    /// The catalogue as loaded.
    public let catalog: Catalog
    /// The year open date ranges in resumes end (``DocumentYear/current()``).
    public let asOfYear: Int
    private let sparse: BuiltOnFirstUse<MatchEngine>
    private let dense: BuiltOnFirstUse<MatchEngine>
    private let model: BuiltOnFirstUse<Result<SkillInference?, any Error>>
    private let inferring: BuiltOnFirstUse<Result<MatchEngine, any Error>>
    private let readers: [ResumeTextResolver]
    private let builtPlanner: BuiltOnFirstUse<GapPlanner>
    private let builtJobSearch: BuiltOnFirstUse<JobSearch>
    private let builtCredentialSearch: BuiltOnFirstUse<CredentialSearch>
    private let builtBatchMatcher: BuiltOnFirstUse<BatchMatcher>
    private let builtRelated: BuiltOnFirstUse<(fused: RelatedOccupations, similarity: OccupationSimilarity)?>

    /// A session over `store`, loading its catalogue unless `catalog` is given.
    /// - Parameter note: receives sentences about the relatedness model (a stale one is left out).
    public init(store: CatalogStore, catalog: Catalog? = nil, asOfYear: Int? = nil, note: @escaping @Sendable (String) -> Void = { _ in }) throws {
        let catalog = try catalog ?? store.loadCatalog()
        let year = try asOfYear ?? DocumentYear.current()
        self.store = store
        self.catalog = catalog
        self.asOfYear = year
        sparse = BuiltOnFirstUse { MatchEngine(catalog: catalog, storage: .sparse) }
        dense = BuiltOnFirstUse { MatchEngine(catalog: catalog) }
        let model = BuiltOnFirstUse<Result<SkillInference?, any Error>> {
            Result {
                try RegisteredModel.load(store: store, catalog: catalog, purpose: "--no-infer", note: note).map { SkillInference(model: $0) }
            }
        }
        self.model = model
        let sparse = self.sparse
        inferring = BuiltOnFirstUse {
            Result {
                guard let inference = try model.get.get() else { return sparse.get }
                return MatchEngine(catalog: catalog, storage: .sparse, inference: inference)
            }
        }
        builtPlanner = BuiltOnFirstUse { GapPlanner(engine: sparse.get) }
        builtJobSearch = BuiltOnFirstUse { JobSearch(catalog: catalog) }
        builtCredentialSearch = BuiltOnFirstUse { CredentialSearch(catalog: catalog) }
        builtBatchMatcher = BuiltOnFirstUse { BatchMatcher(catalog: catalog) }
        builtRelated = BuiltOnFirstUse {
            (try? model.get.get())?.map { (RelatedOccupations(catalog: catalog, model: $0.model), OccupationSimilarity(catalog: catalog, model: $0.model)) }
        }
        readers = [false, true].map { infer in
            ResumeTextResolver(
                catalog: catalog, inferFromTitles: infer, asOfYear: year, extractor: Self.storedExtractor(store, catalog),
                documentIndexes: Self.storedDocumentIndexes(store, catalog))
        }
    }

    /// Opens the catalogue at `location` (seeding the per-user default on first use) and loads it.
    public static func open(_ location: CatalogLocation, note: @escaping @Sendable (String) -> Void = { _ in }) throws -> CatalogSession {
        try CatalogSession(store: location.open(access: .read, note: note), note: note)
    }

    /// A match engine without inference that scores one candidate at a time (the sparse kernel).
    public var engine: MatchEngine { sparse.get }

    /// A match engine without inference for pools (the dense kernel where it pays).
    public var poolEngine: MatchEngine { dense.get }

    /// The engine for `fit` and `match`: with the registered relatedness model's inference when `infer` and a current
    /// model is registered, else ``engine``.
    public func engine(infer: Bool) throws -> MatchEngine {
        infer ? try inferring.get.get() : sparse.get
    }

    /// Keyword search over the jobs' titles (its index built once).
    public var jobSearch: JobSearch { builtJobSearch.get }

    /// The certification finder (its index built once).
    public var credentialSearch: CredentialSearch { builtCredentialSearch.get }

    /// The registered relatedness model and its job rankings (built once).
    /// - Throws: ``ServiceError`` (`unprocessable`) when no current model is registered.
    public func relatedness() throws -> (model: RelatednessModel, fused: RelatedOccupations, similarity: OccupationSimilarity) {
        guard let model = try model.get.get()?.model, let related = builtRelated.get else {
            throw ServiceError(.unprocessable, field: "model", "no relatedness model is registered with this catalogue; train one with `skillmatch train`")
        }
        return (model, related.fused, related.similarity)
    }

    /// The jobs nearest to `job` as `similar --job` ranks them (the registered relatedness model's views, fused), with
    /// the model's similarity; nil when no current model is registered.
    public func relatedJobs(to job: String, top: Int) throws -> [RelatedJob]? {
        guard let index = catalog.jobIndex(job) else { throw MatchError.unknownJob(job) }
        guard let related = builtRelated.get else { return nil }
        return related.fused.nearest(to: index, k: top).map {
            RelatedJob(job: catalog.jobs[$0.index].id, title: catalog.jobs[$0.index].title, similarity: related.similarity.score(index, $0.index))
        }
    }

    /// The batch kernels over every job (`batch`, `/v1/batch`), built once.
    public var batchMatcher: BatchMatcher { builtBatchMatcher.get }

    /// The gap planner (its grant index built once).
    public var planner: GapPlanner { builtPlanner.get }

    /// The inference of the registered relatedness model (nil when none is registered or it is stale).
    public func inference(infer: Bool) throws -> SkillInference? {
        infer ? try model.get.get() : nil
    }

    /// The shared resume reader (extractor, document matcher), with or without levels inferred from titles held.
    public func reader(inferFromTitles: Bool) -> ResumeTextResolver { readers[inferFromTitles ? 1 : 0] }

    /// Makes the skill extractor from the index the catalogue stored at import (built anew when it has none that matches).
    public static func storedExtractor(_ store: CatalogStore, _ catalog: Catalog) -> @Sendable () -> SkillExtractor {
        { (try? store.extractor(for: catalog)) ?? SkillExtractor(catalog: catalog) }
    }

    /// Gives the document indexes the catalogue stored at import, or nil (they are then built).
    public static func storedDocumentIndexes(_ store: CatalogStore, _ catalog: Catalog) -> @Sendable () -> DocumentIndexes? {
        { try? store.documentIndexes(for: catalog) }
    }
}

/// A job related to another (``CatalogSession/relatedJobs(to:top:)``) and the relatedness model's similarity.
public struct RelatedJob: Sendable, Hashable {
    public var job: String
    public var title: String
    public var similarity: Double
}

/// The year an open date range in a resume (`2019 – Present`) ends: `$SKILLMATCH_AS_OF` when it is set (a year
/// from 1950 to 2100, for runs that must give the same output whatever the date), else the current year (UTC).
public enum DocumentYear {
    /// - Throws: ``ServiceError`` when `$SKILLMATCH_AS_OF` is set to anything but such a year.
    public static func current() throws -> Int {
        if let text = ProcessInfo.processInfo.environment["SKILLMATCH_AS_OF"], !text.isEmpty {
            guard let year = Int(text.trimmingCharacters(in: .whitespaces)), (1950 ... 2100).contains(year) else {
                throw ServiceError(.invalid, field: "SKILLMATCH_AS_OF", "SKILLMATCH_AS_OF must be a year from 1950 to 2100 (the year open date ranges in resumes end), not \"\(text)\"")
            }
            return year
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: Date())
    }
}
