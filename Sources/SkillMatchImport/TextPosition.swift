/// Lines and columns in a file's bytes, as messages name them: both 1-based, columns counted in characters.
enum TextPosition {
    /// The column of the byte at `offset`, given the offset at which its line starts.
    static func column(of offset: Int, lineStart: Int, in bytes: [UInt8]) -> Int {
        String(decoding: bytes[lineStart ..< offset], as: UTF8.self).count + 1
    }

    /// The error for bytes that are not UTF-8, placed on the first byte that breaks it.
    static func invalidUTF8(_ bytes: [UInt8], file: String) -> InputError {
        let (line, column) = firstInvalidUTF8(bytes)
        return InputError(file: file, line: line, column: column, message: "invalid UTF-8; save the file as UTF-8")
    }

    /// The line and column of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let length = byte < 0x80 ? 1 : byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0
            let valid = length > 0 && offset + length <= bytes.count
                && bytes[offset + 1 ..< offset + length].allSatisfy { $0 & 0xC0 == 0x80 }
                && String(validating: bytes[offset ..< offset + length], as: UTF8.self) != nil
            if !valid { return (line, column(of: offset, lineStart: lineStart, in: bytes)) }
            if byte == 0x0A { line += 1; lineStart = offset + 1 }
            offset += length
        }
        return (line, 1)
    }
}
