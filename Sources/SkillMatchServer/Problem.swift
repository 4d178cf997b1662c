import Foundation
import HTTPTypes
import Hummingbird
import SkillMatch
import SkillMatchImport
import SkillMatchService
import SkillMatchStore

/// An error answered as RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`, `detail`
/// and, when the error is about one input, `field` (the request member or query parameter, as the API names it).
///
/// Messages are written for the user; no stack trace, SQL or internal type name is ever sent.
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    public var field: String?
    /// The `Allow` header of a 405.
    public var allow: String?

    public init(_ status: HTTPResponse.Status, _ detail: String, field: String? = nil, allow: String? = nil) {
        (self.status, self.detail, self.field, self.allow) = (status, detail, field, allow)
    }

    /// The body: `{"type": "about:blank", "title", "status", "detail", "field"}`.
    struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
        var field: String?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    /// The problem as a response.
    func response() -> Response {
        let body = Body(title: status.reasonPhrase, status: status.code, detail: detail, field: field)
        let data = (try? ReportEncoding.data(body)) ?? Data("{}\n".utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The problem an error thrown while answering becomes.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as ServiceError:
            let status: HTTPResponse.Status = switch error.kind {
            case .notFound: .notFound
            case .invalid: .badRequest
            case .unprocessable: .unprocessableContent
            case .failed: .internalServerError
            }
            return Problem(status, error.description, field: error.field)
        case let error as MatchError:
            return Problem(.notFound, error.description, field: error.field)
        case let error as GapError:
            return Problem(.unprocessableContent, error.description, field: error.field)
        case let error as CatalogValidationError:
            return Problem(.unprocessableContent, error.description, field: "candidate")
        case let error as InputError:
            return Problem(.badRequest, error.description, field: "candidate")
        case is StoreError:
            return Problem(.internalServerError, "the catalogue could not be read; see the server's log")
        case let error as HTTPError:
            return Problem(error.status, error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            let detail = error.status == .contentTooLarge
                ? "the request body is larger than the server accepts (\(APILimits.bodyBytes) bytes; \(APILimits.batchBodyBytes) for /v1/batch)"
                : error.status.reasonPhrase
            return Problem(error.status, detail)
        default:
            return Problem(.internalServerError, "internal error; the request was not completed")
        }
    }
}

extension MatchError {
    /// The request member the error is about.
    var field: String {
        switch self {
        case .unknownJob: "job"
        case .unknownCredential: "credential"
        case .unknownSkill: "skill"
        }
    }
}

/// Answers every error as problem details, and logs each request (method, route, status, time; never a body or
/// query text, which may hold a resume or a person's name).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // The router answers a known path with a method it does not route as not found: that is a 405.
            if let allow = APIRoutes.allowed(for: request.uri.path) ?? WebRoutes.allowed(for: request.uri.path) {
                response = Problem(.methodNotAllowed, "\(request.uri.path) allows \(allow)", allow: allow).response()
            } else {
                response = Problem(.notFound, "there is nothing at \(request.uri.path) (the API is under /v1; see /openapi.yaml)").response()
            }
        } catch {
            response = Problem.from(error).response()
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(context.endpointPath ?? "unmatched")",
            "status": "\(response.status.code)", "ms": "\(String(format: "%.2f", milliseconds))",
        ])
        return response
    }
}
