// Build-time tool: writes a Swift file holding the demo catalogue and candidates as raw string literals.
// Usage: EmbedDemoData CATALOG.json CANDIDATES.jsonl MODEL.skmodel MODEL.json OUTPUT.swift
//        EmbedDemoData OPENAPI.yaml OUTPUT.swift   (the server's API document, for SkillMatchServer)
//        EmbedDemoData --templates OUTPUT.swift FILE...   (the web app's templates and stylesheet, for SkillMatchWeb)
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 6 || arguments.count == 3 || (arguments.count >= 3 && arguments[1] == "--templates") else {
    FileHandle.standardError.write(Data("usage: EmbedDemoData CATALOG.json CANDIDATES.jsonl MODEL.skmodel MODEL.json OUTPUT.swift\n".utf8))
    exit(2)
}

func literal(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedDemoData: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    // Choose a raw-string delimiter that the text cannot close early.
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

func base64(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedDemoData: cannot read \(path)\n".utf8))
        exit(1)
    }
    return data.base64EncodedString()
}

/// Writes the generated source and ends the tool (status 1 when it cannot be written).
func write(_ source: String, to path: String) -> Never {
    do {
        try source.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("EmbedDemoData: cannot write \(path): \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

if arguments[1] == "--templates" {
    // Each file by its name (`matches.mustache`), sorted so that the output is the same on every build.
    let files = arguments[3...].sorted()
    let entries = files.map { path in
        "    \(literal(path).debugDescriptionQuoted(name: URL(fileURLWithPath: path).lastPathComponent)),"
    }.joined(separator: "\n")
    let source = """
    // Generated at build time by EmbedDemoData from Sources/SkillMatchWeb/Templates. Do not edit.

    /// The web app's templates and stylesheet (`Sources/SkillMatchWeb/Templates`) by file name, embedded at build time.
    let embeddedTemplates: [String: String] = [
    \(entries)
    ]

    """
    write(source, to: arguments[2])
}

extension String {
    /// `"name": <literal>` for a dictionary entry.
    func debugDescriptionQuoted(name: String) -> String { "\"\(name)\": \(self)" }
}

if arguments.count == 3 {
    let source = """
    // Generated at build time by EmbedDemoData from Sources/SkillMatchServer/openapi.yaml. Do not edit.

    /// The API's OpenAPI document (`Sources/SkillMatchServer/openapi.yaml`), embedded at build time.
    let embeddedOpenAPIYAML: String = \(literal(arguments[1]))

    """
    write(source, to: arguments[2])
}

let source = """
// Generated at build time by EmbedDemoData from datasets/demo. Do not edit.

/// The demo catalogue JSON (`datasets/demo/catalog.json`), embedded at build time.
public let demoCatalogJSON: String = \(literal(arguments[1]))

/// The demo candidates JSONL (`datasets/demo/candidates.jsonl`), embedded at build time.
public let demoCandidatesJSONL: String = \(literal(arguments[2]))

/// The demo relatedness model's binary (`models/demo.skmodel`), base64, embedded at build time.
public let demoModelBase64: String = "\(base64(arguments[3]))"

/// The demo relatedness model's metadata (`models/demo.json`), embedded at build time.
public let demoModelJSON: String = \(literal(arguments[4]))

"""
write(source, to: arguments[5])
