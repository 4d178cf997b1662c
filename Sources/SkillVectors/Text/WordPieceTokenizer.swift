import Foundation

/// BERT's uncased tokenisation: normalisation, splitting on whitespace and punctuation, then WordPiece.
///
/// It follows Hugging Face `tokenizers`' `BertNormalizer`, `BertPreTokenizer` and `WordPiece` (what
/// sentence-transformers runs), in this order:
/// 1. cleaning: NUL, U+FFFD and control or format characters (Unicode categories C*, except tab, LF and CR) are
///    removed; whitespace (the Unicode White_Space property) becomes a space;
/// 2. CJK ideographs are surrounded by spaces;
/// 3. accents are stripped (canonical decomposition, then nonspacing marks removed) and text is lower-cased;
/// 4. words are split at whitespace, and every punctuation character (ASCII symbols such as `+`, `#`, `-` and
///    Unicode P* categories) becomes a word of its own, so `C++` is `c + +`;
/// 5. each word becomes the longest vocabulary pieces from its start (later pieces prefixed `##`); a word over 100
///    characters, or one with a part no piece matches, becomes `[UNK]`.
/// The ids are framed by `[CLS]` and `[SEP]` and cut to ``maxTokens`` (both included).
public struct WordPieceTokenizer: Sendable {
    /// The vocabulary: token to id.
    private let ids: [String: Int32]
    /// `[CLS]`, `[SEP]`, `[UNK]` and `[PAD]`'s ids.
    public let cls: Int32, sep: Int32, unk: Int32, pad: Int32
    /// The longest sequence produced, `[CLS]` and `[SEP]` included.
    public let maxTokens: Int
    /// Words longer than this many characters become `[UNK]`.
    public static let maxWordCharacters = 100

    /// Creates a tokenizer from the vocabulary in id order (vocab.txt's lines).
    public init(vocabulary: [String], maxTokens: Int) throws(SafeTensorsError) {
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        for (index, token) in vocabulary.enumerated() where ids[token] == nil { ids[token] = Int32(index) }
        guard let cls = ids["[CLS]"], let sep = ids["[SEP]"], let unk = ids["[UNK]"], let pad = ids["[PAD]"] else {
            throw .damaged("the vocabulary lacks [CLS], [SEP], [UNK] or [PAD]")
        }
        guard maxTokens >= 3 else { throw .damaged("max_tokens must be at least 3") }
        self.ids = ids
        self.cls = cls
        self.sep = sep
        self.unk = unk
        self.pad = pad
        self.maxTokens = maxTokens
    }

    /// The number of tokens in the vocabulary.
    public var vocabularySize: Int { ids.count }

    /// The token ids of `text`: `[CLS]`, the word pieces (at most `maxTokens - 2`), `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        var result: [Int32] = [cls]
        let limit = maxTokens - 1
        for word in Self.words(text) {
            appendPieces(of: word, to: &result, limit: limit)
            if result.count >= limit { break }
        }
        result.append(sep)
        return result
    }

    /// The normalised words of `text` (steps 1–4).
    public static func words(_ text: String) -> [String] {
        // Steps 1 and 2.
        var cleaned = String.UnicodeScalarView()
        var ascii = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD { continue }
            if value == 9 || value == 10 || value == 13 || scalar.properties.isWhitespace {
                cleaned.append(" ")
                continue
            }
            if isControl(scalar) { continue }
            if isCJK(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
                ascii = false
                continue
            }
            if value >= 0x80 { ascii = false }
            cleaned.append(scalar)
        }
        // Step 3.
        var normalised = String.UnicodeScalarView()
        if ascii {
            for scalar in cleaned {
                let value = scalar.value
                normalised.append(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            }
        } else {
            for scalar in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.properties.generalCategory != .nonspacingMark {
                normalised.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        // Step 4.
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in normalised {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
            } else if isPunctuation(scalar) {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
                words.append(String(scalar))
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Step 5 for one word.
    private func appendPieces(of word: String, to result: inout [Int32], limit: Int) {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= Self.maxWordCharacters else {
            result.append(unk)
            return
        }
        var pieces: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var piece = start > 0 ? "##" : ""
                piece.unicodeScalars.append(contentsOf: scalars[start ..< end])
                if let id = ids[piece] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else {
                result.append(unk)
                return
            }
            pieces.append(found)
            start = end
        }
        for piece in pieces where result.count < limit { result.append(piece) }
    }

    /// Control and format characters (C* categories) other than tab, LF and CR.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate: true
        default: false
        }
    }

    /// ASCII symbols and Unicode punctuation (P* categories).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33 ... 47).contains(value) || (58 ... 64).contains(value) || (91 ... 96).contains(value)
            || (123 ... 126).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// CJK Unified Ideographs and their extensions and compatibility blocks, as BERT lists them.
    static func isCJK(_ value: UInt32) -> Bool {
        (0x4E00 ... 0x9FFF).contains(value) || (0x3400 ... 0x4DBF).contains(value)
            || (0x20000 ... 0x2A6DF).contains(value) || (0x2A700 ... 0x2B73F).contains(value)
            || (0x2B740 ... 0x2B81F).contains(value) || (0x2B920 ... 0x2CEAF).contains(value)
            || (0xF900 ... 0xFAFF).contains(value) || (0x2F800 ... 0x2FA1F).contains(value)
    }
}
