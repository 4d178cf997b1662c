import Foundation
import HTTPTypes
import Hummingbird
import SkillMatch
import SkillMatchImport
import SkillMatchService
import SkillMatchStore

/// The JSON API under `/v1` (described by `openapi.yaml`): the same operations and JSON shapes as the CLI's
/// `--format json`, through ``CatalogSession`` and ``ReportEncoding``.
struct APIRoutes: Sendable {
    typealias Context = BasicRequestContext
    typealias Handler = @Sendable (Request, Context) async throws -> Response

    let catalog: LiveCatalog
    let security: APISecurity

    /// Registers every route on `router`; each path answers other methods with 405 and `Allow`.
    func register(on router: Router<Context>) {
        route(router, "/v1/health", [.get: health])
        route(router, "/v1/stats", [.get: stats])
        route(router, "/v1/jobs", [.get: searchJobs])
        route(router, "/v1/jobs/:id", [.get: showJob])
        route(router, "/v1/credentials", [.get: searchCredentials])
        route(router, "/v1/credentials/:id", [.get: showCredential])
        route(router, "/v1/skills/:id", [.get: showSkill])
        route(router, "/v1/fit", [.post: fit])
        route(router, "/v1/match", [.post: match])
        route(router, "/v1/gap", [.post: gap])
        route(router, "/v1/next", [.post: next])
        route(router, "/v1/extract", [.post: extract])
        route(router, "/v1/similar", [.post: similar])
        route(router, "/v1/gaps", [.post: gaps])
        route(router, "/v1/batch", [.post: batch])
        route(router, "/v1/candidates", [.get: listCandidates, .post: storeCandidate])
        route(router, "/v1/candidates/:id", [.get: showCandidate, .delete: removeCandidate])
        route(router, "/openapi.yaml", [.get: openAPI])
    }

    /// Every route's path and the methods it allows, for 405 answers (`Allow`) to any other method.
    static let table: [(path: String, allow: String)] = [
        ("/v1/health", "GET, HEAD"), ("/v1/stats", "GET, HEAD"), ("/v1/jobs", "GET, HEAD"), ("/v1/jobs/:id", "GET, HEAD"),
        ("/v1/credentials", "GET, HEAD"), ("/v1/credentials/:id", "GET, HEAD"), ("/v1/skills/:id", "GET, HEAD"),
        ("/v1/fit", "POST"), ("/v1/match", "POST"), ("/v1/gap", "POST"), ("/v1/next", "POST"),
        ("/v1/extract", "POST"), ("/v1/similar", "POST"), ("/v1/gaps", "POST"), ("/v1/batch", "POST"),
        ("/v1/candidates", "GET, HEAD, POST"), ("/v1/candidates/:id", "DELETE, GET, HEAD"), ("/openapi.yaml", "GET, HEAD"),
    ]

    /// The methods a path allows (nil for a path the API does not have).
    static func allowed(for path: String) -> String? { allowed(for: path, in: table) }

    /// The methods `table` allows for a path (`:name` segments match any non-empty segment).
    static func allowed(for path: String, in table: [(path: String, allow: String)]) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return table.first { route in
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: false)
            return pattern.count == parts.count && zip(pattern, parts).allSatisfy { $0.hasPrefix(":") ? !$1.isEmpty : $0 == $1 }
        }?.allow
    }

    private func route(_ router: Router<Context>, _ path: String, _ handlers: [HTTPRequest.Method: Handler]) {
        for (method, handler) in handlers { router.on(RouterPath(path), method: method, use: handler) }
        if let get = handlers[.get] {
            router.on(RouterPath(path), method: .head) { request, context in
                let response = try await get(request, context)
                return Response(status: response.status, headers: response.headers)
            }
        }
    }

    // MARK: Reading the catalogue

    func health(_ request: Request, _ context: Context) async throws -> Response {
        let session = try catalog.session()
        struct Health: Encodable { var status: String; var skills: Int; var jobs: Int; var credentials: Int }
        return try json(Health(status: "ok", skills: session.catalog.skills.count, jobs: session.catalog.jobs.count,
                               credentials: session.catalog.credentials.count))
    }

    func stats(_ request: Request, _ context: Context) async throws -> Response {
        try json(try catalog.session().store.stats())
    }

    func searchJobs(_ request: Request, _ context: Context) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["q", "limit"])
        let text = try query.string("q", maxLength: APILimits.queryLength) ?? ""
        let limit = try query.integer("limit", in: 1...APILimits.top) ?? 20
        let session = try catalog.session()
        return try await offload { try json(JobsJSON(query: text, hits: session.jobSearch.search(text), limit: limit)) }
    }

    func showJob(_ request: Request, _ context: Context) async throws -> Response {
        let id = try pathID(context)
        let catalog = try self.catalog.session().catalog
        guard let job = catalog.job(id) else { throw MatchError.unknownJob(id) }
        return try json(ShowJob(job: job, catalog: catalog))
    }

    func searchCredentials(_ request: Request, _ context: Context) async throws -> Response {
        let query = try QueryParameters(request, allowed: QueryParameters.credentialQueryNames.union(["limit"]))
        let session = try catalog.session()
        let search = try query.credentialQuery(in: session.catalog)
        let limit = try query.integer("limit", in: 1...APILimits.top)
        return try await offload { try json(SearchJSON(query: search, result: session.credentialSearch.search(search), limit: limit)) }
    }

    func showCredential(_ request: Request, _ context: Context) async throws -> Response {
        let id = try pathID(context)
        let catalog = try self.catalog.session().catalog
        guard let credential = catalog.credential(id) else { throw MatchError.unknownCredential(id) }
        return try json(ShowCredential(credential: credential, catalog: catalog))
    }

    func showSkill(_ request: Request, _ context: Context) async throws -> Response {
        let id = try pathID(context)
        let catalog = try self.catalog.session().catalog
        guard let skill = catalog.skill(id) else { throw MatchError.unknownSkill(id) }
        return try json(ShowSkill(skill: skill, catalog: catalog))
    }

    // MARK: Scoring and advice

    func fit(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(request, context: context, allowed: ["candidate", "job", "noInfer"])
        let (input, job, infer) = (try body.candidate(), try body.requiredString("job"), !(try body.bool("noInfer") ?? false))
        let session = try catalog.session()
        return try await offload {
            let person = try session.resolve(input, inferFromTitles: infer)
            return try json(FitJSON(try session.fit(person, job: job, infer: infer)))
        }
    }

    func match(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(request, context: context, allowed: ["candidate", "job", "top", "minScore", "noInfer"])
        let top = try body.integer("top", in: 1...APILimits.top) ?? 10
        let minScore = try body.number("minScore", in: 0...1) ?? 0
        let infer = !(try body.bool("noInfer") ?? false)
        let session = try catalog.session()
        if let job = try body.string("job") {
            guard body.members["candidate"] == nil else {
                throw Problem(.badRequest, "give either \"candidate\" (jobs for a person) or \"job\" (stored candidates for a job)", field: "job")
            }
            return try await offload {
                let pool = try session.store.candidates()
                return try json(JobMatchJSON(job: job, candidates: pool.count,
                                             matches: try session.rankCandidates(pool, for: job, top: top, minimumScore: minScore, infer: infer)))
            }
        }
        let input = try body.candidate()
        return try await offload {
            let person = try session.resolve(input, inferFromTitles: infer)
            let found = try session.match(person, top: top, minimumScore: minScore, infer: infer)
            return try json(found.report(for: person.candidate, catalog: session.catalog))
        }
    }

    func gap(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(
            request, context: context, allowed: JSONRequest.credentialMembers.union(["candidate", "job", "target", "timeLimit", "noInfer"]))
        let input = try body.candidate()
        let job = try body.requiredString("job")
        let target = try body.number("target", in: 0...1)
        let seconds = try body.number("timeLimit", in: 0.001...APILimits.maximumSeconds) ?? APILimits.defaultGapSeconds
        let choice = try body.credentialChoice()
        let infer = !(try body.bool("noInfer") ?? false)
        let session = try catalog.session()
        return try await offload {
            let person = try session.resolve(input, inferFromTitles: infer)
            let plan = try session.gap(person, job: job, choice: choice, target: target, timeLimit: .milliseconds(Int((seconds * 1000).rounded())))
            return try json(GapJSON(plan))
        }
    }

    func next(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(
            request, context: context, allowed: JSONRequest.credentialMembers.union(["candidate", "top", "qualified", "best", "noInfer"]))
        let input = try body.candidate()
        let options = NextOptions(
            top: try body.integer("top", in: 1...APILimits.top) ?? 10, qualified: try body.number("qualified", in: 0...1) ?? 0.8,
            best: try body.integer("best", in: 1...APILimits.top) ?? 10)
        let choice = try body.credentialChoice()
        let infer = !(try body.bool("noInfer") ?? false)
        let session = try catalog.session()
        return try await offload {
            let person = try session.resolve(input, inferFromTitles: infer)
            let advice = try session.next(person, options: options, choice: choice)
            return try json(NextJSON(advice, shown: Array(advice.prospects.prefix(options.top))))
        }
    }

    // MARK: Candidates

    func listCandidates(_ request: Request, _ context: Context) async throws -> Response {
        try json(try catalog.session().store.candidates())
    }

    func showCandidate(_ request: Request, _ context: Context) async throws -> Response {
        let id = try pathID(context)
        let session = try catalog.session()
        let conditions = CandidatePreconditions(request)
        guard let candidate = try session.store.candidate(id) else {
            throw ServiceError(.notFound, field: "id", "no stored candidate with id \"\(id)\"")
        }
        let tag = CandidateRevision.entityTag(candidate)
        if conditions.notModified(tag) {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        var response = try json(ShowCandidate(candidate: candidate, catalog: session.catalog))
        response.headers[.eTag] = tag
        return response
    }

    /// `POST /v1/candidates`: stores the candidate object of the body (`id`, `name`, `skills`, `credentials`, `text`),
    /// replacing one with the same id. Needs the API token. `If-Match: TAG` replaces only the version read (412
    /// otherwise), `If-None-Match: *` only creates (``CandidatePreconditions``); the answer's `ETag` is the new version.
    func storeCandidate(_ request: Request, _ context: Context) async throws -> Response {
        try security.authorizeWrite(request)
        let conditions = CandidatePreconditions(request)
        let body = try await JSONRequest.read(request, context: context, allowed: ["id", "name", "skills", "credentials", "text"])
        try JSONRequest.checkRecord(body.members, at: "")
        let bytes = Array(try ReportEncoding.line(JSONTree.object(body.members)))
        let session = try catalog.session()
        return try await offload {
            let person = try session.resolve(.json(bytes, name: "the request body"))
            let replaced = try session.store.saveCandidate(person.candidate) { current in
                try conditions.check(current, id: person.candidate.id)
            }
            struct Stored: Encodable {
                var candidate: String
                var created: Bool
                var skills: Int
                var credentials: Int
                var unresolved: [String]
            }
            var response = try json(Stored(candidate: person.candidate.id, created: !replaced, skills: person.candidate.skills.count,
                                           credentials: person.candidate.credentials.count, unresolved: person.unresolved),
                                    status: replaced ? .ok : .created)
            response.headers[.eTag] = CandidateRevision.entityTag(person.candidate)
            return response
        }
    }

    func removeCandidate(_ request: Request, _ context: Context) async throws -> Response {
        try security.authorizeWrite(request)
        let id = try pathID(context)
        let conditions = CandidatePreconditions(request)
        guard try catalog.session().store.removeCandidate(id, ifCurrent: { try conditions.check($0, id: id) }) else {
            throw ServiceError(.notFound, field: "id", "no stored candidate with id \"\(id)\"")
        }
        return Response(status: .noContent)
    }

    func openAPI(_ request: Request, _ context: Context) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
    }
}

/// A path parameter (`{id}`, `{job}`), percent-decoded (`/v1/candidates/caf%C3%A9` names `café`).
func pathID(_ context: some RequestContext, _ name: String = "id") throws -> String {
    let raw = try context.parameters.require(name)
    return raw.removingPercentEncoding ?? raw
}

/// A JSON response written by the shared encoder.
func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try ReportEncoding.data(value))))
}

/// Runs CPU-bound work (scoring, planning, reading a resume) off the server's threads, so that a long gap search
/// does not hold up other requests' I/O.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
