import ArgumentParser
import Foundation
import SkillMatchImport
import SkillVectors

/// `skillmatch encode`: sentence vectors of texts, for checks and for other tools.
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Embed texts with the sentence encoder (all-MiniLM-L6-v2): one unit-length vector per text.",
        discussion: """
            Texts are the arguments, or the lines of --lines FILE (- for standard input). --format jsonl (the \
            default) writes one line per text: {"text", "tokens", "vector"}, with --ids also the token ids; --format \
            table shows the token count and the first components. Needs `make models` (or --encoder PATH).
            """)

    @OptionGroup var encoderOptions: EncoderOptions
    @Argument(help: "Texts to embed.") var texts: [String] = []
    @Option(help: ArgumentHelp("Embed each line of this file (- for standard input).", valueName: "file|-"))
    var lines: String?
    @Flag(help: "Include the WordPiece token ids.") var ids = false
    @Option(help: "Output format: jsonl or table.") var format: EncodeFormat = .jsonl
    @Option(help: ArgumentHelp("Worker threads (default: all cores).", visibility: .hidden)) var threads: Int?

    func validate() throws {
        if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be between 1 and 1024") }
        if texts.isEmpty && lines == nil { throw ValidationError("give texts to embed, or --lines FILE") }
    }

    func run() throws {
        var inputs = texts
        if let lines {
            let text = lines == "-" ? try TextInput.readStandardInput() : try TextInput.read(lines)
            var split = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
            if text.unicodeScalars.last == "\n" { split.removeLast() }
            inputs += split.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        }
        let encoder = try encoderOptions.load()
        let tokens = inputs.map(encoder.tokenizer.encode)
        let vectors = encoder.embed(tokens: tokens, threads: threads ?? Parallel.threadCount)
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        var table = Table([.init(header: "#", numeric: true), .init(header: "tokens", numeric: true), .init(header: "vector (first 5)"), .init(header: "text")])
        for (index, text) in inputs.enumerated() {
            let vector = (0 ..< vectors.columns).map { vectors[index, $0] }
            switch format {
            case .jsonl:
                out.append(try json.encode(EncodedText(text: text, tokens: tokens[index].count, vector: vector,
                                                        ids: ids ? tokens[index] : nil)))
                out.append(0x0A)
            case .table:
                table.append([String(index + 1), String(tokens[index].count),
                           vector.prefix(5).map { String(format: "%.4f", $0) }.joined(separator: " "), text])
            }
        }
        if format == .table { Output.text(table.text) } else { FileHandle.standardOutput.write(out) }
    }
}

enum EncodeFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, table
}

/// One line of `encode --format jsonl`.
struct EncodedText: Encodable {
    var text: String
    var tokens: Int
    var vector: [Float]
    var ids: [Int32]?
}
