import Foundation
import Hummingbird
import SkillMatch
import SkillMatchService
import SkillVectors

/// `POST /v1/extract` and `POST /v1/similar`: the CLI's `extract` and `similar`, with the same JSON shapes.
extension APIRoutes {
    /// `{"text"}` → the skills the text mentions, with exact spans (`extract --format json`; lexical mentions).
    func extract(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(request, context: context, allowed: ["text"])
        guard let text = try body.string("text", maxLength: APILimits.textLength) else {
            throw Problem(.badRequest, "give the text to read as \"text\"", field: "text")
        }
        let session = try catalog.session()
        return try await offload {
            let extractor = session.reader(inferFromTitles: false).extractor
            return try json(ExtractedText(skills: extractor.mentions(in: text).map { MentionRecord($0, catalog: session.catalog) }))
        }
    }

    /// `{"job" | "skill" | "credential", "top", "method"}` → related jobs, skills or credentials (`similar`), by the
    /// registered relatedness model; `method` (`fused` or `model`) ranks jobs and is ignored for skills and credentials.
    func similar(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(request, context: context, allowed: ["job", "skill", "credential", "top", "method"])
        let given = try ["job", "skill", "credential"].compactMap { key in try body.string(key).map { (key, $0) } }
        guard given.count == 1, let (kind, id) = given.first else {
            throw Problem(.badRequest, "give exactly one of \"job\", \"skill\" and \"credential\"", field: given.first?.0 ?? "job")
        }
        let top = try body.integer("top", in: 1...APILimits.top) ?? 10
        let methodName = try body.string("method") ?? SimilarMethod.fused.rawValue
        guard let method = SimilarMethod(rawValue: methodName) else {
            throw Problem(.badRequest, "method must be fused or model, not \"\(methodName.prefix(40))\"", field: "method")
        }
        let session = try catalog.session()
        return try await offload {
            let related = try session.relatedness()
            switch kind {
            case "job":
                return try json(SimilarJobsJSON(
                    job: id, catalog: session.catalog, model: related.model, method: method, top: top, built: (related.fused, related.similarity)))
            case "skill":
                return try json(SimilarSkillsJSON(skill: id, catalog: session.catalog, model: related.model, top: top))
            default:
                return try json(SimilarCredentialsJSON(credential: id, catalog: session.catalog, model: related.model, top: top))
            }
        }
    }
}

/// `POST /v1/gaps`: the workforce board's question for a pool (`gaps`).
extension APIRoutes {
    /// `{"jobs", "candidates", "qualified", "top", "noPlans", "noInfer", ...the credential filters}` → the credentials
    /// that would lift the most people to qualified (`gaps --format json`). The pool is `candidates` (at most
    /// ``APILimits/poolSize``: ids, resume texts or records; larger pools go through `/v1/batch` or the CLI), else the
    /// stored candidates.
    func gaps(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(
            request, context: context, allowed: JSONRequest.credentialMembers.union(["jobs", "candidates", "qualified", "top", "noPlans", "noInfer"]))
        let jobs = try body.strings("jobs", maxCount: 50)
        guard !jobs.isEmpty else { throw Problem(.badRequest, "\"jobs\" must name at least one job", field: "jobs") }
        let inputs = try body.candidates(maxCount: APILimits.poolSize)
        let qualified = try body.number("qualified", in: 0...1) ?? 0.8
        let top = try body.integer("top", in: 1...APILimits.top) ?? 20
        let plans = !(try body.bool("noPlans") ?? false)
        let infer = !(try body.bool("noInfer") ?? false)
        let choice = try body.credentialChoice()
        let session = try catalog.session()
        return try await offload {
            let analysis = try PoolGapAnalysis(catalog: session.catalog, jobs: jobs)
            let people = try inputs.map { try $0.map { try session.resolve($0, inferFromTitles: infer).candidate } } ?? session.store.candidates()
            var seen = Set<String>()
            for person in people where !seen.insert(person.id).inserted {
                throw ServiceError(.unprocessable, field: "candidates", "candidate id \"\(person.id)\" appears more than once in the pool")
            }
            let report = try analysis.analyse(
                people, qualified: qualified, filter: choice.filter(towards: jobs, in: session.catalog), plans: plans, threads: Parallel.threadCount,
                progress: { _ in })
            return try json(GapsJSON(report, shown: Array(report.credentials.prefix(top))))
        }
    }
}
