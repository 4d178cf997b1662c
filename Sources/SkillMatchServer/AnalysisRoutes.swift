import Foundation
import Hummingbird
import SkillMatch
import SkillMatchService

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
