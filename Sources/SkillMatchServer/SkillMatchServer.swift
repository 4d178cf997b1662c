import Foundation
import Hummingbird
import Logging
import NIOCore
import SkillMatchService

/// How `skillmatch serve` runs.
public struct ServerConfiguration: Sendable {
    /// The address to listen on (loopback by default).
    public var host: String
    /// The port (0: any free port, reported once listening).
    public var port: Int
    /// The catalogue (the same `--db` / `$SKILLMATCH_DB` / per-user default rule as every command).
    public var location: CatalogLocation
    /// The API token: needed by write endpoints, and by every endpoint when listening beyond loopback.
    public var token: String?
    /// The one web origin (`https://board.example.org`) whose pages may call the API from a browser; nil: no CORS
    /// headers at all.
    public var corsOrigin: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, location: CatalogLocation, token: String? = nil, corsOrigin: String? = nil) {
        (self.host, self.port, self.location, self.token, self.corsOrigin) = (host, port, location, token, corsOrigin)
    }

    /// Whether the host is a loopback address.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses to listen beyond loopback without a token.
    public func validate() throws {
        guard isLoopback || token != nil else {
            throw ServiceError(.invalid, field: "host", "listening on \(host) (beyond this machine) needs an API token: --token-file FILE or $SKILLMATCH_API_TOKEN")
        }
        guard (0...65535).contains(port) else { throw ServiceError(.invalid, field: "port", "--port must be from 0 to 65535, not \(port)") }
        if let corsOrigin {
            let parts = corsOrigin.split(separator: "/", omittingEmptySubsequences: false)
            guard corsOrigin.hasPrefix("http://") || corsOrigin.hasPrefix("https://"), parts.count == 3, !parts[2].isEmpty,
                  corsOrigin.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "*" }) else {
                throw ServiceError(.invalid, field: "cors-origin", "--cors-origin takes one origin such as https://board.example.org (scheme and host, no path), not \"\(corsOrigin)\"")
            }
        }
    }
}

/// `skillmatch serve`: the advisor's web app at `/` and the JSON API under `/v1`, over one shared catalogue.
public enum SkillMatchHTTPServer {
    /// The router with every route, for tests (HummingbirdTesting) and for ``run(_:logger:onRunning:)``.
    public static func router(_ configuration: ServerConfiguration, logger: Logger) throws -> Router<BasicRequestContext> {
        let catalog = try LiveCatalog(location: configuration.location, logger: logger)
        let security = APISecurity(token: configuration.token, everyRequest: !configuration.isLoopback)
        let router = Router()
        if let origin = configuration.corsOrigin {
            // Outermost, so that a browser's preflight (OPTIONS, no token) is answered before routing and the token check.
            router.add(middleware: CORSMiddleware(
                allowOrigin: .custom(origin), allowHeaders: [.accept, .authorization, .contentType],
                allowMethods: [.get, .head, .post, .delete, .options], maxAge: .seconds(600)))
        }
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: TokenMiddleware(security: security))
        APIRoutes(catalog: catalog, security: security).register(on: router)
        WebRoutes(catalog: catalog, resumes: ResumeMemory()).register(on: router)
        return router
    }

    /// The application, not yet running.
    public static func application(
        _ configuration: ServerConfiguration, logger: Logger, onRunning: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        try configuration.validate()
        let router = try router(configuration, logger: logger)
        let host = configuration.host
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "skillmatch"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let shown = host.contains(":") ? "[\(host)]" : host
                onRunning("http://\(shown):\(port)")
            },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then stops gracefully (requests in flight finish).
    public static func run(_ configuration: ServerConfiguration, logger: Logger, onRunning: @escaping @Sendable (String) -> Void) async throws {
        try await application(configuration, logger: logger, onRunning: onRunning).runService()
    }
}
