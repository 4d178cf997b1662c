/// How a word is written: the case of its letters.
enum CaseShape: UInt8 {
    /// No cased letter (digits, symbols).
    case none
    /// All lower case: `python`.
    case lower
    /// First letter upper case, the rest lower case: `Python`.
    case capitalized
    /// All upper case (at least one letter): `SQL`, `R`.
    case upper
    /// Upper case after the first letter, not all upper: `JavaScript`, `DevOps`, `iOS`.
    case mixed
}

/// What separates a word from the one before it (bits, since a gap can hold several characters).
enum Gap {
    /// A list separator: `,` `/` `|` `;` brackets, a spaced dash, a bullet.
    static let list: UInt8 = 1
    /// A colon.
    static let colon: UInt8 = 2
    /// Sentence punctuation: `.` `!` `?`.
    static let sentence: UInt8 = 4
    /// A line break.
    static let newline: UInt8 = 8
    /// Other punctuation (`=`, `@`, `%`, ...).
    static let other: UInt8 = 16
    /// Gaps that end a sentence.
    static let sentenceBreak: UInt8 = sentence | newline
    /// Gaps that end a list.
    static let listBreak: UInt8 = colon | sentence | newline | other
}

/// One word of a text: where it is (bytes and Unicode scalars), how it is written and what separates it from the
/// word before.
struct TextToken {
    /// UTF-8 byte range in the text.
    var byteStart: Int32
    var byteEnd: Int32
    /// Unicode scalar (code point) offsets; `end` is exclusive.
    var start: Int32
    var end: Int32
    /// Vocabulary id of the primary form, -1 when unknown.
    var id: Int32 = -1
    /// Vocabulary id of the verb form (the primary id when the same), -1 when unknown.
    var verb: Int32 = -1
    var shape: CaseShape
    /// ``Gap`` bits between the previous word and this one.
    var gapBefore: UInt8
    /// Joined to the previous / next word by a hyphen, `&` or apostrophe without spaces (`C-level`, `R&D`).
    var joinedLeft = false
    var joinedRight = false
    /// The sentence it belongs to (0-based).
    var sentence: Int32 = 0
}

/// Cuts UTF-8 text into words.
///
/// A word is a run of letters and digits (any script), with `'`/`’` between letters kept inside (`don't`), `.`
/// between letters or digits kept inside (`Node.js`, `ASP.NET`, `2.0`), a leading `.` before letters after a space
/// (`.NET`), and a trailing `+`/`#` run kept (`C++`, `C#`, `A+`). `&` is a word of its own (read as "and").
/// Hyphens separate words but mark them as joined (`problem-solving`), so labels match both spellings.
enum TextTokenizer {
    @inline(__always)
    static func isASCIIWord(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Decodes the scalar starting at `i` (valid UTF-8 assumed; Swift strings always are).
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(p[i])
        var value: UInt32
        var length: Int
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        else if b0 < 0xE0 { value = b0 & 0x1F; length = 2 }
        else if b0 < 0xF0 { value = b0 & 0x0F; length = 3 }
        else { value = b0 & 0x07; length = 4 }
        guard i + length <= p.count else { return (" ", 1) }
        for k in 1 ..< length { value = (value << 6) | (UInt32(p[i + k]) & 0x3F) }
        return (Unicode.Scalar(value) ?? " ", length)
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    /// Whether a word character starts at `i` (ASCII letter or digit, or a non-ASCII letter or digit), and its length.
    @inline(__always)
    static func wordCharacter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let byte = p[i]
        if byte < 0x80 { return isASCIIWord(byte) ? 1 : 0 }
        let (s, length) = scalar(p, i)
        return isWordScalar(s) ? length : 0
    }

    /// Appends the words of `p` to `tokens` (cleared first).
    static func tokenize(_ p: UnsafeBufferPointer<UInt8>, into tokens: inout [TextToken]) {
        tokens.removeAll(keepingCapacity: true)
        let n = p.count
        var i = 0
        var scalarOffset = 0
        var gap: UInt8 = Gap.newline  // the text starts a sentence
        var sentence: Int32 = -1
        var lastEnd = -1  // byte end of the previous word
        var pendingJoin = false

        @inline(__always) func scalars(_ from: Int, _ to: Int) -> Int {
            var count = 0
            for k in from ..< to where p[k] & 0xC0 != 0x80 { count += 1 }
            return count
        }

        while i < n {
            let byte = p[i]
            var length = wordCharacter(p, i)
            let leadingDot = length == 0 && byte == 0x2E && i + 1 < n && (p[i + 1] | 0x20) >= 0x61 && (p[i + 1] | 0x20) <= 0x7A
                && (i == 0 || p[i - 1] == 0x20 || p[i - 1] == 0x0A || p[i - 1] == 0x09 || p[i - 1] == 0x28 || p[i - 1] == 0x2C || p[i - 1] == 0x2F)
            if length > 0 || leadingDot || byte == 0x26 {
                let start = i
                let startScalar = scalarOffset
                if byte == 0x26 {
                    i += 1
                } else {
                    i += leadingDot ? 1 : 0
                    while i < n {
                        length = wordCharacter(p, i)
                        if length > 0 { i += length; continue }
                        let c = p[i]
                        // Inside a word: ' or ’ between letters, . between letters or digits.
                        if (c == 0x27 || c == 0x2E) && i + 1 < n && wordCharacter(p, i + 1) > 0 { i += 1; continue }
                        if c == 0xE2 && i + 3 < n && p[i + 1] == 0x80 && p[i + 2] == 0x99 && wordCharacter(p, i + 3) > 0 { i += 3; continue }
                        break
                    }
                    // A trailing run of + or # (C++, C#) when no word character follows it.
                    var k = i
                    while k < n && k - i < 2 && (p[k] == 0x2B || p[k] == 0x23) { k += 1 }
                    if k > i && (k == n || wordCharacter(p, k) == 0) { i = k }
                }
                scalarOffset += scalars(start, i)
                if gap & Gap.sentenceBreak != 0 || sentence < 0 { sentence += 1 }
                var token = TextToken(
                    byteStart: Int32(start), byteEnd: Int32(i), start: Int32(startScalar), end: Int32(scalarOffset),
                    shape: shape(UnsafeBufferPointer(rebasing: p[start ..< i])), gapBefore: gap, sentence: sentence)
                let touching = lastEnd == start
                if pendingJoin || (touching && (byte == 0x26 || tokens.last.map { p[Int($0.byteStart)] == 0x26 } == true)) {
                    token.joinedLeft = true
                    tokens[tokens.count - 1].joinedRight = true
                }
                pendingJoin = false
                tokens.append(token)
                lastEnd = i
                gap = 0
                continue
            }
            // Between words.
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09, 0x22, 0x60, 0x27, 0x2A, 0x5F: break
                case 0x0A, 0x0D, 0x0B, 0x0C: gap |= Gap.newline
                case 0x2D:
                    // A hyphen between two words with no space joins them; otherwise it separates list items.
                    if lastEnd == i && i + 1 < n && wordCharacter(p, i + 1) > 0 { pendingJoin = true } else { gap |= Gap.list }
                case 0x2C, 0x2F, 0x7C, 0x3B, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2B: gap |= Gap.list
                case 0x3A: gap |= Gap.colon
                case 0x2E, 0x21, 0x3F: gap |= Gap.sentence
                default: gap |= Gap.other
                }
                i += 1
                scalarOffset += 1
            } else {
                let (s, length) = scalar(p, i)
                switch s.value {
                case 0x2013, 0x2014, 0x2022, 0x00B7, 0x25CF, 0x25AA, 0x2023, 0x2043: gap |= Gap.list
                case 0x2028, 0x2029, 0x0085: gap |= Gap.newline
                case 0x2026, 0x3002: gap |= Gap.sentence
                default: break
                }
                i += length
                scalarOffset += 1
            }
        }
    }

    /// How a word is written.
    static func shape(_ word: UnsafeBufferPointer<UInt8>) -> CaseShape {
        var upper = 0
        var lower = 0
        var firstUpper = false
        var firstCased = true
        var k = 0
        while k < word.count {
            let byte = word[k]
            var isUpper = false
            var isLower = false
            if byte < 0x80 {
                isUpper = byte >= 0x41 && byte <= 0x5A
                isLower = byte >= 0x61 && byte <= 0x7A
                k += 1
            } else {
                let (s, length) = scalar(word, k)
                isUpper = s.properties.isUppercase
                isLower = s.properties.isLowercase
                k += length
            }
            if isUpper || isLower {
                if firstCased { firstUpper = isUpper; firstCased = false }
                if isUpper { upper += 1 } else { lower += 1 }
            }
        }
        if upper == 0 && lower == 0 { return .none }
        if upper == 0 { return .lower }
        if lower == 0 { return .upper }
        if firstUpper && upper == 1 { return .capitalized }
        return .mixed
    }
}
