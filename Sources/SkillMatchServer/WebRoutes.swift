import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore
import SkillMatch
import SkillMatchService
import SkillMatchWeb

/// The advisor's web app: server-rendered pages (no JavaScript needed) over the same session as the API.
///
/// `GET /` intake; `POST /people` reads a pasted or uploaded resume and redirects to its pages under
/// `/resumes/KEY` (the text is kept in memory only, never stored or logged); `GET /people?candidate=ID` opens a stored
/// candidate's pages under `/candidates/ID`. A person's pages: `BASE`, `BASE/jobs/JOB`, `BASE/jobs/JOB/plan`,
/// `BASE/next`, `BASE/report`. The finder: `GET /credentials`, `GET /credentials/ID`.
struct WebRoutes: Sendable {
    typealias Context = BasicRequestContext

    let catalog: LiveCatalog
    let resumes: ResumeMemory

    /// The paths of the app (for 405 answers) and their methods.
    static let table: [(path: String, allow: String)] = [
        ("/", "GET"), ("/people", "GET, POST"), ("/credentials", "GET"), ("/credentials/:id", "GET"),
    ] + ["/candidates/:id", "/resumes/:id"].flatMap { base in
        ["", "/jobs/:job", "/jobs/:job/plan", "/next", "/report"].map { (base + $0, "GET") }
    }

    /// The methods a path of the app allows (nil for a path it does not have).
    static func allowed(for path: String) -> String? { APIRoutes.allowed(for: path, in: table) }

    func register(on router: Router<Context>) {
        router.get("/", use: home)
        router.get("/people", use: openStored)
        router.post("/people", use: readResume)
        router.get("/credentials", use: finder)
        router.get("/credentials/:id", use: credential)
        for (prefix, stored) in [("/candidates/:id", true), ("/resumes/:id", false)] {
            router.get(RouterPath(prefix)) { request, context in
                try await page(request, context, stored: stored, allowed: []) { pages, person, base, _ in try pages.person(person, base: base) }
            }
            router.get(RouterPath(prefix + "/jobs/:job")) { request, context in
                try await page(request, context, stored: stored, allowed: []) { pages, person, base, _ in
                    try pages.job(person, base: base, job: try pathID(context, "job"))
                }
            }
            router.get(RouterPath(prefix + "/jobs/:job/plan")) { request, context in
                try await page(request, context, stored: stored, allowed: Self.planParameters) { pages, person, base, query in
                    try pages.plan(person, base: base, job: try pathID(context, "job"), options: try planOptions(query))
                }
            }
            router.get(RouterPath(prefix + "/next")) { request, context in
                try await page(request, context, stored: stored, allowed: ["maxCost", "maxHours"]) { pages, person, base, query in
                    try pages.next(person, base: base, choice: CredentialChoice(
                        maxCost: try query.number("maxCost", in: 0...1e9), maxHours: try query.number("maxHours", in: 0...1e9)))
                }
            }
            router.get(RouterPath(prefix + "/report")) { request, context in
                try await page(request, context, stored: stored, allowed: Self.planParameters.union(["job"])) { pages, person, base, query in
                    try pages.report(person, base: base, job: try query.string("job"), options: try planOptions(query), selfContained: false)
                }
            }
        }
    }

    static let planParameters: Set<String> = ["maxCost", "maxHours", "target", "type", "accredited", "axis"]

    // MARK: Pages

    func home(_ request: Request, _ context: Context) async throws -> Response {
        try await html {
            _ = try QueryParameters(request, allowed: [])
            return try AdvisorPages(session: try catalog.session()).home()
        }
    }

    /// `GET /people?candidate=ID`: a stored candidate's pages.
    func openStored(_ request: Request, _ context: Context) async throws -> Response {
        try await html {
            let query = try QueryParameters(request, allowed: ["candidate"], emptyIsAbsent: true)
            guard let id = try query.string("candidate") else { throw Problem(.badRequest, "give a candidate id", field: "candidate") }
            guard try catalog.session().store.candidate(id) != nil else {
                throw ServiceError(.notFound, field: "candidate", "no stored candidate with id \"\(id)\"")
            }
            return .redirect("/candidates/\(WebFormat.segment(id))")
        }
    }

    /// `POST /people`: a resume pasted (`text`) or uploaded (`file`), as a form (multipart or URL-encoded). A resume
    /// that cannot be read is answered with the intake page again, saying why, with the text kept.
    func readResume(_ request: Request, _ context: Context) async throws -> Response {
        let session: CatalogSession
        do { session = try catalog.session() } catch { return errorPage(error) }
        let form: ResumeForm
        do {
            form = try await ResumeForm.read(request)
        } catch {
            let problem = Problem.from(error)
            return htmlResponse(try AdvisorPages(session: session).home(error: problem.detail), status: problem.status)
        }
        do {
            let input = form.input
            _ = try await offload { try session.resolve(input) }
            let key = resumes.keep(input)
            return Response(status: .seeOther, headers: [.location: "/resumes/\(key)", .cacheControl: "no-store"])
        } catch {
            let problem = Problem.from(error)
            return htmlResponse(try AdvisorPages(session: session).home(error: problem.detail, text: form.text), status: problem.status)
        }
    }

    func finder(_ request: Request, _ context: Context) async throws -> Response {
        try await html {
            let query = try QueryParameters(
                request, allowed: QueryParameters.credentialQueryNames, emptyIsAbsent: true)
            let session = try catalog.session()
            let search = try query.credentialQuery(in: session.catalog)
            return try AdvisorPages(session: session).finder(search)
        }
    }

    func credential(_ request: Request, _ context: Context) async throws -> Response {
        try await html { try AdvisorPages(session: try catalog.session()).credential(try pathID(context)) }
    }

    /// One of a person's pages: the person resolved from the path, the page made off the server's threads.
    private func page(
        _ request: Request, _ context: Context, stored: Bool, allowed: Set<String>,
        _ make: @escaping @Sendable (AdvisorPages, ResolvedCandidate, String, QueryParameters) throws -> String
    ) async throws -> Response {
        try await html {
            let query = try QueryParameters(request, allowed: allowed, emptyIsAbsent: true)
            let id = try pathID(context)
            let session = try catalog.session()
            let input: CandidateInput
            if stored {
                input = .stored(id)
            } else {
                guard let kept = resumes.input(id) else {
                    throw ServiceError(.notFound, field: "resume", "this resume is no longer in the server's memory (it keeps the last \(ResumeMemory.capacity) resumes read, for \(ResumeMemory.hours) hours, and none across a restart): paste it again")
                }
                input = kept
            }
            let base = (stored ? "/candidates/" : "/resumes/") + WebFormat.segment(id)
            return .page(try await offload { try make(AdvisorPages(session: session), try session.resolve(input), base, query) })
        }
    }

    // MARK: Responses

    private enum Answer: Sendable {
        case page(String)
        case redirect(String)
    }

    /// Runs `make`, answering its page as HTML and any error as an HTML error page with the error's status.
    private func html(_ make: @Sendable () async throws -> Answer) async throws -> Response {
        do {
            switch try await make() {
            case .page(let text): return htmlResponse(text)
            case .redirect(let location): return Response(status: .seeOther, headers: [.location: location])
            }
        } catch {
            return errorPage(error)
        }
    }

    private func html(_ make: @Sendable () async throws -> String) async throws -> Response {
        try await html { .page(try await make()) }
    }

    private func errorPage(_ error: any Error) -> Response {
        let problem = Problem.from(error)
        let heading = switch problem.status.code {
        case 404: "Not found"
        case 400: "That request could not be read"
        case 422: "That cannot be done with this catalogue"
        default: "Something went wrong"
        }
        return htmlResponse(AdvisorPages.error(heading: heading, message: problem.detail), status: problem.status)
    }
}

/// An HTML page with headers that keep it private and inert: no scripts, no framing, no caching, no referrer
/// (a resume's pages are named by a key that only its reader should have).
func htmlResponse(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
    headers[HTTPField.Name("Content-Security-Policy")!] =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
}

/// The plan controls of a query: `maxCost`, `maxHours`, `target`, `type` (repeated), `accredited`, `axis`.
private func planOptions(_ query: QueryParameters) throws -> PlanOptions {
    let types = try query.credentialTypes()
    let axisName = try query.string("axis") ?? "cost"
    guard let axis = PlanOptions.Axis(rawValue: axisName) else {
        throw Problem(.badRequest, "axis must be cost or hours, not \"\(axisName.prefix(40))\"", field: "axis")
    }
    let choice = CredentialChoice(
        maxCost: try query.number("maxCost", in: 0...1e9), maxHours: try query.number("maxHours", in: 0...1e9), types: Set(types),
        accreditedOnly: try query.string("accredited") != nil)
    return PlanOptions(choice: choice, target: try query.number("target", in: 0...1), axis: axis, timeLimit: .seconds(APILimits.defaultGapSeconds))
}
