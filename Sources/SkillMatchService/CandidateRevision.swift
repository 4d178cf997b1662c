import SkillMatch

/// The version of a stored candidate, as an HTTP entity tag, for conditional writes (`If-Match`) that cannot lose
/// another client's update.
///
/// The tag is a digest of everything stored for the candidate: id, name, and each skill (id, level, evidence) and
/// credential in order. Equal records give equal tags on every run and every machine; any change to the record
/// changes the tag (up to the 64-bit FNV-1a digest's collisions, which are not a security property: a tag is a
/// version, not a secret).
public enum CandidateRevision {
    /// The strong entity tag of this candidate, quoted as HTTP writes it: `"4f0c2a…"` (16 hexadecimal digits).
    public static func entityTag(_ candidate: Candidate) -> String {
        var digest = Digest()
        digest.add(candidate.id)
        digest.add(candidate.name)
        digest.add(UInt64(candidate.skills.count))
        for held in candidate.skills {
            digest.add(held.skill)
            digest.add(held.level.bitPattern)
            digest.add(held.evidence)
        }
        digest.add(UInt64(candidate.credentials.count))
        for credential in candidate.credentials { digest.add(credential) }
        let hex = String(digest.value, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// FNV-1a, 64 bits, with every field length-prefixed so that field boundaries count.
    private struct Digest {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }

        mutating func add(_ number: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
        }

        mutating func add(_ text: String?) {
            guard let text else { return add(byte: 0) }
            add(byte: 1)
            add(UInt64(text.utf8.count))
            for byte in text.utf8 { add(byte: byte) }
        }
    }
}
