import Foundation
import SkillMatch
import SkillMatchDemo
import SkillMatchImport
import SkillVectors

/// The fuzz targets: each feeds arbitrary bytes to one reader, as a user's file would reach it. A reader may refuse
/// the input (an ``InputError`` or a validation error is the expected answer to garbage); any trap is a finding.
/// The `candidates-differential` target also stops with `fatalError` when the fast `batch` parser and the strict
/// reader disagree, so libFuzzer records the input.
public enum FuzzTargets {
    /// Target names, as `make fuzz` and `skillmatch-fuzz` take them.
    public static let names = [
        "catalog-json", "candidates-json", "candidates-differential", "person-document", "text-resume",
        "open-badges", "ctdl", "credential-csv", "onet-tabular", "esco-csv", "encoder-file", "stored-indexes",
    ]

    /// The demo catalogue, which candidates and documents are read against.
    static let catalog: Catalog = {
        do {
            let parsed = try CatalogReader.parse(Array(DemoCatalog.catalogJSON.utf8), file: "demo")
            return try Catalog().merging(parsed.document)
        } catch {
            fatalError("the demo catalogue does not load: \(error)")
        }
    }()

    static let matcher = BatchMatcher(catalog: catalog)
    static let resolver = ResumeTextResolver(catalog: catalog, inferFromTitles: true, asOfYear: 2026)

    /// A folder of this process for files the readers take by path.
    static let folder: String = {
        let path = NSTemporaryDirectory() + "skillmatch-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes `bytes` to `name` in the fuzz folder and returns the path.
    static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Runs one target on one input.
    public static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "catalog-json":
            if let parsed = try? CatalogReader.parse(bytes, file: "fuzz.json") { _ = try? Catalog().merging(parsed.document) }
        case "candidates-json":
            if let candidates = try? CandidateReader.parseJSON(bytes, file: "fuzz.json") {
                _ = try? CandidateReader.check(candidates, against: catalog)
            }
            if let candidates = try? CandidateReader.parseLines(bytes, file: "fuzz.jsonl") {
                _ = try? CandidateReader.check(candidates, against: catalog)
            }
        case "candidates-differential": differential(bytes)
        case "person-document":
            _ = try? CandidateReader.read(path: file("person.json", bytes), catalog: catalog)
        case "text-resume":
            if let text = try? TextInput.decode(bytes, file: "fuzz.txt") {
                let evidence = resolver.evidence(text)
                let candidate = resolver.resolve(Candidate(id: "fuzz", skills: []), text: text, evidence: evidence)
                _ = try? MatchEngine(catalog: catalog, storage: .sparse).match(candidate, evidence: evidence, documents: resolver.documents, top: 5)
            }
        case "open-badges", "ctdl", "credential-csv":
            let format: CredentialFormat = target == "open-badges" ? .openbadges : target == "ctdl" ? .ctdl : .csv
            if let sources = try? CredentialImporter.read(path: file(target == "credential-csv" ? "fuzz.csv" : "fuzz.json", bytes), format: format) {
                _ = CredentialImporter.resolve(sources, against: catalog)
            }
        case "onet-tabular": onet(bytes)
        case "esco-csv": esco(bytes)
        case "stored-indexes": storedIndexes(bytes)
        case "encoder-file":
            // A sentence encoder file (models/ENCODER.md): the header and every tensor checked, then one forward
            // pass; the bytes are also tokenised as text with the file's vocabulary, when it loads.
            if let encoder = try? SentenceEncoder(file: SafeTensors(bytes: bytes)) {
                _ = encoder.embed(["python data payroll for staff", String(decoding: bytes.prefix(300), as: UTF8.self)], threads: 1)
            }
        default: fatalError("unknown fuzz target \(target); targets: \(names.joined(separator: ", "))")
        }
    }

    /// One JSON Lines record through the fast `batch` parser and through the strict reader: both accept it with the
    /// same id and the same effective levels, or both refuse it.
    static func differential(_ bytes: [UInt8]) {
        // One record: the first line (records in several lines may repeat ids, which only the strict reader checks).
        let line = Array(bytes.prefix { $0 != 0x0A })
        var fast = CandidateLineParser(matcher: matcher, file: "fuzz.jsonl", resolver: resolver)
        var block = CandidateBlock()
        let fastResult = line.withUnsafeBufferPointer { pointer in
            Result { () throws(InputError) -> Int in try fast.parse(pointer, firstLine: 1, firstOrdinal: 0, keep: 0 ..< 1, into: &block) }
        }
        var strictHeld = HeldLevels()
        var scratch = BatchMatcher.Scratch(skillCount: catalog.skills.count)
        var strictID: String?
        var strictError: String?
        do {
            let located = try CandidateReader.parseLines(line, file: "fuzz.jsonl")
            try CandidateReader.check(located, against: catalog)
            if var candidate = located.first?.candidate {
                if let text = located.first?.text {
                    candidate = resolver.resolve(candidate, text: text, evidence: resolver.evidence(text))
                }
                strictID = candidate.id
                matcher.appendEffective(candidate, to: &strictHeld, scratch: &scratch)
            }
        } catch {
            strictError = "\(error)"
        }
        switch fastResult {
        case .success:
            guard strictError == nil else { fatalError("batch accepted a record the strict reader refuses: \(strictError ?? "")") }
            guard block.ids.first == strictID, block.held.skills == strictHeld.skills, block.held.levels == strictHeld.levels else {
                fatalError("batch and the strict reader read a record differently: \(block.ids) \(strictID ?? "none")")
            }
        case .failure(let error):
            guard strictError != nil else { fatalError("batch refused a record the strict reader accepts: \(error)") }
        }
    }

    /// The input as O*NET's Skills.txt, beside a valid Occupation Data.txt and Knowledge.txt.
    static func onet(_ bytes: [UInt8]) {
        let onet = folder + "/onet"
        try? FileManager.default.createDirectory(atPath: onet, withIntermediateDirectories: true)
        let header = "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n"
        _ = FileManager.default.createFile(atPath: onet + "/Occupation Data.txt", contents: Data("O*NET-SOC Code\tTitle\tDescription\n15-1232.00\tComputer User Support Specialists\tHelp.\n".utf8))
        _ = FileManager.default.createFile(atPath: onet + "/Knowledge.txt", contents: Data(header.utf8))
        _ = FileManager.default.createFile(atPath: onet + "/Skills.txt", contents: Data(bytes))
        if let (document, _) = try? OnetImporter.read(directory: onet) { _ = try? Catalog().merging(document) }
    }

    /// The input as ESCO's skills_en.csv, with the other files empty but for their headers.
    static func esco(_ bytes: [UInt8]) {
        let esco = folder + "/esco"
        try? FileManager.default.createDirectory(atPath: esco, withIntermediateDirectories: true)
        let files = [
            "occupations_en.csv": "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\n",
            "occupationSkillRelations.csv": "occupationUri,relationType,skillType,skillUri\n",
        ]
        for (name, text) in files { _ = FileManager.default.createFile(atPath: esco + "/" + name, contents: Data(text.utf8)) }
        _ = FileManager.default.createFile(atPath: esco + "/skills_en.csv", contents: Data(bytes))
        if let (document, _) = try? EscoImporter.read(directory: esco) { _ = try? Catalog().merging(document) }
    }

    /// The indexes a catalogue stores at import (`SkillExtractor.serialized()`, `DocumentIndexes.serialized()`), read
    /// back against the demo catalogue and used on a text. The bytes are the body without its checksum, which is
    /// appended here, so that the fuzzer reaches the structural checks behind it (a catalogue file can be crafted).
    static func storedIndexes(_ bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        var sealed = bytes
        withUnsafeBytes(of: hash.littleEndian) { sealed += $0 }
        let text = "Python, SQL and Tableau; forklift operation.\nRegistered Nurse | 2019 – 2023\n" + String(decoding: bytes.prefix(200), as: UTF8.self)
        if let extractor = SkillExtractor(serialized: sealed, catalog: catalog) { _ = extractor.mentions(in: text) }
        if let indexes = DocumentIndexes(serialized: sealed, catalog: catalog) {
            _ = DocumentMatcher(catalog: catalog, indexes: indexes).evidence(text, asOfYear: 2026)
        }
    }
}
