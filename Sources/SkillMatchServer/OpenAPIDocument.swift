import Foundation

/// The API's OpenAPI 3.1 description (`Sources/SkillMatchServer/openapi.yaml`), served at `/openapi.yaml`.
public enum OpenAPIDocument {
    /// The document's text.
    public static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return "# the OpenAPI document was not installed with this build of skillmatch\n"
        }
        return text
    }()
}
