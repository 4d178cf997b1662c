import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchStore

/// `skillmatch train [--dim D] [--seed S] [--out models/NAME]`.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn a skill relatedness model from the catalogue, write it under models/ and register it.",
        discussion: """
            Skills co-occur in jobs' requirements (weighted by importance × level), credentials' grants, taxonomy \
            ancestors (broader skills, skill groups) and job groups (ISCO-08 minor groups, job zones). The skill × \
            context matrix is reweighted by PPMI and factorised by a seeded randomised SVD; each skill's vector is its \
            row of U·Σ^½, scaled to unit length. Writes NAME.skmodel (binary, see models/FORMAT.md) and NAME.json \
            (metadata), and registers the model with the catalogue: `fit` and `match` then infer related skills, and \
            `similar` finds related jobs, skills and credentials. Same catalogue and seed, same model, bit for bit.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("dim"), help: "The embedding dimension (at most the number of skills).") var dimension = 100
    @Option(help: "The seed of the randomised SVD.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Where to write the model: PATH.skmodel and PATH.json.", valueName: "path"))
    var out = "models/relatedness"
    @Option(name: .customLong("power-iterations"), help: "Power iterations of the randomised SVD.") var powerIterations = 3
    @Option(help: "Extra test vectors of the randomised SVD.") var oversampling = 10
    @Option(name: .customLong("taxonomy-weight"), help: "Weight of taxonomy contexts (broader skills, skill groups); 0 leaves them out.")
    var taxonomyWeight = 0.5
    @Option(name: .customLong("job-group-weight"), help: "Weight of job-group contexts (ISCO minor groups, job zones); 0 leaves them out.")
    var jobGroupWeight = 0.5
    @Option(name: .customLong("credential-weight"), help: "Weight of credential contexts; 0 leaves them out.")
    var credentialWeight = 1.0
    @Flag(name: .customLong("no-register"), help: "Write the files without registering the model with the catalogue.")
    var noRegister = false
    @Option(name: .long, help: "Output format: table or json.") var format: OutputFormat = .table

    var parameters: RelatednessParameters {
        var parameters = RelatednessParameters()
        parameters.dimension = dimension
        parameters.seed = seed
        parameters.powerIterations = powerIterations
        parameters.oversampling = oversampling
        parameters.taxonomyWeight = taxonomyWeight
        parameters.jobGroupWeight = jobGroupWeight
        parameters.credentialWeight = credentialWeight
        return parameters
    }

    func validate() throws {
        if let problem = parameters.problem() { throw ValidationError(problem) }
        let name = (out as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/", !out.hasSuffix("/") else {
            throw ValidationError("--out must end in a file name, such as models/demo")
        }
        guard format != .csv else { throw ValidationError("train prints a table or JSON") }
    }

    func run() throws {
        let store = try database.openForWriting()
        // The model is registered in the catalogue after its files are written: check first that it can be.
        guard access(store.path, W_OK) == 0 else {
            throw CLIError("\(store.path): the catalogue cannot be written (\(String(cString: strerror(errno)))), and train registers the model in it; nothing was written")
        }
        let catalog = try store.loadCatalog()
        guard !catalog.skills.isEmpty, !catalog.jobs.isEmpty else {
            throw CLIError("the catalogue has no skills or no jobs to learn from; import a catalogue first")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let model = RelatednessTrainer.train(catalog, parameters: parameters)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let name = (out as NSString).lastPathComponent
        let folder = URL(fileURLWithPath: out).deletingLastPathComponent().path
        let builtAt = ISO8601DateFormatter().string(from: Date())
        let metadata = ModelFile.metadata(model, name: name, builtAt: builtAt, catalog: catalog, seconds: seconds)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let metadataJSON = String(decoding: try encoder.encode(metadata), as: UTF8.self)
        let binary = ModelFile.binary(model)
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError("cannot create the folder \(folder) for the model")
            }
        }
        let binaryPath = out + ".skmodel"
        let metadataPath = out + ".json"
        do {
            try Data(binary).write(to: URL(fileURLWithPath: binaryPath), options: .atomic)
            try Data((metadataJSON + "\n").utf8).write(to: URL(fileURLWithPath: metadataPath), options: .atomic)
        } catch {
            throw CLIError("cannot write the model to \(binaryPath) and \(metadataPath) (check the folder is writable)")
        }
        if !noRegister {
            try store.registerModel(StoredModel(
                name: name, path: out, fingerprint: model.fingerprint.description, dimension: model.dimension,
                skills: model.skillIDs.count, metadata: metadataJSON, binary: binary, registeredAt: builtAt))
        }
        let summary = TrainJSON(
            name: name, binary: binaryPath, metadata: metadataPath, fingerprint: model.fingerprint.description,
            dimension: model.dimension, skills: model.skillIDs.count, contexts: model.contexts,
            seconds: (seconds * 1000).rounded() / 1000, registered: !noRegister)
        if format == .json { return try Output.json(summary) }
        let clamped = model.dimension < dimension ? " (asked for \(dimension); at most the number of skills and of contexts)" : ""
        Output.text("Trained \"\(name)\": \(model.skillIDs.count) skills × \(model.dimension) dimensions\(clamped) in \(String(format: "%.2f", seconds)) s")
        Output.text("Contexts: \(model.contexts.jobs) jobs, \(model.contexts.credentials) credentials, \(model.contexts.taxonomy) taxonomy ancestors, \(model.contexts.jobGroups) job groups; \(model.contexts.entries) PPMI entries")
        Output.text("Wrote \(binaryPath) and \(metadataPath) (catalogue fingerprint \(model.fingerprint))")
        Output.text(noRegister ? "Not registered (--no-register)." : "Registered with the catalogue: fit and match now infer related skills (--no-infer turns that off).")
    }
}

/// The JSON shape of `train`.
struct TrainJSON: Encodable {
    var name: String
    var binary: String
    var metadata: String
    var fingerprint: String
    var dimension: Int
    var skills: Int
    var contexts: ContextCounts
    var seconds: Double
    var registered: Bool
}
