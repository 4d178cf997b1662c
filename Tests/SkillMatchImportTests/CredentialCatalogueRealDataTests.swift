import Foundation
import SkillMatch
import Testing
@testable import SkillMatchImport

/// The shipped credential catalogue (`datasets/credentials`) against the real O*NET and ESCO copies: every alignment
/// and occupation resolves, nothing is duplicated, figures are in range, and the import merges.
enum CredentialCatalogueData {
    static let onet = SharedDatasets.folder("onet")
    static let esco = SharedDatasets.folder("esco")
    static let present = FileManager.default.fileExists(atPath: onet + "/Skills.txt")
        && FileManager.default.fileExists(atPath: esco + "/skills_en.csv")
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/datasets/credentials"
    }()
}

@Suite("Credential catalogue on real O*NET and ESCO",
       .enabled(if: CredentialCatalogueData.present, "../shared/datasets (O*NET, ESCO) is absent: skipped"))
struct CredentialCatalogueRealDataTests {
    typealias Self_ = CredentialCatalogueData

    /// Checks one import of the catalogue against a taxonomy: all of its own alignments and occupations resolve.
    func check(_ catalog: Catalog, framework: String) throws -> Catalog {
        let sources = try CredentialImporter.read(path: Self_.folder)
        #expect(sources.count >= 300, "the catalogue holds at least 300 credentials")
        let result = CredentialImporter.resolve(sources, against: catalog)
        let report = result.report
        #expect(report.unmapped.isEmpty, "every \(framework) alignment resolves: \(report.unmapped.prefix(3).map { "\($0.location) \($0.written)" })")
        #expect(report.unresolvedOccupations.isEmpty, "every occupation resolves: \(report.unresolvedOccupations.prefix(3).map(\.location))")
        #expect(report.unresolvedPrerequisites.isEmpty && report.skipped.isEmpty && report.notes.isEmpty)
        #expect(report.derivedGrants == 0, "the shipped catalogue states its grants")
        let merged = try result.merged(into: catalog)
        for credential in result.document.credentials {
            let stored = try #require(merged.credential(credential.id))
            #expect(!stored.grants.isEmpty, "\(credential.id) grants \(framework) skills")
            #expect(!stored.occupations.isEmpty || framework == "esco", "\(credential.id) serves O*NET occupations")
            #expect(stored.cost.map { $0 >= 0 && $0 <= 20_000 } ?? true, "\(credential.id) cost")
            #expect(stored.hours.map { $0 > 0 && $0 <= 12_000 } ?? true, "\(credential.id) hours")
            #expect(stored.url?.hasPrefix("https://") == true || stored.url?.hasPrefix("http://") == true)
            #expect(["yes", "partly", "no"].contains(stored.verified ?? ""), "\(credential.id) says whether it was verified")
        }
        // No two credentials share a name and issuer.
        let keys = merged.credentials.map { "\($0.name.lowercased())|\(($0.issuer ?? "").lowercased())" }
        #expect(Set(keys).count == keys.count)
        return merged
    }

    @Test("every O*NET alignment and occupation resolves on the O*NET copy; credentials search by job")
    func onetCopy() throws {
        let catalog = try Catalog().merging(OnetImporter.read(directory: Self_.onet).document)
        let merged = try check(catalog, framework: "onet")
        // CareerOneStop-style search by occupation: pharmacy technicians get the pharmacy technician certifications.
        let hits = CredentialSearch(catalog: merged).search(CredentialQuery(job: "29-2052.00")).hits.map(\.credential.id)
        #expect(hits.contains("ptcb-cpht"))
        #expect(!hits.contains("comptia-a-plus"))
    }

    @Test("every ESCO alignment and occupation resolves on the ESCO copy")
    func escoCopy() throws {
        let catalog = try Catalog().merging(EscoImporter.read(directory: Self_.esco).document)
        _ = try check(catalog, framework: "esco")
    }
}
