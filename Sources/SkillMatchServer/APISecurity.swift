import Foundation
import HTTPTypes
import Hummingbird

/// Who may call the API: with a token (`--token-file`, `$SKILLMATCH_API_TOKEN`), write endpoints need
/// `Authorization: Bearer TOKEN`; bound beyond loopback, every endpoint does. Without a token, writes are refused.
struct APISecurity: Sendable {
    let token: String?
    /// Whether every request needs the token (the server listens beyond loopback).
    let everyRequest: Bool

    /// Throws 401 unless the request carries the token, 403 when the server has none (writes are then disabled).
    func authorizeWrite(_ request: Request) throws {
        guard token != nil else {
            throw Problem(.forbidden, "writes are disabled: start the server with --token-file FILE (or $SKILLMATCH_API_TOKEN) and send Authorization: Bearer TOKEN")
        }
        try authorize(request)
    }

    func authorize(_ request: Request) throws {
        guard let token else { return }
        let given = request.headers[.authorization] ?? ""
        guard Self.constantTimeEqual(given, "Bearer " + token) else {
            throw Problem(.unauthorized, "send the API token as Authorization: Bearer TOKEN")
        }
    }

    /// Compares without stopping at the first difference, so that timing tells nothing about the token.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let (a, b) = (Array(lhs.utf8), Array(rhs.utf8))
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}

/// Requires the token on every request (the server listens beyond loopback).
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let security: APISecurity

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if security.everyRequest { try security.authorize(request) }
        return try await next(request, context)
    }
}
