import Foundation
import SkillMatch
import SkillMatchImport
import Testing

/// Skill extraction with the full ESCO label set on the SkillSpan job postings (both in ../shared/datasets, skipped
/// with a message where absent): spans are exact, and overlap precision and recall against SkillSpan's hard-skill
/// and knowledge spans stay at the level measured in Benchmarks/README.md.
@Suite("Extraction on ESCO and SkillSpan")
struct ExtractionRealDataTests {
    static let esco = SharedDatasets.folder("esco")
    static let skillSpan = SharedDatasets.folder("job-postings/skillspan")
    static let present = FileManager.default.fileExists(atPath: esco + "/skills_en.csv")
        && FileManager.default.fileExists(atPath: skillSpan + "/dev.json")

    /// Gold spans (start, end) in the sentence rebuilt by joining tokens with spaces.
    static func goldSpans(_ record: [String: Any]) -> (String, [(Int, Int)]) {
        let tokens = (record["tokens"] as! [String]).map { $0.replacingOccurrences(of: "\n", with: " ") }
        var offsets: [(Int, Int)] = []
        var position = 0
        for token in tokens {
            let length = token.unicodeScalars.count
            offsets.append((position, position + length))
            position += length + 1
        }
        var spans: [(Int, Int)] = []
        for key in ["tags_skill", "tags_knowledge"] {
            let tags = record[key] as! [String]
            var start: Int?
            for (k, tag) in (tags + ["O"]).enumerated() {
                if let s = start, tag != "I" { spans.append((offsets[s].0, offsets[k - 1].1)); start = nil }
                if tag == "B" || (tag == "I" && start == nil) { start = k }
            }
        }
        return (tokens.joined(separator: " "), spans)
    }

    @Test("SkillSpan dev with ESCO: exact spans, overlap precision ≥ 0.55 and recall ≥ 0.12",
          .enabled(if: present, "../shared/datasets (ESCO, SkillSpan) is absent: skipped"))
    func skillSpanDev() throws {
        let skills = try EscoImporter.read(directory: Self.esco).document.skills
        #expect(skills.count == 13_896)
        let built = SkillExtractor(skills: skills)
        #expect(built.labelCount > 100_000)
        // The stored index reads back into an extractor that finds exactly the same (checked on every sentence below).
        let catalog = try Catalog(skills: skills, jobs: [], credentials: [])
        let extractor = try #require(SkillExtractor(serialized: built.serialized(), catalog: catalog))
        let data = try #require(FileManager.default.contents(atPath: Self.skillSpan + "/dev.json"))
        var predicted = 0, correct = 0, gold = 0, found = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let record = try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
            let (text, spans) = Self.goldSpans(record)
            let scalars = Array(text.unicodeScalars)
            let mentions = extractor.mentions(in: text)
            #expect(mentions == built.mentions(in: text), "\(text)")
            for mention in mentions {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[mention.start ..< mention.end])
                #expect(String(view) == mention.text)
                predicted += 1
                if spans.contains(where: { mention.start < $0.1 && $0.0 < mention.end }) { correct += 1 }
            }
            gold += spans.count
            found += spans.filter { span in mentions.contains { $0.start < span.1 && span.0 < $0.end } }.count
        }
        let precision = Double(correct) / Double(max(predicted, 1))
        let recall = Double(found) / Double(max(gold, 1))
        #expect(precision >= 0.55, "overlap precision \(precision) (\(correct) of \(predicted))")
        #expect(recall >= 0.12, "overlap recall \(recall) (\(found) of \(gold))")
    }
}
