import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService

/// Filters shared by `gap`, `next` and `gaps`.
struct CredentialFilterOptions: ParsableArguments {
    @Option(name: .customLong("max-cost"), parsing: .unconditional, help: "Spend at most this many US dollars in total.") var maxCost: Double?
    @Option(name: .customLong("max-hours"), parsing: .unconditional, help: "Spend at most this many hours in total.") var maxHours: Double?
    @Option(name: .customLong("type"), help: "Only credentials of this type; repeatable.") var types: [CredentialType] = []
    @Flag(name: .customLong("accredited-only"), help: "Only accredited credentials (ANSI, NCCA, ...).") var accreditedOnly = false
    @Option(name: .customLong("exclude"), help: "Never suggest this credential id; repeatable.") var excluded: [String] = []
    @Flag(name: .customLong("any-field"), help: ArgumentHelp(
        "Consider credentials of any field (the same as --scope any)."))
    var anyField = false
    @Option(name: .customLong("scope"), help: ArgumentHelp(
        "Which credentials to consider when the catalogue's credentials list the occupations they serve: occupation (those serving the target job), field (those serving a job of its SOC or ISCO minor group) or any. By default gap and gaps use occupation (field when no credential serves the job); next uses field.",
        valueName: "occupation|field|any"))
    var scope: CredentialScope?
    @Flag(name: .customLong("any-experience"), help: ArgumentHelp(
        "For a resume, also use credentials that require work experience it does not show. By default, when the catalogue's credentials list the occupations they serve, a credential requiring experience is used only when the resume shows a job held that it serves."))
    var anyExperience = false

    func validate() throws {
        if let maxCost, !(0...OptionLimits.maximumAmount).contains(maxCost) {
            throw ValidationError("--max-cost must be a number of US dollars from 0 to 1,000,000,000, not \(maxCost)")
        }
        if let maxHours, !(0...OptionLimits.maximumAmount).contains(maxHours) {
            throw ValidationError("--max-hours must be a number of hours from 0 to 1,000,000,000, not \(maxHours)")
        }
        if anyField, let scope, scope != .any { throw ValidationError("--any-field and --scope \(scope.rawValue) contradict each other") }
    }

    /// The same choice as the API takes it.
    var choice: CredentialChoice {
        CredentialChoice(
            maxCost: maxCost, maxHours: maxHours, types: Set(types), accreditedOnly: accreditedOnly, excluded: Set(excluded),
            anyField: anyField, scope: scope, anyExperience: anyExperience)
    }

    var filter: CredentialFilter { choice.filter }
    func filter(for evidence: DocumentEvidence?, in catalog: Catalog) -> CredentialFilter { choice.filter(for: evidence, in: catalog) }
    func planScopes(in catalog: Catalog, towards job: String) -> [CredentialScope] { choice.planScopes(in: catalog, towards: job) }
    func poolScope(in catalog: Catalog) -> CredentialScope { choice.poolScope(in: catalog) }
    func filter(towards jobs: some Sequence<String>, in catalog: Catalog) -> CredentialFilter { choice.filter(towards: jobs, in: catalog) }
    func poolScopeName(in catalog: Catalog) -> String? { choice.poolScopeName(in: catalog) }
}

extension CredentialScope: ExpressibleByArgument {}

/// `skillmatch gap --candidate FILE|ID --job ID`.
struct GapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "Find the smallest set of credentials that closes a candidate's gap for a job.",
        discussion: """
            The gap is every requirement with credit below 1. A credential covers a gap skill when it grants the skill \
            at the required level or above. The plan has the fewest credentials covering every coverable gap skill; \
            among equal counts the least total cost, then the least total hours, then the smallest sorted list of ids. \
            Prerequisites the candidate does not hold join the plan and count. With --target, the plan is the smallest \
            set that lifts the fit to at least that score (any grant above the held level counts). Without --target, \
            when no usable credential covers a gap skill but some raise one, the plan is the smallest set reaching the \
            highest fit they reach ("raisesOnly": true). Credentials the candidate already holds that serve the job are \
            named ("heldServing"): they are why a plan can be empty. "optimal" is true \
            only when the search proved it; with --time-limit the best plan found is returned with a proven lower \
            bound on the number of credentials.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var inference: DocumentInferenceOptions
    @OptionGroup var semanticOptions: SemanticDocumentOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("A candidate JSON file, or the id of a stored candidate.", valueName: "file|id"))
    var candidate: String
    @Option(help: ArgumentHelp("The job's id.", valueName: "id")) var job: String
    @OptionGroup var filters: CredentialFilterOptions
    @Option(parsing: .unconditional, help: "Reach at least this fit score (0 to 1) instead of closing every gap skill.") var target: Double?
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Stop searching after this many seconds and return the best plan found.")
    var timeLimit: Double?
    @Option(help: ArgumentHelp(
        "Search a large gap on at most this many threads (default: all cores); the plan is the same on any number.",
        valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let target, !(0...1).contains(target) { throw ValidationError("--target must be between 0 and 1") }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= OptionLimits.maximumSeconds) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0 and at most 1,000,000, not \(timeLimit)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let session = try openSession(database)
        let person = try resolvePerson(
            candidate, session: session, inferFromTitles: !inference.noInfer,
            semantic: try semanticOptions.resources(store: session.store, catalog: session.catalog))
        let showProgress = isatty(STDERR_FILENO) != 0
        let plan: GapPlan
        do {
            defer { if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
            plan = try session.gap(
                person, job: job, choice: filters.choice, target: target,
                timeLimit: timeLimit.map { .milliseconds(Int(($0 * 1000).rounded())) }, threads: threads,
                progress: showProgress ? Self.showProgress : nil)
        }
        switch output.format {
        case .json: try Output.json(GapJSON(plan))
        case .csv: Output.table(Self.table(plan, format: .csv), format: .csv)
        case .table:
            Self.print(plan, person: person.candidate, catalog: session.catalog, modelRegistered: try session.store.hasModels())
        }
    }

    /// A long search's progress, one line rewritten in place on standard error (a terminal), short enough for 80
    /// columns: time, nodes, the best plan so far (credentials and cost) and the proven fewest credentials.
    @Sendable static func showProgress(_ progress: PlanSearchProgress) {
        var message = "searching: \(Int(progress.seconds)) s, \(progress.nodes.formatted()) nodes"
        if let best = progress.best { message += ", best \(best.credentials) (\(Format.dollars(best.cost)))" }
        if progress.atLeast > 0 { message += ", at least \(progress.atLeast)" }
        FileHandle.standardError.write(Data("\rskillmatch: \(message)\u{1B}[K".utf8))
    }

    static func table(_ plan: GapPlan, format: OutputFormat, catalog: Catalog? = nil) -> Table {
        // Skills by label when the catalogue's ids are codes (O*NET element ids, ESCO URIs); a derived grant is marked.
        func name(_ skill: String, of credential: String) -> String {
            guard let catalog, let found = catalog.skill(skill) else { return skill }
            let derived = catalog.credential(credential)?.grants.contains { $0.skill == skill && $0.derivedFrom != nil } ?? false
            let shown = found.source == nil ? skill : found.label
            return derived ? shown + " (derived)" : shown
        }
        let separator = catalog == nil ? " " : ", "
        var table = Table([
            .init(header: "Step", numeric: true), .init(header: "Credential"), .init(header: "Name"),
            .init(header: "Covers"), .init(header: "Cost", numeric: true), .init(header: "Hours", numeric: true),
        ])
        for (step, credential) in plan.credentials.enumerated() {
            var covers = credential.covers.map { name($0, of: credential.id) }.joined(separator: separator)
            if !credential.raises.isEmpty {
                covers += (covers.isEmpty ? "" : " ") + "(raises " + credential.raises.map { name($0, of: credential.id) }.joined(separator: separator) + ")"
            }
            if !credential.prerequisiteFor.isEmpty { covers += (covers.isEmpty ? "" : "; ") + "prerequisite for " + credential.prerequisiteFor.joined(separator: ", ") }
            table.append([String(step + 1), credential.id, format == .csv ? credential.name : credential.name.truncated(40), covers.isEmpty ? "-" : covers,
                          Format.dollars(credential.cost), Format.number(credential.hours)])
        }
        return table
    }

    /// What the plan drew from, for the table's notes ("" when every credential was considered).
    static func scopeNote(_ plan: GapPlan) -> String {
        switch plan.scope {
        case .occupation: "credentials serving this occupation"
        case .field: "credentials serving this occupation's field"
        case .any, nil: ""
        }
    }

    static func print(_ plan: GapPlan, person: Candidate, catalog: Catalog, modelRegistered: Bool = false) {
        let scope = scopeNote(plan)
        let who = person.name.map { "\($0) (\(person.id))" } ?? person.id
        Output.text("\(who) for \(plan.title) (\(plan.job))")
        let goal = plan.target.map { "reach a fit of \(Format.score($0))" }
            ?? (plan.raisesOnly ? "raise the fit as far as the usable credentials go (none closes a gap skill at the required level)" : "close the gap")
        Output.text("Gap: \(plan.gap.count) of the job's requirements are not fully met.")
        if plan.credentials.isEmpty {
            Output.text(plan.gap.isEmpty || plan.target != nil
                ? "No credential is needed to \(goal)." : "No usable credential covers any gap skill.")
            if !plan.gap.isEmpty, !scope.isEmpty { Output.text("(Only \(scope) were considered; --scope any drops that.)") }
        } else {
            let proof = plan.optimal ? "proven smallest" : "best found in the time limit; at least \(plan.lowerBound) needed"
            let from = scope.isEmpty ? "" : " from \(scope)"
            Output.text("To \(goal): \(plan.credentials.count) credential\(plan.credentials.count == 1 ? "" : "s")\(from) (\(proof)), earned in this order:\n")
            Output.table(table(plan, format: .table, catalog: catalog), format: .table)
            var totals = "\nTotal: \(Format.dollars(plan.totalCost))"
            if plan.unknownCosts > 0 { totals += " plus \(plan.unknownCosts) of unknown cost" }
            totals += ", \(Format.number(plan.totalHours)) hours"
            if plan.unknownHours > 0 { totals += " plus \(plan.unknownHours) of unknown length" }
            Output.text(totals + ".")
        }
        if !plan.heldServing.isEmpty {
            let names = plan.heldServing.map { id in catalog.credential(id).map { "\($0.name) (\(id))" } ?? id }
            Output.text("Already held, serving this occupation: \(names.joined(separator: "; ")).")
        }
        Output.text("Fit: \(Format.score(plan.scoreBefore)) now, \(Format.score(plan.scoreAfter)) with these credentials."
            + (modelRegistered ? " (Skills a model would infer never count here, as with `fit --no-infer`.)" : ""))
        if !plan.uncoverable.isEmpty {
            let among = scope.isEmpty ? "usable credential" : "usable credential among the \(scope)"
            Output.text("\nNo \(among) grants these at the required level (learn them on the job or through training):")
            var table = Table([.init(header: "Skill"), .init(header: "Id"), .init(header: "Importance", numeric: true),
                               .init(header: "Required", numeric: true), .init(header: "Have", numeric: true)])
            // The most important first (the plan lists them so); a long tail is counted, not listed.
            let shown = plan.uncoverable.count > 25 ? 20 : plan.uncoverable.count
            for skill in plan.uncoverable.prefix(shown) {
                table.append([skill.label, skill.skill, Format.number(skill.importance), Format.level(skill.required), Format.level(skill.have)])
            }
            Output.table(table, format: .table)
            if shown < plan.uncoverable.count {
                Output.text("… and \(plan.uncoverable.count - shown) more of lower importance (all of them with --format json).")
            }
        }
    }
}

