/// A request the catalogue cannot answer, with a message written for the user (no SQL, no internal type names).
///
/// The ``Kind`` tells a front end how to report it: the CLI prints the message; the server maps it to an HTTP status
/// (404, 400 or 422) and names ``field`` in its problem details.
public struct ServiceError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// An id that names no job, credential, skill or candidate (HTTP 404).
        case notFound
        /// An input that is malformed or out of range (HTTP 400).
        case invalid
        /// A well-formed input that breaks a catalogue rule (HTTP 422).
        case unprocessable
        /// The catalogue or its folder cannot be used (HTTP 500, without internals).
        case failed
    }

    public var kind: Kind
    /// The input the error is about, as the CLI option or the API field names it (`job`, `candidate`, `top`).
    public var field: String?
    public var description: String

    public init(_ kind: Kind, field: String? = nil, _ description: String) {
        (self.kind, self.field, self.description) = (kind, field, description)
    }
}
