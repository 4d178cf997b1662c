import Foundation
import PackagePlugin

/// Embeds the shipped demo catalogue (`datasets/demo/catalog.json` and `candidates.jsonl`) and its relatedness model
/// (`models/demo.skmodel` and `models/demo.json`) into the
/// `SkillMatchDemo` target as Swift string literals, so the `skillmatch` binary can seed a new default
/// database without locating resource files at run time.
@main
struct EmbedDemoDataPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // The server's API document, embedded so that no resource bundle has to be found at run time.
        if target.name == "SkillMatchServer" {
            let document = target.directoryURL.appending(path: "openapi.yaml")
            let output = context.pluginWorkDirectoryURL.appending(path: "OpenAPIText.swift")
            return [
                .buildCommand(
                    displayName: "Embedding the OpenAPI document",
                    executable: try context.tool(named: "EmbedDemoData").url,
                    arguments: [document.path(), output.path()],
                    inputFiles: [document],
                    outputFiles: [output]
                )
            ]
        }
        // The web app's templates and stylesheet.
        if target.name == "SkillMatchWeb" {
            let folder = target.directoryURL.appending(path: "Templates")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path()).filter { $0.hasSuffix(".mustache") || $0.hasSuffix(".css") }.sorted()
            let files = names.map { folder.appending(path: $0) }
            let output = context.pluginWorkDirectoryURL.appending(path: "WebTemplateText.swift")
            return [
                .buildCommand(
                    displayName: "Embedding the web app's templates",
                    executable: try context.tool(named: "EmbedDemoData").url,
                    arguments: ["--templates", output.path()] + files.map { $0.path() },
                    inputFiles: files,
                    outputFiles: [output]
                )
            ]
        }
        let demo = context.package.directoryURL.appending(path: "datasets").appending(path: "demo")
        let catalog = demo.appending(path: "catalog.json")
        let candidates = demo.appending(path: "candidates.jsonl")
        let models = context.package.directoryURL.appending(path: "models")
        let modelBinary = models.appending(path: "demo.skmodel")
        let modelMetadata = models.appending(path: "demo.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "DemoData.swift")
        return [
            .buildCommand(
                displayName: "Embedding the demo catalogue from datasets/demo",
                executable: try context.tool(named: "EmbedDemoData").url,
                arguments: [catalog.path(), candidates.path(), modelBinary.path(), modelMetadata.path(), output.path()],
                inputFiles: [catalog, candidates, modelBinary, modelMetadata],
                outputFiles: [output]
            )
        ]
    }
}
