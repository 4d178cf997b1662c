import ArgumentParser
import SkillMatch
import SkillMatchService

extension CredentialType: ExpressibleByArgument {}

/// `skillmatch credentials`.
struct CredentialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "Find micro-credentials: certifications, certificates, licences and badges.",
        subcommands: [CredentialsSearch.self])
}

/// `skillmatch credentials search [TEXT]`: a certification finder with counts per filter value.
struct CredentialsSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search credentials by keyword over name, issuer, skills and related jobs, with filters.",
        discussion: """
            Every keyword must match a word (or the start of a word) of the name, issuer, type, granted skills or \
            related job titles. Results are ordered by relevance, then id. Under the results, each filter lists its \
            values with how many results each would give.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Keywords.") var text: [String] = []
    @Option(name: .customLong("type"), help: "Only this type (certification, certificate, license, badge, microcredential); repeatable.")
    var types: [CredentialType] = []
    @Option(name: .customLong("issuer"), help: "Only issuers containing this text; repeatable.") var issuers: [String] = []
    @Flag(name: .customLong("in-demand"), help: "Only credentials in demand in job postings.") var inDemand = false
    @Option(name: .customLong("accreditation"), help: "Only credentials accredited by this body (ANSI, NCCA); repeatable.")
    var accreditations: [String] = []
    @Option(name: .customLong("max-cost"), help: "Only credentials costing at most this many US dollars.") var maxCost: Double?
    @Option(name: .customLong("max-hours"), help: "Only credentials taking at most this many hours.") var maxHours: Double?
    @Option(help: ArgumentHelp("Only credentials that serve this job (occupation id, such as an O*NET-SOC code), ordered by how much of the job's requirements they grant.", valueName: "id"))
    var job: String?
    @Option(name: .customLong("sector"), help: "Only credentials of this sector (it, healthcare, construction, ...); repeatable.")
    var sectors: [String] = []
    @Option(help: "Show at most this many results (all by default).") var limit: Int?

    func validate() throws {
        if let maxCost, maxCost < 0 { throw ValidationError("--max-cost must not be negative") }
        if let maxHours, maxHours < 0 { throw ValidationError("--max-hours must not be negative") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let catalog = try database.open().loadCatalog()
        if let job, catalog.job(job) == nil { throw ValidationError("--job: the catalogue has no job \"\(job)\" (see `skillmatch jobs search`)") }
        let query = CredentialQuery(
            text: text.joined(separator: " "), types: Set(types), issuers: issuers, inDemandOnly: inDemand,
            accreditations: Set(accreditations), maxCost: maxCost, maxHours: maxHours, job: job, sectors: Set(sectors))
        let result = CredentialSearch(catalog: catalog).search(query)
        let hits = limit.map { Array(result.hits.prefix($0)) } ?? result.hits
        switch output.format {
        case .json:
            try Output.json(SearchJSON(query: query, result: result, limit: limit))
        case .csv:
            Output.table(table(hits), format: .csv)
        case .table:
            Output.text("\(result.hits.count) credential\(result.hits.count == 1 ? "" : "s") found"
                + (hits.count < result.hits.count ? " (showing \(hits.count))" : "") + "\n")
            if !hits.isEmpty { Output.table(table(hits), format: .table) }
            Output.text("\nRefine by:")
            for (facet, name) in [("type", "type"), ("sector", "sector"), ("issuer", "issuer"), ("inDemand", "in demand"),
                                  ("accreditation", "accreditation")] {
                let values = result.facets[facet] ?? []
                Output.text("  \(name): " + (values.isEmpty ? "-" : values.map { "\($0.value) (\($0.count))" }.joined(separator: ", ")))
            }
        }
    }

    private func table(_ hits: [CredentialHit]) -> Table {
        var table = Table([
            .init(header: "Id"), .init(header: "Name"), .init(header: "Issuer"), .init(header: "Type"),
            .init(header: "Cost", numeric: true), .init(header: "Hours", numeric: true),
            .init(header: "Accredited"), .init(header: "In demand"),
        ] + (job == nil ? [] : [.init(header: "Job covered", numeric: true)]))
        for hit in hits {
            let credential = hit.credential
            let approximate = output.format == .csv ? "" : "~"
            table.append([
                credential.id, output.format == .csv ? credential.name : credential.name.truncated(44),
                (credential.issuer ?? "-").truncated(output.format == .csv ? 200 : 24), credential.type?.rawValue ?? "-",
                (credential.costApproximate && credential.cost != nil ? approximate : "") + Format.dollars(credential.cost),
                (credential.hoursApproximate && credential.hours != nil ? approximate : "") + Format.number(credential.hours),
                credential.accreditations.isEmpty ? "-" : credential.accreditations.joined(separator: " "),
                credential.inDemand ? "yes" : "no",
            ] + (hit.jobCoverage.map { [Format.percent($0)] } ?? []))
        }
        return table
    }
}

