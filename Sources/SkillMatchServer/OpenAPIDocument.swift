/// The API's OpenAPI 3.1 description (`Sources/SkillMatchServer/openapi.yaml`, embedded at build time), served at
/// `/openapi.yaml`.
public enum OpenAPIDocument {
    /// The document's text.
    public static let yaml: String = embeddedOpenAPIYAML + "\n"
}
