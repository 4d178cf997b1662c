import SkillVectors
import Testing
@testable import SkillMatch

@Suite("Documents: word splitting on Unicode scalars")
struct ScalarWordsTests {
    /// Precomposed characters only (each one scalar), so the character-level reference applies.
    static let alphabet: [Character] = Array("aZk09 +#'’-./,;|\t\r\nC#éßÉ•–·") + ["\r\n"]

    /// `scalarWords` and `endsPart` split as the character-level definitions they replaced (`split` on
    /// `isLetter || isNumber || extra`, and on `isNewline` or a separator) on random texts of single-scalar characters.
    @Test("scalarWords and endsPart equal the character-level splits, on 5,000 random texts")
    func differential() {
        var random = SplitMix64(seed: 17)
        for round in 0..<5_000 {
            let letters = Self.alphabet.filter { round % 2 == 0 || $0.isASCII }
            let text = Substring(String((0..<Int(random.next() % 40)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }))
            let forms: (Character) -> Bool = { $0 == "+" || $0 == "#" || $0 == "'" || $0 == "’" }
            #expect(CredentialMentions.words(text) == text.split { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == "#") }, "\(text.debugDescription)")
            #expect(TextTerms.scalarWords(text) { $0 == "+" || $0 == "#" || $0 == "'" || $0 == "’" }
                == text.split { !($0.isLetter || $0.isNumber || forms($0)) }, "\(text.debugDescription)")
            let parts = text.unicodeScalars.split(whereSeparator: CredentialMentions.endsPart).map { String(Substring($0)) }
            let reference = text.split { $0.isNewline || "|;•·▪●".contains($0) }.map(String.init)
            #expect(parts == reference, "\(text.debugDescription)")
        }
    }

    @Test("a slice keeps its own bounds")
    func slices() {
        let line = "Certifications: CompTIA A+, CCNA; C# and C++"
        let part = line[line.index(line.startIndex, offsetBy: 16)...]
        #expect(CredentialMentions.words(part) == ["CompTIA", "A+", "CCNA", "C#", "and", "C++"])
    }
}
