import ArgumentParser
import SkillMatch
import SkillMatchService

/// `skillmatch show job|credential|skill|candidate ID`.
struct ShowCommand: ParsableCommand {
    enum Kind: String, ExpressibleByArgument, CaseIterable { case job, credential, skill, candidate }

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one job, credential, skill or stored candidate, with what relates to it.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "job, credential, skill or candidate.") var kind: Kind
    @Argument(help: "The id.") var id: String

    func run() throws {
        let store = try database.open()
        let catalog = try store.loadCatalog()
        switch kind {
        case .job:
            guard let job = catalog.job(id) else { throw MatchError.unknownJob(id) }
            try ShowJob(job: job, catalog: catalog).print(output.format)
        case .credential:
            guard let credential = catalog.credential(id) else { throw MatchError.unknownCredential(id) }
            try ShowCredential(credential: credential, catalog: catalog).print(output.format)
        case .skill:
            guard let skill = catalog.skill(id) else { throw MatchError.unknownSkill(id) }
            try ShowSkill(skill: skill, catalog: catalog).print(output.format)
        case .candidate:
            guard let candidate = try store.candidate(id) else {
                throw CLIError("no stored candidate with id \"\(id)\" (see `skillmatch candidate list`)")
            }
            try ShowCandidate(candidate: candidate, catalog: catalog).print(output.format)
        }
    }
}

extension ShowJob {
    func print(_ format: OutputFormat) throws {
        if format == .json { return try Output.json(self) }
        var table = Table([
            .init(header: "Skill"), .init(header: "Id"), .init(header: "Importance", numeric: true),
            .init(header: "Level", numeric: true), .init(header: "Credentials granting it at that level"),
        ])
        for line in requirements {
            let covered = line.coveredBy.isEmpty ? "-" : line.coveredBy.prefix(4).joined(separator: ", ") + (line.coveredBy.count > 4 ? ", …" : "")
            let label = line.inDemand ? line.label.truncated(30) + " (in demand)" : line.label.truncated(40)
            table.append([label, line.skill, Format.number(line.importance), Format.level(line.level), covered])
        }
        if format == .table {
            Output.text("\(title) (\(id))\(inDemand ? "  [in demand]" : "")\(jobZone.map { "  [job zone \($0)]" } ?? "")")
            if let description { Output.text(description) }
            if !alternateTitles.isEmpty {
                Output.text("Also called: " + alternateTitles.prefix(8).joined(separator: "; ") + (alternateTitles.count > 8 ? "; …" : ""))
            }
            if let preparation {
                for (question, answer) in [
                    ("Education", preparation.education), ("Related experience", preparation.relatedExperience),
                    ("On-site training", preparation.onSiteTraining), ("On-the-job training", preparation.onTheJobTraining),
                ] {
                    if let answer { Output.text("\(question): \(answer.label) (\(Int((answer.share * 100).rounded()))% of respondents)") }
                }
            }
            if !tasks.isEmpty {
                Output.text("Tasks: " + tasks.prefix(3).joined(separator: " ") + (tasks.count > 3 ? " (\(tasks.count - 3) more)" : ""))
            }
            if let derivedRequirements {
                Output.text("Requirements derived (not rated by the taxonomy): averaged from the nearest rated jobs "
                    + derivedRequirements.from.map { source in
                        "\(derivedTitles[source.job] ?? source.job) (\(source.job), similarity \(Format.number(source.similarity)))"
                    }.joined(separator: ", "))
            }
            Output.text("")
        }
        Output.table(table, format: format)
    }
}

extension ShowCredential {
    func print(_ format: OutputFormat) throws {
        if format == .json { return try Output.json(self) }
        var table = Table([.init(header: "Grants skill"), .init(header: "Id"), .init(header: "Level", numeric: true)])
        for grant in grants { table.append([grant.label, grant.skill, Format.level(grant.level)]) }
        guard format == .table else { return Output.table(table, format: format) }
        let c = credential
        var renewal = "-"
        if let years = c.renewalYears {
            renewal = years == 1 ? "every year" : "every \(Format.number(years)) years"
            if !c.renewalMethods.isEmpty { renewal += " (" + c.renewalMethods.joined(separator: ", ") + ")" }
        }
        var facts: [(String, String)] = [
            ("Issuer", c.issuer ?? "-"), ("Type", c.type?.rawValue ?? "-"), ("Typical cost", Format.dollars(c.cost)),
            ("Typical hours", Format.number(c.hours)), ("In demand", c.inDemand ? "yes" : "no"),
            ("Accreditation", c.accreditations.isEmpty ? "-" : c.accreditations.joined(separator: ", ")),
            ("Industry endorsed", Format.flag(c.industryEndorsed)), ("Exam required", Format.flag(c.examRequired)),
            ("Education required", Format.flag(c.educationRequired)), ("Experience required", Format.flag(c.experienceRequired)),
            ("Renewal", renewal),
            ("Prerequisites", c.prerequisites.isEmpty ? "none" : c.prerequisites.joined(separator: ", ")),
        ]
        if let url = c.url { facts.append(("Web page", url)) }
        Output.text("\(c.name) (\(c.id))")
        for (name, value) in facts { Output.text("  \(name.padding(toLength: 20, withPad: " ", startingAt: 0))\(value)") }
        Output.text("")
        Output.table(table, format: .table)
        if !relatedJobs.isEmpty {
            Output.text("\nRelated jobs (share of the job's weighted requirements it speaks to):")
            var jobs = Table([.init(header: "Job"), .init(header: "Title"), .init(header: "Share", numeric: true)])
            for job in relatedJobs.prefix(10) { jobs.append([job.job, job.title, String(format: "%.0f%%", job.share * 100)]) }
            Output.table(jobs, format: .table)
        }
    }
}

extension ShowSkill {
    func print(_ format: OutputFormat) throws {
        if format == .json { return try Output.json(self) }
        var jobs = Table([.init(header: "Required by"), .init(header: "Title"), .init(header: "Importance", numeric: true), .init(header: "Level", numeric: true)])
        for line in requiredBy { jobs.append([line.job, line.title, Format.number(line.importance), Format.level(line.level)]) }
        guard format == .table else { return Output.table(jobs, format: format) }
        Output.text("\(skill.label) (\(skill.id))\(skill.type.map { "  [\($0.rawValue)]" } ?? "")\(skill.hotTechnology ? "  [hot technology]" : "")")
        if let description = skill.description { Output.text(description) }
        if !skill.altLabels.isEmpty { Output.text("Also called: \(skill.altLabels.joined(separator: "; "))") }
        if !skill.altLabels.isEmpty || !skill.hiddenLabels.isEmpty {
            Output.text("Labels: \(skill.altLabels.count) alternative, \(skill.hiddenLabels.count) hidden")
        }
        for line in broader { Output.text("Broader \(line.kind): \(line.label)\(line.label == line.id ? "" : " (\(line.id))")") }
        if !skill.collections.isEmpty { Output.text("Collections: \(skill.collections.joined(separator: ", "))") }
        for relation in skill.related.prefix(10) {
            Output.text("Related (\(relation.relation)): \(relatedLabels[relation.skill] ?? relation.skill) (\(relation.skill))")
        }
        if skill.related.count > 10 { Output.text("Related: \(skill.related.count - 10) more (--format json lists them all)") }
        Output.text("")
        Output.table(jobs, format: .table)
        var credentials = Table([.init(header: "Granted by"), .init(header: "Name"), .init(header: "Level", numeric: true)])
        for line in grantedBy { credentials.append([line.credential, line.name, Format.level(line.level)]) }
        Output.text("")
        if grantedBy.isEmpty { Output.text("No credential in the catalogue grants this skill.") } else { Output.table(credentials, format: .table) }
    }
}

extension ShowCandidate {
    func print(_ format: OutputFormat) throws {
        if format == .json { return try Output.json(self) }
        var table = Table([.init(header: "Skill"), .init(header: "Id"), .init(header: "Level", numeric: true), .init(header: "Source")])
        for line in effectiveSkills { table.append([line.label.truncated(40), line.skill, Format.level(line.level), line.source]) }
        guard format == .table else { return Output.table(table, format: format) }
        Output.text("\(candidate.name ?? candidate.id) (\(candidate.id))")
        Output.text("Credentials held: " + (candidate.credentials.isEmpty ? "none" : candidate.credentials.joined(separator: ", ")) + "\n")
        Output.table(table, format: .table)
    }
}
