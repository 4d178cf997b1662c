import Foundation

/// The normal form of one word, shared by labels and text so that both sides compare equal exactly when their
/// normal forms do.
///
/// - *Primary form*: lower case, accents removed (`é` → `e`), apostrophes removed and a possessive `'s` dropped
///   (`client's` → `client`), and the plural of a letters-only word of 4 letters or more made singular
///   (`technologies` → `technology`, `processes` → `process`, `matches` → `match`, `skills` → `skill`; words in
///   `ss`, `us` and `is` are kept: `process`, `status`, `analysis`).
/// - *Verb form* (used for the first word of a label only, where ESCO-style labels put their verb): the primary
///   form with `-ing`, `-ed` or a final `-e` removed and a doubled final consonant undoubled
///   (`managing`, `managed`, `manage` → `manag`; `programming` → `program`). Words that do not change keep their
///   primary form.
enum TokenNormalizer {
    /// Writes the primary form of `token` into `out` (cleared first).
    /// - Parameter token: the UTF-8 bytes of one token as the tokenizer cut it.
    static func primary(_ token: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var ascii = true
        for byte in token where byte >= 0x80 { ascii = false; break }
        var capitals = false
        if ascii {
            var end = token.count
            var upper = 0
            var lower = 0
            for byte in token {
                if byte >= 0x41 && byte <= 0x5A { upper += 1 } else if byte >= 0x61 && byte <= 0x7A { lower += 1 }
            }
            capitals = upper > 1 && lower == 0
            // A possessive 's: drop it (the apostrophe itself is dropped below).
            if end >= 3 && (token[end - 1] == 0x73 || token[end - 1] == 0x53) && token[end - 2] == 0x27 { end -= 2 }
            for k in 0 ..< end {
                let byte = token[k]
                if byte == 0x27 { continue }
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        } else {
            var text = String(decoding: token, as: UTF8.self)
            capitals = text.count > 1 && text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
                && text.unicodeScalars.contains { $0.properties.isUppercase }
            if text.hasSuffix("'s") || text.hasSuffix("’s") || text.hasSuffix("'S") || text.hasSuffix("’S") {
                text.removeLast(2)
            }
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            for byte in folded.utf8 {
                out.append(byte)
            }
            // Drop apostrophes (ASCII and U+2019, E2 80 99).
            out.removeAll(where: { $0 == 0x27 })
            var k = 0
            while k + 2 < out.count {
                if out[k] == 0xE2 && out[k + 1] == 0x80 && out[k + 2] == 0x99 { out.removeSubrange(k ..< k + 3) } else { k += 1 }
            }
        }
        // Acronyms keep their final s (ETCS is not ETC).
        if !capitals { singular(&out) }
    }

    /// Whether every byte is an ASCII lower-case letter.
    @inline(__always)
    static func isLetters(_ word: [UInt8]) -> Bool {
        for byte in word where byte < 0x61 || byte > 0x7A { return false }
        return true
    }

    @inline(__always)
    private static func ends(_ word: [UInt8], _ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { suffix in
            guard word.count >= suffix.count else { return false }
            let offset = word.count - suffix.count
            for k in 0 ..< suffix.count where word[offset + k] != suffix[k] { return false }
            return true
        }
    }

    @inline(__always)
    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
    }

    /// Plural to singular, in place, for letters-only words of 4 letters or more.
    static func singular(_ word: inout [UInt8]) {
        guard word.count >= 4, isLetters(word) else { return }
        if ends(word, "ies") && word.count >= 5 {
            word.removeLast(3)
            word.append(0x79)  // y
        } else if ends(word, "sses") || ends(word, "ches") || ends(word, "shes") || ends(word, "xes") || ends(word, "zzes") {
            word.removeLast(2)
        } else if ends(word, "s") && !ends(word, "ss") && !ends(word, "us") && !ends(word, "is") {
            word.removeLast()
        }
    }

    /// The verb form of a primary form, or `nil` when it is the same.
    static func verb(_ word: [UInt8]) -> [UInt8]? {
        guard word.count >= 3, isLetters(word) else { return nil }
        var stem = word
        if ends(stem, "ied") && stem.count >= 5 {
            stem.removeLast(3)
            stem.append(0x79)
            return stem
        }
        var cut = false
        if ends(stem, "ing") && stem.count >= 5 {
            stem.removeLast(3)
            cut = true
        } else if ends(stem, "ed") && !ends(stem, "eed") && stem.count >= 4 {
            stem.removeLast(2)
            cut = true
        }
        if cut {
            guard stem.contains(where: isVowel) else { return nil }
            // Undouble: programm → program, but keep ll, ss, zz (install, process, buzz).
            let n = stem.count
            if n >= 3 && stem[n - 1] == stem[n - 2] && !isVowel(stem[n - 1])
                && stem[n - 1] != 0x6C && stem[n - 1] != 0x73 && stem[n - 1] != 0x7A {
                stem.removeLast()
            }
        } else if ends(stem, "e") && !ends(stem, "ee") && stem.count >= 3 {
            stem.removeLast()
        }
        // The stem of a cut word ends without the e its base form would have: base forms drop it too (above).
        if cut && ends(stem, "e") && !ends(stem, "ee") { stem.removeLast() }
        return stem == word ? nil : stem
    }
}
