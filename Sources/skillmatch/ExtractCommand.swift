import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchImport
import SkillMatchService
import SkillVectors

/// `skillmatch extract FILE|-`: the catalogue skills a text mentions, with exact spans.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find the catalogue's skills in a text: spans, the label that matched, why it was accepted.",
        discussion: """
            Offsets are Unicode scalar (code point) offsets, end exclusive (Python's text[start:end]). Labels are \
            matched as whole words with case, accents, punctuation, hyphens, plurals and -ing/-ed forms ignored; \
            the longest match wins; short or ambiguous labels (R, Go, one common word) need a cue word or a list of \
            other skills next to them; boilerplate (equal opportunity, benefits, how to apply) is skipped. \
            --format json: {"skills": [{"skill", "label", "start", "end", "text", "labelKind", "preferredLabel", \
            "support", "alternatives"}]}. --lines reads each line on its own (offsets relative to the line); with \
            --format jsonl it writes one line per input line: {"line", "skills": [...]}. Every mention has "method": \
            "lexical" (a label in the text) or "semantic" (--semantic: a sentence or clause whose sentence-encoder \
            vector is near one of the skill's labels; its span is the segment, "label" the nearest label, \
            "similarity" the cosine, support "similarity"). --semantic adds, to the lexical mentions, the nearest \
            skill of each segment of at least 4 words at similarity >= 0.60 (>= 0.70 when the segment already holds a \
            lexical mention) that the text does not mention lexically; it needs `make models` and, for catalogues over 5,000 labels, \
            `skillmatch embed`.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The text file, or - for standard input.", valueName: "file|-")) var file: String
    @Flag(help: "Extract from each line on its own (line numbers from 1, offsets relative to the line).")
    var lines = false
    @Option(help: "Output format: table, json or jsonl.") var format: ExtractFormat = .table
    @Option(help: ArgumentHelp("Worker threads for --lines (default: all cores).", visibility: .hidden)) var threads: Int?
    @Flag(help: "Also find skills by meaning with the sentence encoder (see below).") var semantic = false
    @OptionGroup var encoderOptions: EncoderOptions
    @Option(help: ArgumentHelp("--semantic: similarity a segment without a lexical mention needs.", visibility: .hidden))
    var semanticThreshold = SemanticExtractor.Thresholds.default.free
    @Option(help: ArgumentHelp("--semantic: similarity a segment with a lexical mention needs.", visibility: .hidden))
    var semanticCoveredThreshold = SemanticExtractor.Thresholds.default.covered
    @Flag(help: ArgumentHelp("--semantic: embed whole sentences only, not their clauses.", visibility: .hidden))
    var semanticSentencesOnly = false
    @Option(help: ArgumentHelp("--semantic: the fewest words a segment needs.", visibility: .hidden))
    var semanticMinWords = SemanticExtractor.Thresholds.default.minimumWords

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        for (name, value) in [("--semantic-threshold", semanticThreshold), ("--semantic-covered-threshold", semanticCoveredThreshold)]
        where !(value.isFinite && value >= -1 && value <= 1) {
            throw ValidationError("\(name) must be a similarity between -1 and 1")
        }
        if !(1 ... 1000).contains(semanticMinWords) { throw ValidationError("--semantic-min-words must be between 1 and 1000") }
    }

    func run() throws {
        let text = try readInput()
        let store = try database.open()
        let catalog = try store.loadCatalog()
        let extractor = try store.extractor(for: catalog)
        var semanticExtractor: SemanticExtractor?
        if semantic {
            let (encoder, index) = try SemanticSupport.load(store: store, catalog: catalog, encoderOptions: encoderOptions)
            semanticExtractor = SemanticExtractor(
                lexical: extractor, encoder: encoder, index: index,
                thresholds: .init(free: semanticThreshold, covered: semanticCoveredThreshold, clauses: !semanticSentencesOnly,
                                   minimumWords: semanticMinWords))
        }
        if lines {
            if let semanticExtractor {
                try printSemanticLines(text, extractor: semanticExtractor, catalog: catalog)
            } else {
                try printLines(text, extractor: extractor, catalog: catalog)
            }
            return
        }
        let mentions = extractor.mentions(in: text)
        var records = mentions.map { MentionRecord($0, catalog: catalog) }
        if let semanticExtractor {
            records = Self.merged(records, semanticExtractor.mentions(in: [text], lexical: [mentions])[0], catalog: catalog)
        }
        switch format {
        case .json: try Output.json(ExtractedText(skills: records))
        case .jsonl: try writeLine(ExtractedText(skills: records))
        case .table: Output.text(Self.table(records.map { (nil, $0) }).text)
        }
    }

    /// Lexical and semantic mentions in text order (start, end, then skill id).
    static func merged(_ lexical: [MentionRecord], _ semantic: [SemanticMention], catalog: Catalog) -> [MentionRecord] {
        (lexical + semantic.map { MentionRecord($0, catalog: catalog) })
            .sorted { ($0.start, $0.end, $0.skill) < ($1.start, $1.end, $1.skill) }
    }

    /// `--lines --semantic`: blocks of 4,096 lines, each extracted lexically on all cores, then its segments
    /// embedded together.
    private func printSemanticLines(_ text: String, extractor: SemanticExtractor, catalog: Catalog) throws {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var content = String(String.UnicodeScalarView(line))
                if content.hasSuffix("\r") { content.removeLast() }
                return content
            }
        if text.unicodeScalars.last == "\n" { lines.removeLast() }
        let workers = threads ?? Parallel.threadCount
        var results: [LineMentions] = []
        let encoder = Self.makeLineEncoder()
        for start in stride(from: 0, to: lines.count, by: 4096) {
            let block = Array(lines[start ..< min(lines.count, start + 4096)])
            var lexical = [[SkillMention]](repeating: [], count: block.count)
            lexical.withUnsafeMutableBufferPointer { out in
                let out = out.baseAddress!
                let ranges = Parallel.ranges(block.count, parts: workers)
                Parallel.forEach(ranges.count) { part in
                    for index in ranges[part] { out[index] = extractor.lexical.mentions(in: block[index]) }
                }
            }
            let semantic = extractor.mentions(in: block, lexical: lexical, threads: workers)
            var data = Data()
            for index in block.indices {
                let result = LineMentions(
                    line: start + index + 1,
                    skills: Self.merged(lexical[index].map { MentionRecord($0, catalog: catalog) }, semantic[index], catalog: catalog))
                if format == .jsonl {
                    data.append(try encoder.encode(result))
                    data.append(0x0A)
                } else {
                    results.append(result)
                }
            }
            if format == .jsonl { FileHandle.standardOutput.write(data) }
        }
        switch format {
        case .jsonl: break
        case .json: try Output.json(["lines": results])
        case .table: Output.text(Self.table(results.flatMap { result in result.skills.map { (result.line, $0) } }).text)
        }
    }

    /// The input text: a file, or standard input for `-`.
    private func readInput() throws -> String {
        if file == "-" {
            return try TextInput.readStandardInput()
        }
        return try TextInput.read(file)
    }

    /// Extracts line by line on all cores, in blocks of lines taken in order; JSON Lines are written block by
    /// block, so memory does not grow with the file, and the output is the same with any number of threads.
    private func printLines(_ text: String, extractor: SkillExtractor, catalog: Catalog) throws {
        // Lines end at LF (a CR before it is dropped); split on scalars, since "\r\n" is one Character.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        // A final newline ends the last line; it does not start another.
        if text.unicodeScalars.last == "\n" { lines.removeLast() }
        let workers = threads ?? Parallel.threadCount
        let blockLines = 1024
        var results: [LineMentions] = []
        var start = 0
        while start < lines.count {
            let end = min(lines.count, start + workers * blockLines)
            let ranges = Parallel.ranges(end - start, parts: workers).map { ($0.lowerBound + start) ..< ($0.upperBound + start) }
            var parts = [[LineMentions]](repeating: [], count: ranges.count)
            var encoded = [Data](repeating: Data(), count: ranges.count)
            let jsonl = format == .jsonl
            parts.withUnsafeMutableBufferPointer { parts in
                encoded.withUnsafeMutableBufferPointer { encoded in
                    let (parts, encoded) = (parts.baseAddress!, encoded.baseAddress!)
                    Parallel.forEach(ranges.count) { part in
                        let encoder = Self.makeLineEncoder()
                        for index in ranges[part] {
                            var content = String(String.UnicodeScalarView(lines[index]))
                            if content.hasSuffix("\r") { content.removeLast() }
                            let result = LineMentions(
                                line: index + 1,
                                skills: extractor.mentions(in: content).map { MentionRecord($0, catalog: catalog) })
                            if jsonl {
                                encoded[part].append((try? encoder.encode(result)) ?? Data())
                                encoded[part].append(0x0A)
                            } else {
                                parts[part].append(result)
                            }
                        }
                    }
                }
            }
            if jsonl {
                for data in encoded { FileHandle.standardOutput.write(data) }
            } else {
                results += parts.joined()
            }
            start = end
        }
        switch format {
        case .jsonl: break
        case .json: try Output.json(["lines": results])
        case .table: Output.text(Self.table(results.flatMap { result in result.skills.map { (result.line, $0) } }).text)
        }
    }

    private static func makeLineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }


    private func writeLine(_ value: some Encodable) throws {
        var data = try Self.makeLineEncoder().encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    private static func table(_ rows: [(line: Int?, mention: MentionRecord)]) -> Table {
        let withLines = rows.contains { $0.line != nil }
        var columns: [Table.Column] = withLines ? [.init(header: "Line", numeric: true)] : []
        columns += [.init(header: "Skill"), .init(header: "Label"), .init(header: "Span"), .init(header: "Method"), .init(header: "Text")]
        var table = Table(columns)
        for (line, mention) in rows {
            var cells = withLines ? [line.map(String.init) ?? ""] : []
            let method = mention.similarity.map { String(format: "semantic %.2f", $0) } ?? "lexical"
            cells += [mention.skill, mention.label.truncated(40), "\(mention.start)-\(mention.end)", method, mention.text.truncated(40)]
            table.append(cells)
        }
        return table
    }

    private static func table(_ rows: [(Int?, SkillMention)]) -> Table {
        table(rows.map { ($0.0, MentionRecord($0.1, catalog: nil)) })
    }
}

/// Output formats of `extract`.
enum ExtractFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl
}

