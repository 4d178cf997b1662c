/// A 64-bit FNV-1a hash of the catalogue content a relatedness model learns from, written as 16 hex digits.
///
/// Hashed, in id order: every skill's id, `broader` list and `related` list (skill and relation); every skill
/// group's id and `broader` list; every job's id, job zone, ISCO group and requirements (skill, importance and level
/// as IEEE-754 bits); every credential's id and grants (skill and level bits). Labels, descriptions and other facts a
/// model does not read are left out, so editing them does not make a model stale; anything else changed does. Not a
/// cryptographic hash: it detects a changed catalogue, it does not resist forgery.
public struct CatalogFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The hash value.
    public let value: UInt64

    /// Creates a fingerprint from its value.
    public init(value: UInt64) { self.value = value }

    /// The fingerprint of a catalogue.
    /// - Complexity: O(size of the hashed content).
    public init(_ catalog: Catalog) {
        var hasher = FNV1a()
        hasher.add("skillmatch-catalogue-v1")
        hasher.add(catalog.skills.count)
        for skill in catalog.skills {
            hasher.add(skill.id)
            hasher.add(skill.broader.count)
            for id in skill.broader { hasher.add(id) }
            hasher.add(skill.related.count)
            for relation in skill.related {
                hasher.add(relation.skill)
                hasher.add(relation.relation)
            }
        }
        hasher.add(catalog.skillGroups.count)
        for group in catalog.skillGroups {
            hasher.add(group.id)
            hasher.add(group.broader.count)
            for id in group.broader { hasher.add(id) }
        }
        hasher.add(catalog.jobs.count)
        for job in catalog.jobs {
            hasher.add(job.id)
            hasher.add(job.jobZone ?? -1)
            hasher.add(job.iscoGroup ?? "")
            hasher.add(job.requirements.count)
            for requirement in job.requirements {
                hasher.add(requirement.skill)
                hasher.add(requirement.importance)
                hasher.add(requirement.level)
            }
        }
        hasher.add(catalog.credentials.count)
        for credential in catalog.credentials {
            hasher.add(credential.id)
            hasher.add(credential.grants.count)
            for grant in credential.grants {
                hasher.add(grant.skill)
                hasher.add(grant.level)
            }
        }
        value = hasher.state
    }

    /// Parses 16 hex digits.
    public init?(hex: String) {
        guard hex.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    /// 16 lower-case hex digits.
    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The 64-bit FNV-1a hash, fed with length-prefixed fields so that field boundaries count.
struct FNV1a {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ value: Double) { add(value.bitPattern) }

    mutating func add(_ text: String) {
        add(text.utf8.count)
        for byte in text.utf8 { add(byte: byte) }
    }
}
