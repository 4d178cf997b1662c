/// A file that cannot be read as SkillMatch input; nothing was imported.
///
/// The message names the file, the line (and column, for syntax errors) or the record, and the field.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column (in characters), when known.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// Creates an input error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `catalog.json, line 12, column 5: expected ',' or '}'`.
    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(message)"
    }
}
