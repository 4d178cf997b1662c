import Foundation
import SkillMatch
import SkillMatchImport

/// Jobs ranked for one person: by fit for a candidate record, by `match`'s document ranking for a resume.
public enum JobMatches: Sendable {
    /// Jobs by fit score.
    case scored([JobScore])
    /// Jobs for a document, by the rank score (text relevance, titles held, fit); `note` says why the list is empty
    /// when nothing in the document links it to any job.
    case document([DocumentJobScore], evidence: DocumentEvidence, note: String?)
}

/// Options of `next` (which credential to earn next).
public struct NextOptions: Sendable, Hashable {
    /// How many credentials to list.
    public var top: Int
    /// The fit from which a job counts as qualified.
    public var qualified: Double
    /// How many of the person's best jobs the gains are summed over.
    public var best: Int

    public init(top: Int = 10, qualified: Double = 0.8, best: Int = 10) {
        (self.top, self.qualified, self.best) = (top, qualified, best)
    }
}

extension CatalogSession {
    /// `fit`: one person against one job, explained requirement by requirement.
    /// - Parameter infer: credit from the registered relatedness model (`--no-infer` turns it off).
    public func fit(_ person: ResolvedCandidate, job: String, infer: Bool = true) throws -> FitResult {
        try engine(infer: infer).fit(person.candidate, job: job)
    }

    /// `match --candidate`: the person's best jobs. A person read from text is ranked as documents are (relevance,
    /// titles held, fit), with the words that matched as the text wrote them.
    public func match(_ person: ResolvedCandidate, top: Int, minimumScore: Double = 0, infer: Bool = true) throws -> JobMatches {
        let engine = try engine(infer: infer)
        guard let evidence = person.evidence, let reader = person.reader else {
            return .scored(try engine.match(person.candidate, top: top, minimumScore: minimumScore))
        }
        guard evidence.linksToAnyJob else {
            return .document([], evidence: evidence, note: "Nothing in the document links it to any job of the catalogue: no title held and no word in common with any job.")
        }
        let written = TextTerms.writtenForms(person.text ?? "")
        // A person with evidence was read from text by `resolve`, which has checked the candidate against this
        // catalogue already: checking again cost a tenth of a request.
        let matches = try engine.match(person.candidate, evidence: evidence, documents: reader.documents, top: top, minimumScore: minimumScore,
                                       validated: true)
            .map { match in
                var shown = match
                shown.terms = match.terms.map { TextTerms.written($0, forms: written) }
                return shown
            }
        return .document(matches, evidence: evidence, note: nil)
    }

    /// `match --job`: the best candidates of a pool for one job.
    public func rankCandidates(_ pool: [Candidate], for job: String, top: Int, minimumScore: Double = 0, infer: Bool = true) throws -> [CandidateScore] {
        let engine = try inference(infer: infer).map { MatchEngine(catalog: catalog, inference: $0) } ?? poolEngine
        return try engine.rankCandidates(pool, for: job, top: top, minimumScore: minimumScore)
    }

    /// `gap`: the smallest set of credentials that closes the person's gap for a job (or reaches `target`).
    ///
    /// Inferred skills never count in plans. When no plan exists among the credentials of the scope searched, the
    /// error says what was searched and how to widen it.
    public func gap(
        _ person: ResolvedCandidate, job: String, choice: CredentialChoice = CredentialChoice(), target: Double? = nil,
        timeLimit: Duration? = nil, threads: Int? = nil, progress: (@Sendable (PlanSearchProgress) -> Void)? = nil
    ) throws -> GapPlan {
        let scopes = choice.planScopes(in: catalog, towards: job)
        do {
            return try planner.plan(
                person.candidate, job: job, filter: choice.filter(for: person.evidence, in: catalog), scopes: scopes, target: target,
                timeLimit: timeLimit, threads: threads, progress: progress)
        } catch let error as GapError where error != .noPlanInTime && scopes.last != .any {
            let among = scopes.last == .occupation ? "credentials serving this occupation" : "credentials serving this occupation's field"
            let widen = scopes.last == .occupation ? "--scope field or --scope any" : "--scope any"
            throw ServiceError(.unprocessable, field: error.field, "\(error) (searched: \(among); \(widen) widens the search)")
        }
    }

    /// `next`: single credentials ranked by the jobs they lift to qualified and the fit they add. A resume's best
    /// jobs are those `match` ranks first for it, not those of highest fit alone.
    public func next(_ person: ResolvedCandidate, options: NextOptions = NextOptions(), choice: CredentialChoice = CredentialChoice()) throws -> NextCredentialAdvice {
        let engine = poolEngine
        var ranking: [String]?
        if let evidence = person.evidence, let reader = person.reader, evidence.linksToAnyJob {
            ranking = try engine.match(person.candidate, evidence: evidence, documents: reader.documents, top: options.best, explain: false).map(\.job)
        }
        return try engine.nextCredentials(
            for: person.candidate, qualified: options.qualified, bestJobs: options.best, filter: choice.filter(for: person.evidence, in: catalog),
            ranking: ranking, scope: choice.poolScope(in: catalog))
    }
}

extension GapError {
    /// The request member the error is about: `target` for an unreachable target, nil for budgets (`maxCost`,
    /// `maxHours` together), `timeLimit` when no plan was found in time,
    /// `candidates` when a pool analysis ran out of time.
    public var field: String? {
        switch self {
        case .targetUnreachable: "target"
        case .budgetTooSmall: nil
        case .noPlanInTime: "timeLimit"
        case .poolTimeLimit: "candidates"
        }
    }
}
