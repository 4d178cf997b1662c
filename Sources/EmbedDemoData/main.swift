// Build-time tool: writes a Swift file holding the demo catalogue and candidates as raw string literals.
// Usage: EmbedDemoData CATALOG.json CANDIDATES.jsonl MODEL.skmodel MODEL.json OUTPUT.swift
//        EmbedDemoData OPENAPI.yaml OUTPUT.swift   (the server's API document, for SkillMatchServer)
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 6 || arguments.count == 3 else {
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

if arguments.count == 3 {
    let source = """
    // Generated at build time by EmbedDemoData from Sources/SkillMatchServer/openapi.yaml. Do not edit.

    /// The API's OpenAPI document (`Sources/SkillMatchServer/openapi.yaml`), embedded at build time.
    let embeddedOpenAPIYAML: String = \(literal(arguments[1]))

    """
    do {
        try source.write(toFile: arguments[2], atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("EmbedDemoData: cannot write \(arguments[2]): \(error)\n".utf8))
        exit(1)
    }
    exit(0)
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
do {
    try source.write(toFile: arguments[5], atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedDemoData: cannot write \(arguments[5]): \(error)\n".utf8))
    exit(1)
}
