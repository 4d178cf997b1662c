import Benchmark
import Foundation
import SkillMatch
import SkillMatchImport

/// Resumes matched to jobs by all their evidence (`Sources/SkillMatch/Documents`), against full O*NET 29.3 read from
/// `../shared/datasets` beside the package (no benchmark runs where it is absent). The resumes are the development
/// set in `Benchmarks/dev-resumes` (60 texts, 1–3 KB). Measured: building the document indexes (text and titles) for
/// the catalogue; reading one resume's evidence (relevance to every job and titles held); and the whole of what
/// `match` does per resume once everything is built (skills extracted, levels inferred from titles, fit, rank, top 10).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(10), maxIterations: 30)
    guard let workload = DocumentWorkload.load() else {
        print("../shared/datasets/onet is absent: no document benchmarks")
        return
    }
    let resolver = ResumeTextResolver(catalog: workload.catalog, inferFromTitles: true)
    resolver.prepare()
    let (documents, engine) = (resolver.documents, resolver.engine)
    Benchmark("Build the document indexes (O*NET, \(workload.catalog.jobs.count) jobs)", configuration: .init(maxIterations: 5)) { _ in
        blackHole(DocumentMatcher(catalog: workload.catalog))
    }
    Benchmark("Evidence of \(workload.resumes.count) resumes (relevance to every job, titles held)") { benchmark in
        for text in workload.resumes { blackHole(documents.evidence(text)) }
    }
    Benchmark("Match \(workload.resumes.count) resumes (extract, infer, fit, rank, top 10)") { benchmark in
        for (index, text) in workload.resumes.enumerated() {
            let evidence = documents.evidence(text)
            let person = resolver.resolve(Candidate(id: "r\(index)", skills: []), text: text, evidence: evidence)
            blackHole(try engine.match(person, evidence: evidence, documents: documents, top: 10))
        }
    }
}

/// Full O*NET and the development resumes.
struct DocumentWorkload {
    var catalog: Catalog
    var resumes: [String]

    static func load() -> DocumentWorkload? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 4 { url.deleteLastPathComponent() }  // the file, Documents, Benchmarks, Benchmarks: the package root
        let benchmarks = url.path + "/Benchmarks"
        let shared = url.deletingLastPathComponent().path + "/shared/datasets"
        guard let document = try? OnetImporter.read(directory: shared + "/onet").document,
              let catalog = try? Catalog().merging(document) else { return nil }
        let folder = benchmarks + "/dev-resumes"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        let resumes = names.compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        guard !resumes.isEmpty else {
            print("\(folder) holds no resumes: no document benchmarks")
            return nil
        }
        return DocumentWorkload(catalog: catalog, resumes: resumes)
    }
}
