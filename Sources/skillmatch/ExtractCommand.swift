import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchImport
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
            --format jsonl it writes one line per input line: {"line", "skills": [...]}.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The text file, or - for standard input.", valueName: "file|-")) var file: String
    @Flag(help: "Extract from each line on its own (line numbers from 1, offsets relative to the line).")
    var lines = false
    @Option(help: "Output format: table, json or jsonl.") var format: ExtractFormat = .table
    @Option(help: ArgumentHelp("Worker threads for --lines (default: all cores).", visibility: .hidden)) var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let text = try readInput()
        let store = try database.open()
        let catalog = try store.loadCatalog()
        let extractor = SkillExtractor(catalog: catalog)
        if lines {
            try printLines(text, extractor: extractor, catalog: catalog)
            return
        }
        let mentions = extractor.mentions(in: text)
        switch format {
        case .json: try Output.json(ExtractedText(skills: mentions.map { MentionRecord($0, catalog: catalog) }))
        case .jsonl: try writeLine(ExtractedText(skills: mentions.map { MentionRecord($0, catalog: catalog) }))
        case .table: Output.text(Self.table(mentions.map { (nil, $0) }).text)
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
        columns += [.init(header: "Skill"), .init(header: "Label"), .init(header: "Span"), .init(header: "Text")]
        var table = Table(columns)
        for (line, mention) in rows {
            var cells = withLines ? [line.map(String.init) ?? ""] : []
            cells += [mention.skill, mention.label.truncated(40), "\(mention.start)-\(mention.end)", mention.text.truncated(40)]
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

/// `{"skills": [...]}`.
struct ExtractedText: Encodable {
    var skills: [MentionRecord]
}

/// `{"line", "skills": [...]}`.
struct LineMentions: Encodable {
    var line: Int
    var skills: [MentionRecord]
}

/// One mention as JSON.
struct MentionRecord: Encodable {
    var skill: String
    var label: String
    var start: Int
    var end: Int
    var text: String
    var labelKind: String
    var preferredLabel: String
    var support: String
    var alternatives: [String]

    init(_ mention: SkillMention, catalog: Catalog?) {
        skill = mention.skill
        label = mention.label
        start = mention.start
        end = mention.end
        text = mention.text
        labelKind = mention.labelKind.rawValue
        preferredLabel = catalog?.skill(mention.skill)?.label ?? mention.label
        support = mention.support.rawValue
        alternatives = mention.alternatives
    }
}
