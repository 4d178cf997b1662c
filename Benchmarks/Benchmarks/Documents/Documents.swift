import Benchmark
import Foundation
import SkillMatch
import SkillMatchImport

/// Resumes matched to jobs by all their evidence (`Sources/SkillMatch/Documents`), against full O*NET 29.3 read from
/// `../shared/datasets` beside the package (no benchmark runs where it is absent). The resumes are the development
/// set in `Benchmarks/dev-resumes` (60 texts, 1–3 KB). Measured: building the document indexes (text and titles) for
/// the catalogue; reading one resume's evidence (relevance to every job and titles held); and the whole of what
/// `match` does per resume once everything is built (skills extracted, levels inferred from titles, fit, rank, top 10).
/// With the credential catalogue (`datasets/credentials`) imported on top: `gap` for each resume against the occupation
/// it was written for (`labels.tsv`), closing the gap and reaching a fit of 0.8, with the occupation's own credentials
/// first as the CLI plans (after loading: the planner's grant index is built once, as a server would).
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
    guard let credentials = workload.withCredentials() else {
        print("datasets/credentials could not be imported: no gap benchmarks")
        return
    }
    let planner = GapPlanner(engine: MatchEngine(catalog: credentials, storage: .sparse))
    let gapResolver = ResumeTextResolver(catalog: credentials, inferFromTitles: true)
    let people = workload.resumes.enumerated().map { index, text in
        (person: gapResolver.resolve(Candidate(id: "r\(index)", skills: []), text: text), job: workload.labels[index])
    }
    for (name, target) in [("close the gap", nil), ("target 0.8", 0.8 as Double?)] {
        Benchmark("Gap \(name): \(people.count) resumes against their own occupations (O*NET + \(credentials.credentials.count) credentials; per resume: divide by \(people.count))") { _ in
            for (person, job) in people {
                blackHole(try? planner.plan(person, job: job, scopes: credentials.planScopes(for: job), target: target))
            }
        }
    }
}

/// Full O*NET and the development resumes.
struct DocumentWorkload {
    var catalog: Catalog
    var resumes: [String]
    /// The O*NET occupation each resume was written for.
    var labels: [String]
    /// The package root.
    var root: String

    /// The catalogue with `datasets/credentials` imported, as `import credentials` does.
    func withCredentials() -> Catalog? {
        guard let sources = try? CredentialImporter.read(path: root + "/datasets/credentials") else { return nil }
        return try? CredentialImporter.resolve(sources, against: catalog).merged(into: catalog)
    }

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
        // labels.tsv: file, onet, occupation; resumes are in file order.
        let labelText = (try? String(contentsOfFile: folder + "/labels.tsv", encoding: .utf8)) ?? ""
        var byFile: [String: String] = [:]
        for line in labelText.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t")
            if fields.count >= 2, byFile[String(fields[0])] == nil { byFile[String(fields[0])] = String(fields[1]) }
        }
        guard names.allSatisfy({ byFile[$0] != nil }) else {
            print("\(folder)/labels.tsv does not label every resume: no document benchmarks")
            return nil
        }
        return DocumentWorkload(catalog: catalog, resumes: resumes, labels: names.map { byFile[$0]! }, root: url.path)
    }
}
