import Benchmark
import Foundation
import SkillMatch
import SkillMatchImport

/// Skill extraction throughput against the full ESCO label set (13,896 skills, about 112,000 labels), on the
/// SkillSpan job-posting sentences (one per line), both read from `../shared/datasets` beside the package. Where
/// that folder is absent, a seeded synthetic catalogue of the same size and a synthetic text stand in (and the
/// benchmark names say so). Each iteration extracts from the whole text on one thread; MB/s = text bytes / wall
/// clock time (the text size is in the benchmark's name). Building the extractor is measured separately.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(10), maxIterations: 30)
    let workload = ExtractionWorkload.load()
    let extractor = SkillExtractor(skills: workload.skills)
    let megabytes = String(format: "%.2f MB", Double(workload.text.utf8.count) / 1_000_000)
    Benchmark("Extract \(workload.name), one text (\(megabytes), \(workload.skills.count) skills, \(extractor.labelCount) label forms)") { benchmark in
        blackHole(extractor.mentions(in: workload.text))
    }
    Benchmark("Extract \(workload.name), line by line (\(megabytes))") { benchmark in
        var count = 0
        for line in workload.lines { count += extractor.mentions(in: line).count }
        blackHole(count)
    }
    Benchmark("Build the extractor (\(workload.skills.count) skills)", configuration: .init(maxIterations: 5)) { benchmark in
        blackHole(SkillExtractor(skills: workload.skills))
    }
}

/// The skills and the text to extract from.
struct ExtractionWorkload {
    var name: String
    var skills: [Skill]
    var text: String
    var lines: [String]

    static func load() -> ExtractionWorkload {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 4 { url.deleteLastPathComponent() }  // the file, Extraction, Benchmarks, Benchmarks
        let shared = url.deletingLastPathComponent().path + "/shared/datasets"
        if let skills = try? EscoImporter.read(directory: shared + "/esco").document.skills,
           let text = skillSpanText(shared + "/job-postings/skillspan") {
            return ExtractionWorkload(name: "ESCO on SkillSpan", skills: skills, text: text,
                                      lines: text.split(separator: "\n").map(String.init))
        }
        print("../shared/datasets is absent: using a synthetic catalogue and text")
        return synthetic()
    }

    /// The SkillSpan sentences (train and dev), tokens joined by spaces, one sentence per line.
    static func skillSpanText(_ folder: String) -> String? {
        var lines: [String] = []
        for name in ["train", "dev"] {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name + ".json") else { return nil }
            for line in data.split(separator: UInt8(ascii: "\n")) {
                guard let record = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let tokens = record["tokens"] as? [String] else { continue }
                lines.append(tokens.joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 13,896 skills with 8 labels of 1–4 words each from a 6,000-word vocabulary, and 1 MB of text from the same
    /// words (seeded).
    static func synthetic() -> ExtractionWorkload {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let syllables = ["ka", "lo", "mi", "ner", "tas", "vo", "qui", "ran", "sel", "dun", "pha", "ter"]
        let words = (0 ..< 6000).map { _ in (0 ..< 3).map { _ in syllables[Int(next() % 12)] }.joined() }
        func phrase(_ count: Int) -> String { (0 ..< count).map { _ in words[Int(next() % 6000)] }.joined(separator: " ") }
        let skills = (0 ..< 13_896).map { index in
            Skill(id: String(format: "s%05d", index), label: phrase(1 + Int(next() % 4)),
                  altLabels: (0 ..< 7).map { _ in phrase(1 + Int(next() % 4)) })
        }
        var text = ""
        while text.utf8.count < 1_000_000 {
            text += phrase(4 + Int(next() % 12)) + (next() % 4 == 0 ? ", " + skills[Int(next() % 13_896)].label : "") + ".\n"
        }
        return ExtractionWorkload(name: "synthetic", skills: skills, text: text, lines: text.split(separator: "\n").map(String.init))
    }
}
