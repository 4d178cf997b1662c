/// Finds the catalogue's credentials that a resume's text says the person holds ("Certifications: CompTIA A+, CCNA").
///
/// A credential is named by its name or one of its ``Credential/alternateNames`` ("EPA 608 Universal"), each also
/// without a parenthetical ("Cisco Certified Network Associate"), by the parenthetical or the alternate name when it
/// is an acronym ("CCNA"), or without a trailing "Certification", "Certificate", "License" or "Licence" when three
/// words or more remain ("ServSafe Food Protection Manager"; "Google Analytics" alone names a tool, not the
/// certification). Names are matched as whole words with case and punctuation other than `+` and `#` ignored; an
/// acronym must be written in capitals and be at least 3 characters long, and the acronyms of ``ambiguousAcronyms``
/// (CPT, CMA, CSM, ...: they mean other things on resumes) name nothing alone. A name of one word that is not an
/// acronym, or one shared by several credentials, names none. Lines that speak of a credential not yet
/// held ("pursuing", "studying for", "in progress", "expected", ...) are skipped; a line is read in parts split at `|`,
/// `;` and bullets, so that one such item does not hide the others.
public struct CredentialMentions: Sendable {
    /// A name: its words (lower case) and whether the text must write it in capitals.
    private struct Name: Sendable {
        var words: [String]
        var acronym: Bool
        var credential: Int
    }

    private let credentials: [String]
    /// Names by their first word, longest first.
    private let names: [String: [Name]]

    /// Words on a line that say the credential is not held yet.
    static let intent: Set<String> = [
        "pursuing", "studying", "preparing", "progress", "expected", "planned", "planning", "working", "towards",
        "toward", "candidate", "enrolled", "anticipated", "seeking",
    ]
    /// Characters that separate the items of a list on one line.
    static let separators: Set<Unicode.Scalar> = ["|", ";", "•", "·", "▪", "●"]
    /// Acronyms that mean other things on resumes (CPT: a phlebotomy technician, a personal trainer, a production
    /// technician, or a medical billing code; CSM: a ScrumMaster or a customer success manager): alone they name no
    /// credential; written with the issuer ("NHA CPT") as an alternate name, they do.
    public static let ambiguousAcronyms: Set<String> = [
        "cpt", "cma", "nrp", "lpc", "csm", "cpi", "crm", "ats", "nas", "rit", "cert", "tech", "asa", "fsa", "cmd", "cfm",
        "cnp", "pcs", "sro", "cta", "cip", "cae", "cba", "ncpt", "cpr", "cda", "ccs", "ccm", "cca", "cdt", "cet", "csp",
        "cpp", "cpc", "cfp", "cap", "crc", "cto", "rpt", "cis", "amt", "cdl", "cdm", "pca", "pta", "sit", "aws", "api",
    ]
    static let genericTail: Set<String> = ["certification", "certificate", "license", "licence", "credential", "program"]

    /// Indexes a catalogue's credential names.
    public init(catalog: Catalog) {
        credentials = catalog.credentials.map(\.id)
        var byKey: [[String]: (acronym: Bool, credentials: Set<Int>)] = [:]
        for (position, credential) in catalog.credentials.enumerated() {
            for (words, acronym) in ([credential.name] + credential.alternateNames).flatMap(Self.variants(of:)) {
                byKey[words, default: (acronym, [])].credentials.insert(position)
            }
        }
        var names: [String: [Name]] = [:]
        for (words, entry) in byKey where entry.credentials.count == 1 {
            guard let credential = entry.credentials.first else { continue }
            names[words[0], default: []].append(Name(words: words, acronym: entry.acronym, credential: credential))
        }
        self.names = names.mapValues { list in
            list.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.lexicographicallyPrecedes($1.words) }
        }
    }

    /// The ways a credential's name can be written, as lower-case words, each marked when it is an acronym.
    static func variants(of name: String) -> [(words: [String], acronym: Bool)] {
        var result: [(words: [String], acronym: Bool)] = []
        func add(_ text: Substring) {
            let words = Self.words(text).map { $0.lowercased() }
            guard words.count >= 2 else { return }
            result.append((words, false))
            if words.count >= 4, let last = words.last, genericTail.contains(last) { result.append((Array(words.dropLast()), false)) }
        }
        func acronym(_ text: Substring) {
            let words = Self.words(text)
            if words.count == 1, Self.isAcronym(words[0]), !ambiguousAcronyms.contains(words[0].lowercased()) {
                result.append(([words[0].lowercased()], true))
            }
        }
        add(Substring(name))
        // A parenthetical names the credential only as an acronym ("(CCNA)"); a phrase in brackets ("(Sales
        // Associate)", "(state certification)") is a gloss, not a name.
        if let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
            add(name[..<open] + name[name.index(after: close)...])
            acronym(name[name.index(after: open)..<close])
        }
        // An alternate name that is one acronym ("CCNA"; "NCLEX-RN" reads as two words and is matched as a name).
        acronym(Substring(name))
        return result
    }

    /// Whether a word is written as an acronym: 3 to 12 characters, capitals, digits, `+` or `-`, at least two capitals.
    static func isAcronym(_ word: Substring) -> Bool {
        let scalars = word.unicodeScalars
        guard (3...12).contains(scalars.count) else { return false }
        let capitals = scalars.filter { $0.properties.isUppercase }.count
        return capitals >= 2 && scalars.allSatisfy { $0.properties.isUppercase || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" }
    }

    /// The words of a text: runs of letters, digits, `+` and `#` (so "A+" and "C#" stay words).
    static func words(_ text: Substring) -> [Substring] {
        TextTerms.scalarWords(text) { $0 == "+" || $0 == "#" }
    }

    /// Whether a scalar ends a part of a line: a line break (as `Character.isNewline` has them) or a ``separators``.
    static func endsPart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A ... 0x0D, 0x85, 0x2028, 0x2029: true
        case 0x80...: separators.contains(scalar)
        default: scalar == "|" || scalar == ";"
        }
    }

    /// The ids of the credentials the text names as held, in id order.
    public func held(in text: String) -> [String] {
        var found = Set<Int>()
        // A line such as "EPA 608 Universal | NATE | working toward a contractor licence" is read part by part.
        for scalars in text.unicodeScalars.split(whereSeparator: Self.endsPart) {
            let line = Substring(scalars)
            let written = Self.words(line)
            let lower = written.map { $0.lowercased() }
            if lower.contains(where: Self.intent.contains) { continue }
            var position = 0
            while position < lower.count {
                var matched = 0
                for name in names[lower[position]] ?? [] where position + name.words.count <= lower.count {
                    guard lower[position..<(position + name.words.count)].elementsEqual(name.words) else { continue }
                    if name.acronym, !Self.isAcronym(written[position]) { continue }
                    found.insert(name.credential)
                    matched = name.words.count
                    break
                }
                position += max(matched, 1)
            }
        }
        return found.map { credentials[$0] }.sorted()
    }
}
