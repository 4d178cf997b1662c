import Foundation
import SkillMatch
import SkillMatchImport
import SkillMatchService

/// The advisor's pages over one catalogue session: the same operations as the CLI and the API (``CatalogSession``'s
/// fit, match, gap, next, search), shown as HTML. The server serves them; `skillmatch report` writes the report.
///
/// A person's pages live under a base path (`/candidates/ID` or `/resumes/KEY`): `BASE` (skills and matches),
/// `BASE/jobs/JOB` (explanation, related jobs, plan controls), `BASE/jobs/JOB/plan` (the gap plan and its chart),
/// `BASE/next` and `BASE/report`.
public struct AdvisorPages: Sendable {
    public let session: CatalogSession
    /// How many jobs the matches list.
    public var top = 10

    public init(session: CatalogSession) { self.session = session }

    private var catalog: Catalog { session.catalog }

    // MARK: Start and finder

    /// The intake page: paste or upload a resume, or open a stored candidate.
    public func home(error: String? = nil, text: String = "") throws -> String {
        let stored = try session.store.candidateNames(limit: 500)
        return try WebTemplates.render(HomeView(
            jobs: catalog.jobs.count, skills: catalog.skills.count, credentials: catalog.credentials.count, error: error, text: text,
            stored: stored.first.map { .init(id: $0.id, name: $0.name ?? "") },
            storedCount: stored.count == 0 ? nil : stored.count, storedShown: stored.count > stored.first.count ? stored.first.count : nil),
            template: "home")
    }

    /// The certification finder: keyword search with facet counts and filters (`credentials search`).
    public func finder(_ query: CredentialQuery, limit: Int = 100, error: String? = nil) throws -> String {
        let result = session.credentialSearch.search(query)
        let facetTitles: [(key: String, title: String, parameter: String, chosen: Set<String>)] = [
            ("type", "Type", "type", Set(query.types.map(\.rawValue))),
            ("sector", "Sector", "sector", query.sectors),
            ("accreditation", "Accreditation", "accreditation", Set(query.accreditations.map { $0.uppercased() })),
            ("issuer", "Issuer (most frequent)", "issuer", Set(query.issuers)),
        ]
        let facets = facetTitles.compactMap { facet -> FinderView.Facet? in
            guard let counts = result.facets[facet.key], !counts.isEmpty else { return nil }
            let values = counts.prefix(facet.key == "issuer" ? 15 : 40).map {
                FinderView.FacetValue(parameter: facet.parameter, value: $0.value, count: $0.count, checked: facet.chosen.contains($0.value))
            }
            return FinderView.Facet(title: facet.title, values: values)
        }
        let hits = result.hits.prefix(limit).map { hit in
            let credential = hit.credential
            return FinderView.Hit(
                id: credential.id, name: credential.name, issuer: credential.issuer ?? "—", type: credential.type?.rawValue ?? "—",
                cost: WebFormat.money(credential.cost, approximate: credential.costApproximate),
                hours: WebFormat.hours(credential.hours, approximate: credential.hoursApproximate),
                matchedIn: hit.matchedIn.joined(separator: ", "), inDemand: credential.inDemand)
        }
        return try WebTemplates.render(FinderView(
            query: query.text, maxCost: WebFormat.input(query.maxCost), maxHours: WebFormat.input(query.maxHours), job: query.job ?? "",
            inDemand: query.inDemandOnly, facets: facets, error: error, count: result.hits.count,
            shownNote: result.hits.count > limit ? "the first \(limit) shown" : nil, hits: Array(hits)), template: "finder")
    }

    /// One credential: its facts, the skills it grants and the jobs it relates to (`show credential`).
    public func credential(_ id: String) throws -> String {
        guard let credential = catalog.credential(id) else { throw MatchError.unknownCredential(id) }
        let shown = ShowCredential(credential: credential, catalog: catalog)
        return try WebTemplates.render(CredentialView(
            title: credential.name, id: credential.id, name: credential.name, type: credential.type?.rawValue ?? "credential",
            issuer: credential.issuer ?? "issuer not given",
            accreditation: credential.accreditations.isEmpty ? nil : credential.accreditations.joined(separator: ", "),
            inDemand: credential.inDemand, cost: WebFormat.money(credential.cost, approximate: credential.costApproximate),
            hours: WebFormat.hours(credential.hours, approximate: credential.hoursApproximate),
            prerequisites: credential.prerequisites.isEmpty ? nil : credential.prerequisites.map(credentialName).joined(separator: ", "),
            url: link(credential.id, local: false),
            grants: shown.grants.map { .init(skill: $0.skill, label: $0.label, level: WebFormat.level($0.level)) },
            jobs: shown.relatedJobs.prefix(20).map { .init(job: $0.job, title: $0.title, share: WebFormat.score($0.share)) },
            hasJobs: !shown.relatedJobs.isEmpty), template: "credential")
    }

    /// A page saying what went wrong, in words for the user.
    public static func error(heading: String, message: String) -> String {
        (try? WebTemplates.render(ErrorView(title: heading, heading: heading, message: message), template: "error"))
            ?? "<!DOCTYPE html><title>SkillMatch</title><p>\(message.htmlEscaped)</p>"
    }

    // MARK: One person

    /// The person's skills (with the text each was found in) and best jobs.
    public func person(_ person: ResolvedCandidate, base: String) throws -> String {
        let matches = try session.match(person, top: top)
        var view = PersonView(
            title: displayName(person), person: PersonNav(base: base), name: displayName(person), kind: kind(person),
            skillCount: person.candidate.skills.count, credentialCount: person.candidate.credentials.isEmpty ? nil : person.candidate.credentials.count,
            unresolved: person.unresolved, hasUnresolved: !person.unresolved.isEmpty, note: nil, document: false,
            matches: [], hasMatches: false, heldTitles: [], hasHeldTitles: false, skills: skillRows(person), hasSkills: false,
            credentials: person.candidate.credentials.map { .init(id: $0, name: credentialName($0)) }, hasCredentials: !person.candidate.credentials.isEmpty)
        view.hasSkills = !view.skills.isEmpty
        view.matches = matchRows(matches, base: base)
        view.hasMatches = !view.matches.isEmpty
        if case .document(_, let evidence, let note) = matches {
            view.document = true
            view.note = note
            view.heldTitles = evidence.heldTitles.map {
                .init(title: $0.title, line: $0.line, years: $0.years.map { String(format: "%.1f", $0) },
                      jobs: $0.jobs.isEmpty ? nil : $0.jobs.map { catalog.jobs[$0].title }.joined(separator: ", "))
            }
            view.hasHeldTitles = !view.heldTitles.isEmpty
        }
        return try WebTemplates.render(view, template: "person")
    }

    /// One job for the person: the fit explained requirement by requirement, related jobs, and the plan controls.
    public func job(_ person: ResolvedCandidate, base: String, job: String, options: PlanOptions = PlanOptions()) throws -> String {
        let fit = try session.fit(person, job: job)
        let engine = try session.engine(infer: true)
        let related = try session.relatedJobs(to: job, top: 8) ?? []
        let relatedRows = try related.map { other in
            let score = try engine.fit(person.candidate, job: other.job).score
            return RelatedRow(job: other.job, title: other.title, link: "\(base)/jobs/\(WebFormat.segment(other.job))",
                              similarity: WebFormat.score(other.similarity), fit: WebFormat.score(score), barPercent: WebFormat.barPercent(score))
        }
        return try WebTemplates.render(JobView(
            title: fit.title, person: PersonNav(base: base), job: job, name: displayName(person), fit: WebFormat.score(fit.score),
            met: fit.skills.filter { $0.credit >= 1 - 1e-9 }.count, requirementCount: fit.skills.count, lines: explanation(fit),
            related: relatedRows, hasRelated: !relatedRows.isEmpty, planAction: "\(base)/jobs/\(WebFormat.segment(job))/plan",
            controls: options.controls), template: "job")
    }

    /// The gap plan for one job with the chart of fit against cumulative cost or hours; a plan that cannot be made
    /// (budget too small, target unreachable) is said on the page, with the controls to change it.
    public func plan(_ person: ResolvedCandidate, base: String, job: String, options: PlanOptions) throws -> String {
        guard let title = catalog.job(job)?.title else { throw MatchError.unknownJob(job) }
        var view = PlanView(
            title: title, person: PersonNav(base: base), job: job, name: displayName(person), jobLink: "\(base)/jobs/\(WebFormat.segment(job))",
            error: nil, planAction: "\(base)/jobs/\(WebFormat.segment(job))/plan", controls: options.controls, plan: nil)
        do {
            view.plan = try planBody(person, job: job, options: options)
        } catch let error as ServiceError where error.kind == .unprocessable {
            view.error = error.description
        } catch let error as GapError {
            view.error = error.description
        }
        return try WebTemplates.render(view, template: "plan")
    }

    /// Which single credential to earn next (`next`), within cost and hour limits.
    public func next(_ person: ResolvedCandidate, base: String, choice: CredentialChoice = CredentialChoice()) throws -> String {
        let advice = try session.next(person, choice: choice)
        let table = nextTable(advice)
        return try WebTemplates.render(NextView(
            title: "Which credential next", person: PersonNav(base: base), name: displayName(person), action: "\(base)/next",
            maxCost: WebFormat.input(choice.maxCost), maxHours: WebFormat.input(choice.maxHours), error: nil,
            scope: advice.scope == .any ? nil : advice.scope.rawValue, prospects: table.prospects, hasProspects: table.hasProspects,
            bestCount: table.bestCount, qualified: table.qualified,
            bestJobs: advice.bestJobs.map {
                .init(job: $0.job, title: $0.title, link: "\(base)/jobs/\(WebFormat.segment($0.job))", fit: WebFormat.score($0.score))
            }, unpriced: table.unpriced, hasUnpriced: table.hasUnpriced), template: "next")
    }

    /// The printable advisor report: best jobs, the plan and explanation for `job` (the best match when nil), which
    /// credential next, and the skills found. `selfContained` leaves out the site's navigation (for a saved file).
    public func report(
        _ person: ResolvedCandidate, base: String, job: String? = nil, options: PlanOptions = PlanOptions(), selfContained: Bool,
        date: Date = Date()
    ) throws -> String {
        let matches = try session.match(person, top: top)
        let rows = matchRows(matches, base: base)
        var note: String?
        if case .document(_, _, let why) = matches { note = why }
        var focus: ReportView.Focus?
        if let id = job ?? rows.first?.job {
            let fit = try session.fit(person, job: id)
            focus = ReportView.Focus(job: id, title: fit.title, fit: WebFormat.score(fit.score), lines: explanation(fit))
            do {
                focus?.plan = try planBody(person, job: id, options: options, local: !selfContained)
            } catch let error as ServiceError where error.kind == .unprocessable {
                focus?.planError = error.description
            } catch let error as GapError {
                focus?.planError = error.description
            }
        }
        var formatter = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current)
        formatter = formatter.year().month().day()
        return try WebTemplates.render(ReportView(
            title: "Advisor report: \(displayName(person))", selfContained: selfContained, person: selfContained ? nil : PersonNav(base: base),
            name: displayName(person), kind: kind(person), jobs: catalog.jobs.count, credentials: catalog.credentials.count,
            date: date.formatted(formatter), note: note, matches: rows, focus: focus, next: nextTable(try session.next(person), local: !selfContained),
            skills: skillRows(person)), template: "report")
    }

    // MARK: Pieces

    private func displayName(_ person: ResolvedCandidate) -> String {
        person.candidate.name ?? (person.text != nil ? "Resume" : person.candidate.id)
    }

    private func kind(_ person: ResolvedCandidate) -> String {
        person.text != nil ? "Read from a resume" : "Stored candidate \(person.candidate.id)"
    }

    private func credentialName(_ id: String) -> String { catalog.credential(id)?.name ?? id }

    /// A credential's link: the app's page, or (`local` false) its issuer's web page when the catalogue has one.
    private func link(_ id: String, local: Bool) -> String? {
        if local { return "/credentials/" + WebFormat.segment(id) }
        return catalog.credential(id)?.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
    }

    /// The person's skills by level, each with the words of the text it was found in (at most three) or how it was
    /// inferred.
    func skillRows(_ person: ResolvedCandidate) -> [SkillRow] {
        var quotes: [String: [String]] = [:]
        if let text = person.text, let reader = person.reader {
            for mention in reader.extractor.mentions(in: text) {
                let shown = mention.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !shown.isEmpty, quotes[mention.skill, default: []].count < 3, !quotes[mention.skill, default: []].contains(shown) else { continue }
                quotes[mention.skill, default: []].append(String(shown.prefix(120)))
            }
        }
        return person.candidate.skills
            .sorted { $0.level != $1.level ? $0.level > $1.level : $0.skill < $1.skill }
            .map { held in
                let found = quotes[held.skill] ?? []
                let source = held.evidence ?? (person.text == nil ? "stated in the candidate record" : (found.isEmpty ? "read from the text" : ""))
                return SkillRow(id: held.skill, label: catalog.skill(held.skill)?.label ?? held.skill, level: WebFormat.level(held.level),
                                quotes: found, source: source)
            }
    }

    private func matchRows(_ matches: JobMatches, base: String) -> [MatchRow] {
        let link = { (job: String) in "\(base)/jobs/\(WebFormat.segment(job))" }
        switch matches {
        case .scored(let scores):
            return scores.enumerated().map { position, score in
                MatchRow(position: position + 1, job: score.job, title: score.title, link: link(score.job), fit: WebFormat.score(score.score),
                         barPercent: WebFormat.barPercent(score.score))
            }
        case .document(let scores, _, _):
            return scores.enumerated().map { position, score in
                MatchRow(position: position + 1, job: score.job, title: score.title, link: link(score.job), fit: WebFormat.score(score.fit),
                         barPercent: WebFormat.barPercent(score.fit), rank: WebFormat.score(score.rank),
                         titlesHeld: score.titles.isEmpty ? nil : score.titles.joined(separator: ", "),
                         terms: score.terms.isEmpty ? nil : score.terms.prefix(8).joined(separator: ", "))
            }
        }
    }

    private func explanation(_ fit: FitResult) -> [ExplanationLine] {
        FitJSON(fit).skills.map { line in
            var detail = line.evidence
            var source = line.source.hasPrefix("credential:") ? "credential \(credentialName(String(line.source.dropFirst("credential:".count))))" : line.source
            if let from = line.inferredFrom, let similarity = line.similarity {
                source = "inferred"
                detail = "from \(catalog.skill(from)?.label ?? from), similarity \(WebFormat.score(similarity))"
            }
            return ExplanationLine(
                skill: line.skill, label: line.label, importance: WebFormat.level(line.importance), required: WebFormat.level(line.required),
                have: WebFormat.level(line.have), credit: WebFormat.level(line.credit), source: source, detail: detail)
        }
    }

    /// The plan, with the fit after each credential (the planner's own scoring: inferred skills never count).
    /// - Parameter local: link credentials to the app's own pages (else to their issuers' pages, for a saved report).
    func planBody(_ person: ResolvedCandidate, job: String, options: PlanOptions, local: Bool = true) throws -> PlanBody {
        let plan = try session.gap(person, job: job, choice: options.choice, target: options.target, timeLimit: options.timeLimit)
        var held = person.candidate
        var fits: [Double] = []
        for step in plan.credentials {
            if !held.credentials.contains(step.id) { held.credentials.append(step.id) }
            fits.append(try session.engine.fit(held, job: job).score)
        }
        let labels = Dictionary(plan.gap.map { ($0.skill, $0.label) }, uniquingKeysWith: { first, _ in first })
        let steps = plan.credentials.enumerated().map { position, step in
            let credential = catalog.credential(step.id)
            return PlanStepRow(
                position: position + 1, id: step.id, name: step.name, link: link(step.id, local: local),
                cost: WebFormat.money(step.cost, approximate: credential?.costApproximate ?? false),
                hours: WebFormat.hours(step.hours, approximate: credential?.hoursApproximate ?? false),
                prerequisiteFor: step.prerequisiteFor.isEmpty ? nil : step.prerequisiteFor.map(credentialName).joined(separator: ", "),
                closes: (step.covers + step.raises).map { labels[$0] ?? catalog.skill($0)?.label ?? $0 }.joined(separator: ", "),
                fitAfter: WebFormat.score(fits[position]))
        }
        var unknown: [String] = []
        if plan.unknownCosts > 0 { unknown.append("\(plan.unknownCosts) without a published cost") }
        if plan.unknownHours > 0 { unknown.append("\(plan.unknownHours) without published hours") }
        // The axis asked for; when no credential of the plan publishes it, the other one, else credentials earned.
        let amounts: (PlanOptions.Axis) -> [Double?] = { axis in plan.credentials.map { axis == .cost ? $0.cost : $0.hours } }
        let asked = options.axis, other: PlanOptions.Axis = options.axis == .cost ? .hours : .cost
        var chartAxis: GapChart.Axis = asked == .cost ? .cost : .hours
        var axisNote: String?
        if amounts(asked).allSatisfy({ $0 == nil }) {
            if amounts(other).contains(where: { $0 != nil }) {
                chartAxis = other == .cost ? .cost : .hours
                axisNote = "No credential of this plan publishes its \(asked.rawValue), so the chart counts \(other.rawValue)."
            } else {
                chartAxis = .credentials
                axisNote = "No credential of this plan publishes its cost or hours, so the chart counts credentials."
            }
        }
        let axisAmounts = chartAxis == .hours ? amounts(.hours) : amounts(.cost)
        var chart = plan.credentials.isEmpty ? nil : GapChart(
            before: plan.scoreBefore,
            steps: plan.credentials.indices.map { .init(name: plan.credentials[$0].name, amount: axisAmounts[$0], fit: fits[$0]) },
            axis: chartAxis, target: plan.target)
        chart?.axisNote = axisNote
        let count = plan.credentials.count
        let scope: String? = switch plan.scope {
        case .occupation: "credentials serving this occupation"
        case .field: "credentials serving this occupation's field"
        case .any: "credentials of any field"
        case nil: nil
        }
        return PlanBody(
            before: WebFormat.score(plan.scoreBefore), after: WebFormat.score(plan.scoreAfter), target: plan.target.map(WebFormat.score),
            optimal: plan.optimal, lowerBound: plan.lowerBound, scope: catalog.credentialsListOccupations ? scope : nil,
            steps: steps, hasPlan: !steps.isEmpty, totalCost: count > 0 && plan.unknownCosts == count ? "unknown" : WebFormat.money(plan.totalCost),
            totalHours: count > 0 && plan.unknownHours == count ? "unknown" : WebFormat.hours(plan.totalHours),
            unknownNote: unknown.isEmpty ? nil : "Totals leave out " + unknown.joined(separator: " and ") + ".",
            chart: chart, uncoverable: plan.uncoverable.map(\.label), hasUncoverable: !plan.uncoverable.isEmpty,
            uncoverableCount: plan.uncoverable.count, raisesOnly: plan.raisesOnly,
            heldServing: plan.heldServing.isEmpty ? nil : plan.heldServing.map(credentialName).joined(separator: ", "))
    }

    private func nextTable(_ advice: NextCredentialAdvice, top: Int = 10, local: Bool = true) -> NextTable {
        let titles = Dictionary(advice.bestJobs.map { ($0.job, $0.title) }, uniquingKeysWith: { first, _ in first })
        let rows = advice.prospects.prefix(top).enumerated().map { position, prospect in
            ProspectRow(
                position: position + 1, id: prospect.credential, name: prospect.name, link: link(prospect.credential, local: local),
                cost: WebFormat.money(prospect.cost, approximate: catalog.credential(prospect.credential)?.costApproximate ?? false),
                hours: WebFormat.hours(prospect.hours, approximate: catalog.credential(prospect.credential)?.hoursApproximate ?? false),
                unlocks: prospect.unlocks.isEmpty ? nil : prospect.unlocks.map { "\($0.title) (\(WebFormat.score($0.score)))" }.joined(separator: ", "),
                gain: WebFormat.score(prospect.gain),
                serves: prospect.serves.isEmpty ? nil : prospect.serves.map { titles[$0] ?? $0 }.joined(separator: ", "),
                requires: prospect.requires.isEmpty ? nil : prospect.requires.map(credentialName).joined(separator: ", "))
        }
        let unpriced = advice.unpriced.prefix(top).map { prospect in
            UnpricedCredential(id: prospect.credential, name: prospect.name, link: link(prospect.credential, local: local),
                               serves: prospect.serves.map { titles[$0] ?? $0 }.joined(separator: ", "))
        }
        return NextTable(prospects: rows, hasProspects: !rows.isEmpty, bestCount: advice.bestJobs.count, qualified: WebFormat.score(advice.qualified),
                         unpriced: Array(unpriced), hasUnpriced: !unpriced.isEmpty)
    }
}

extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` escaped for HTML.
    var htmlEscaped: String {
        var out = ""
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
