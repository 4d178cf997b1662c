import Foundation
import SkillMatch
import SkillMatchDemo
import SkillMatchImport
import SkillMatchStore

/// Seeds a catalogue with the embedded demo catalogue and candidates.
public enum DemoSeed {
    /// - Parameter note: receives a sentence when the shipped model does not match the demo catalogue (not registered).
    public static func seed(_ store: CatalogStore, note: (String) -> Void = { _ in }) throws {
        let parsed = try CatalogReader.parse(Array(DemoCatalog.catalogJSON.utf8), file: DemoCatalog.catalogName)
        _ = try store.importCatalog(parsed.document) { try parsed.merged(into: $0) }
        let candidates = try CandidateReader.parseLines(Array(DemoCatalog.candidatesJSONL.utf8), file: DemoCatalog.candidatesName)
        _ = try store.addCandidates(candidates.map(\.candidate)) { try CandidateReader.check(candidates, against: $0) }
        if try !registerModel(store) {
            note("the shipped demo model does not match the demo catalogue (run `make demo-model`); not registered")
        }
    }

    /// Creates the catalogue at `path` holding the demo, all or nothing: it is seeded under a temporary name in the
    /// same folder, then linked into place (or, with `replacing`, renamed over what is there). Returns false when
    /// another process created `path` first (its catalogue is kept).
    public static func createSeeded(at path: String, replacing: Bool, note: (String) -> Void = { _ in }) throws -> Bool {
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
            try seed(store, note: note)
        }  // the store is closed here, before the file moves
        let moved = replacing ? rename(temporary, path) : link(temporary, path)
        if moved == 0 { return true }
        if errno == EEXIST { return false }
        throw ServiceError(.failed, "cannot create \(path): \(String(cString: strerror(errno)))")
    }

    /// Whether an existing default catalogue was left empty: a file of 0 bytes, or a catalogue with no skill and no
    /// job (older versions created the file, then seeded it in separate steps).
    public static func isUnseeded(_ path: String) throws -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == 0 { return true }
        let stats = try CatalogStore(path: path).stats()
        return stats.skills == 0 && stats.jobs == 0
    }

    /// Registers the shipped demo model with a default database seeded before models shipped, when it holds exactly
    /// the demo catalogue and no model (counts are compared first, so other catalogues pay two COUNT queries).
    @discardableResult
    public static func registerModelIfDemo(_ store: CatalogStore) throws -> Bool {
        guard try !store.hasModels() else { return false }
        let metadata = try JSONDecoder().decode(ModelMetadata.self, from: Data(DemoCatalog.modelMetadataJSON.utf8))
        let stats = try store.stats()
        guard stats.skills == metadata.catalogue.skills, stats.jobs == metadata.catalogue.jobs,
              stats.credentials == metadata.catalogue.credentials else { return false }
        guard metadata.fingerprint == CatalogFingerprint(try store.loadCatalog()).description else { return false }
        return try registerModel(store)
    }

    /// Registers the shipped demo relatedness model (models/demo), trained on exactly this catalogue.
    /// Returns false (registering nothing) when the shipped model does not match the catalogue (`make demo-model`
    /// retrains it).
    @discardableResult
    public static func registerModel(_ store: CatalogStore) throws -> Bool {
        let metadata = try JSONDecoder().decode(ModelMetadata.self, from: Data(DemoCatalog.modelMetadataJSON.utf8))
        let catalog = try store.loadCatalog()
        guard metadata.fingerprint == CatalogFingerprint(catalog).description else {
            return false
        }
        _ = try ModelFile.read(binary: DemoCatalog.modelBinary, metadata: metadata, name: DemoCatalog.modelName)
        try store.registerModel(StoredModel(
            name: DemoCatalog.modelName, path: DemoCatalog.modelPath, fingerprint: metadata.fingerprint,
            dimension: metadata.dimension, skills: metadata.skills, metadata: DemoCatalog.modelMetadataJSON,
            binary: DemoCatalog.modelBinary, registeredAt: metadata.builtAt))
        return true
    }
}
