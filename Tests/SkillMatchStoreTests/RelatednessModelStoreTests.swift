import Foundation
import SkillMatch
import SkillMatchDemo
import SkillMatchImport
import Testing
@testable import SkillMatchStore

@Suite("Relatedness models in the store (migration v4) and the shipped demo model")
struct RelatednessModelStoreTests {
    @Test("the shipped demo model was trained on the shipped demo catalogue and reads back")
    func shippedDemoModel() throws {
        let parsed = try CatalogReader.parse(Array(DemoCatalog.catalogJSON.utf8), file: DemoCatalog.catalogName)
        let catalog = try parsed.merged(into: Catalog())
        let metadata = try JSONDecoder().decode(ModelMetadata.self, from: Data(DemoCatalog.modelMetadataJSON.utf8))
        #expect(metadata.fingerprint == CatalogFingerprint(catalog).description,
                "datasets/demo/catalog.json changed since models/demo was trained: run `make demo-model`")
        let model = try ModelFile.read(binary: DemoCatalog.modelBinary, metadata: metadata, name: "demo")
        #expect(model.skillIDs == catalog.skills.map(\.id))
        // Retraining with the recorded parameters gives the shipped bytes.
        #expect(ModelFile.binary(RelatednessTrainer.train(catalog, parameters: metadata.parameters)) == DemoCatalog.modelBinary)
    }

    @Test("models register, replace one of the same name, and the latest registered is in use")
    func registry() throws {
        let folder = TemporaryDirectory()
        let store = try CatalogStore(path: folder.file("models.sqlite"))
        #expect(try store.model() == nil)
        func stored(_ name: String, _ byte: UInt8) -> StoredModel {
            StoredModel(name: name, path: "models/\(name)", fingerprint: "0123456789abcdef", dimension: 2, skills: 1,
                        metadata: "{}", binary: [byte, 1, 2], registeredAt: "2026-11-23T00:00:00Z")
        }
        try store.registerModel(stored("a", 1))
        try store.registerModel(stored("b", 2))
        #expect(try store.model()?.name == "b")
        try store.registerModel(stored("a", 3))
        #expect(try store.model()?.name == "a" && store.model()?.binary == [3, 1, 2])
        #expect(try store.model(named: "b")?.binary == [2, 1, 2])
        #expect(try store.models().map(\.name) == ["a", "b"])
        // Reopening runs no migration twice.
        let reopened = try CatalogStore(path: folder.file("models.sqlite"))
        #expect(try reopened.model()?.name == "a")
    }
}
