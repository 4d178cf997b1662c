import Foundation
import Mustache

/// The web app's Mustache templates and stylesheet (`Templates/`, embedded at build time), parsed once.
///
/// `{{value}}` escapes HTML, so text from resumes and catalogues cannot inject markup; the stylesheet is the only
/// value inserted unescaped (`{{{css}}}`).
enum WebTemplates {
    /// The stylesheet every page inlines (so that a saved report is self-contained).
    static let css: String = embeddedTemplates["style.css"] ?? ""

    /// The parsed templates, or the first template that failed to parse (a build defect, caught by the tests).
    static let library: Result<MustacheLibrary, WebPageError> = {
        var library = MustacheLibrary()
        for (file, text) in embeddedTemplates.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                return .failure(WebPageError("the page template \(file) could not be read"))
            }
        }
        return .success(library)
    }()

    /// Renders `page` with the template `name`.
    static func render(_ page: Any, template name: String) throws(WebPageError) -> String {
        let library = try library.get()
        guard let html = library.render(page, withTemplate: name) else { throw WebPageError("no page template named \(name)") }
        return html
    }
}

/// A page could not be made (a defect of the app's own templates, not of the request).
public struct WebPageError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
