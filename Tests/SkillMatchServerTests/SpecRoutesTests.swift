import Foundation
import Testing
@testable import SkillMatchServer

/// The routes are written by hand over the library's one encoder (see the README's API section); this keeps them and
/// the OpenAPI document from drifting apart: every documented operation is routed, and every route is documented.
@Suite("skillmatch serve: the OpenAPI document and the routes agree")
struct SpecRoutesTests {
    /// The document's operations as (path with `:name` segments, methods), read from its `paths` section.
    static func documented() -> [String: Set<String>] {
        var operations: [String: Set<String>] = [:]
        var path: String?
        var inPaths = false
        for line in OpenAPIDocument.yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            if inPaths, let first = line.first, first != " " { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast()).replacing(/\{([a-z]+)\}/) { ":" + $0.1 }
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "),
                      let method = ["get", "post", "put", "patch", "delete"].first(where: { line == "    \($0):" }) {
                operations[path, default: []].insert(method.uppercased())
            }
        }
        return operations
    }

    @Test("every documented operation is routed with its method, and every /v1 route is documented")
    func agree() {
        let documented = Self.documented()
        #expect(documented.count >= 17, "read \(documented.count) paths from the document")
        let routed = Dictionary(uniqueKeysWithValues: APIRoutes.table.filter { $0.path.hasPrefix("/v1/") }.map { route in
            (route.path, Set(route.allow.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }).subtracting(["HEAD"]))
        })
        #expect(Set(documented.keys) == Set(routed.keys), "documented only: \(Set(documented.keys).subtracting(routed.keys).sorted()); routed only: \(Set(routed.keys).subtracting(documented.keys).sorted())")
        for (path, methods) in routed {
            #expect(documented[path] == methods, "\(path): routed \(methods.sorted()), documented \((documented[path] ?? []).sorted())")
        }
    }
}
