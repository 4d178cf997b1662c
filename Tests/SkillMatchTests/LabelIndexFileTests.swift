import Foundation
import SkillMatchDemo
import Testing
@testable import SkillMatch

/// The extractor's index stored as bytes (`SkillExtractor.serialized()`): read back it extracts exactly as built,
/// damaged bytes are refused, and a change to what is built shows up here.
@Suite("Stored extractor index")
struct LabelIndexFileTests {
    static let catalog: Catalog = {
        let data = try! JSONSerialization.jsonObject(with: Data(DemoCatalog.catalogJSON.utf8)) as! [String: Any]
        let skills = (data["skills"] as! [[String: Any]]).map { record in
            Skill(id: record["id"] as! String, label: record["label"] as! String, altLabels: record["altLabels"] as? [String] ?? [],
                  type: (record["type"] as? String).flatMap(SkillType.init(rawValue:)), description: record["description"] as? String)
        }
        return try! Catalog(skills: skills, jobs: [], credentials: [])
    }()

    static let texts = [
        "Python, R and SQL. Experience with Tableau and strong communication skills; managing staff.",
        DemoCatalog.catalogJSON,
        "C++ / C# developer — ETL pipelines, e-commerce, problem-solving, Java (Spring), go-live support.",
    ]

    @Test("read back, it extracts exactly as the extractor it was written from")
    func roundTrip() throws {
        let built = SkillExtractor(catalog: Self.catalog)
        let bytes = built.serialized()
        let read = try #require(SkillExtractor(serialized: bytes, catalog: Self.catalog))
        #expect(read.labelCount == built.labelCount)
        #expect(read.serialized() == bytes)
        for text in Self.texts { #expect(read.mentions(in: text) == built.mentions(in: text)) }
    }

    @Test("damaged, truncated or foreign bytes are refused, never followed")
    func damaged() {
        let bytes = SkillExtractor(catalog: Self.catalog).serialized()
        #expect(SkillExtractor(serialized: [], catalog: Self.catalog) == nil)
        #expect(SkillExtractor(serialized: Array(bytes.dropLast(9)), catalog: Self.catalog) == nil)
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            var damaged = bytes
            damaged[position] ^= 0x41
            #expect(SkillExtractor(serialized: damaged, catalog: Self.catalog) == nil, "byte \(position)")
        }
        // Fewer skills than the entries name.
        let fewer = try! Catalog(skills: Array(Self.catalog.skills.prefix(3)), jobs: [], credentials: [])
        #expect(SkillExtractor(serialized: bytes, catalog: fewer) == nil)
    }

    @Test("the fingerprint follows labels and descriptions; the demo's index bytes are pinned (bump formatVersion when they change)")
    func fingerprint() throws {
        var skills = Self.catalog.skills
        let before = SkillExtractor.fingerprint(Self.catalog)
        skills[0].description = (skills[0].description ?? "") + " more"
        #expect(SkillExtractor.fingerprint(try Catalog(skills: skills, jobs: [], credentials: [])) != before)
        var hasher = FNV1a()
        for byte in SkillExtractor(catalog: Self.catalog).serialized() { hasher.add(byte: byte) }
        // If this fails, what the extractor builds has changed (or the demo catalogue's skills have): unless only the
        // demo's skills changed, bump SkillExtractor.formatVersion (stored indexes of the old version are then rebuilt);
        // then update the value.
        #expect(CatalogFingerprint(value: hasher.state).description == "d86397f8f4b555e5")
    }
}
