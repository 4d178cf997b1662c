/// The extractor's built index as bytes, so that a catalogue can store it and a run that reads one resume does not
/// rebuild it (building it for ESCO's 124,000 label forms takes about 0.6 s of CPU; reading it back, a few tens of
/// milliseconds).
///
/// Layout (little-endian): the magic `SMLX`, ``formatVersion``, then the vocabulary (words' bytes, their start
/// offsets, the hash slots), the two root transition arrays, the deeper transitions as (key, node) pairs, the
/// terminal entry of each node, the entries, and an FNV-1a checksum of everything before it. Reading checks every
/// length, offset, node, entry and skill index, so damaged bytes are refused, never followed.
extension SkillExtractor {
    /// Bumped whenever what ``SkillExtractor/init(catalog:)`` builds changes (rules, normalisation, cue words), so
    /// that stored indexes built by an older version are not used. `LabelIndexFileTests` fails on any change of the
    /// demo catalogue's index bytes, as a reminder.
    public static let formatVersion: UInt32 = 1

    /// A hash of everything the index is built from: the format version and every skill's id, type, labels and
    /// description, in id order (16 hex digits).
    public static func fingerprint(_ catalog: Catalog) -> String {
        var hasher = FNV1a()
        hasher.add("skillmatch-extractor-index")
        hasher.add(Int(formatVersion))
        hasher.add(catalog.skills.count)
        for skill in catalog.skills {
            hasher.add(skill.id)
            hasher.add(skill.type?.rawValue ?? "")
            hasher.add(skill.label)
            hasher.add(skill.description ?? "")
            for list in [skill.altLabels, skill.hiddenLabels] {
                hasher.add(list.count)
                for label in list { hasher.add(label) }
            }
        }
        return CatalogFingerprint(value: hasher.state).description
    }

    /// The index as bytes.
    public func serialized() -> [UInt8] {
        var writer = ByteWriter(magic: "SMLX", version: Self.formatVersion)
        index.vocabulary.write(to: &writer)
        writer.u32(UInt32(index.rootChildren.count))
        for children in index.rootChildren { writer.i32s(children) }
        let keys = index.transitions.keys.sorted()
        writer.u32(UInt32(keys.count))
        for key in keys {
            writer.u64(key)
            writer.i32(index.transitions[key] ?? -1)
        }
        writer.i32s(index.terminal)
        writer.u32(UInt32(index.entries.count))
        for entry in index.entries {
            writer.i32(entry.skill)
            writer.string(entry.label)
            writer.bytes += [entry.kind.code, entry.strength.rawValue, entry.shape.rawValue, entry.exactCase ? 1 : 0, entry.plural ? 1 : 0]
            writer.u32(UInt32(entry.words))
            writer.i32s(entry.alternatives)
        }
        writer.u32(UInt32(index.labelCount))
        return writer.sealed()
    }

    /// An extractor from ``serialized()`` bytes of an index built over `catalog`'s skills; `nil` when the bytes are
    /// damaged, of another format version, or do not fit the catalogue.
    public init?(serialized bytes: [UInt8], catalog: Catalog) {
        guard var reader = ByteReader(sealed: bytes, magic: "SMLX", version: Self.formatVersion),
              var vocabulary = TokenVocabulary(from: &reader),
              let roots = reader.u32(), roots == 2
        else { return nil }
        var rootChildren: [[Int32]] = []
        for _ in 0 ..< roots {
            guard let children = reader.i32s() else { return nil }
            rootChildren.append(children)
        }
        guard let transitionCount = reader.count(ofSize: 12) else { return nil }
        var transitions: [UInt64: Int32] = [:]
        transitions.reserveCapacity(transitionCount)
        for _ in 0 ..< transitionCount {
            guard let key = reader.u64(), let node = reader.i32() else { return nil }
            transitions[key] = node
        }
        guard let terminal = reader.i32s(), let entryCount = reader.count(ofSize: 13) else { return nil }
        let skills = Int32(catalog.skills.count)
        var entries: [LabelEntry] = []
        entries.reserveCapacity(entryCount)
        for _ in 0 ..< entryCount {
            guard let skill = reader.i32(), (0 ..< skills).contains(skill), let label = reader.string(),
                  let codes = reader.take(5), let kind = LabelKind(code: codes[0]), let strength = LabelStrength(rawValue: codes[1]),
                  let shape = CaseShape(rawValue: codes[2]), codes[3] <= 1, codes[4] <= 1,
                  let words = reader.u32(), words <= 10_000, let alternatives = reader.i32s(),
                  alternatives.allSatisfy({ (0 ..< skills).contains($0) })
            else { return nil }
            entries.append(LabelEntry(skill: skill, label: label, kind: kind, words: Int(words), strength: strength, shape: shape,
                                      exactCase: codes[3] == 1, alternatives: alternatives, plural: codes[4] == 1))
        }
        guard let labelCount = reader.u32(), reader.atEnd else { return nil }
        // Every node id points into the trie, every terminal into the entries.
        let nodes = Int32(terminal.count)
        guard nodes >= 2,
              rootChildren.allSatisfy({ $0.count <= vocabulary.count && $0.allSatisfy { $0 == -1 || (2 ..< nodes).contains($0) } }),
              transitions.allSatisfy({ (0 ..< nodes).contains(Int32(truncatingIfNeeded: $0.key >> 32)) && (2 ..< nodes).contains($0.value) }),
              terminal.allSatisfy({ $0 == -1 || (0 ..< Int32(entries.count)).contains($0) })
        else { return nil }
        let index = LabelIndex(vocabulary: vocabulary, rootChildren: rootChildren, transitions: transitions, terminal: terminal,
                               entries: entries, labelCount: Int(labelCount))
        // The cue table adds no word to a vocabulary that already holds them (it was serialised after them).
        let before = vocabulary.count
        let cues = CueTable(vocabulary: &vocabulary)
        guard vocabulary.count == before else { return nil }
        self.init(index: index, cues: cues, skillIDs: catalog.skills.map(\.id))
    }
}

/// Appends little-endian values after a 4-byte magic and a format version; ``sealed()`` appends an FNV-1a checksum.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(magic: String, version: UInt32) {
        bytes = Array(magic.utf8)
        u32(version)
    }

    /// The bytes with the FNV-1a checksum of all of them appended.
    func sealed() -> [UInt8] {
        var result = self
        result.u64(ByteReader.checksum(bytes[...]))
        return result.bytes
    }

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }
    mutating func i32s(_ values: [Int32]) {
        u32(UInt32(values.count))
        for value in values { i32(value) }
    }
    mutating func string(_ text: String) {
        u32(UInt32(text.utf8.count))
        bytes += Array(text.utf8)
    }
}

/// Reads little-endian values, returning `nil` past the end.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    var atEnd: Bool { offset == bytes.count }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// A reader after the magic and version of ``ByteWriter/sealed()`` bytes, over everything before the checksum;
    /// `nil` when the checksum, the magic or the version differs.
    init?(sealed: [UInt8], magic: String, version: UInt32) {
        guard sealed.count >= 16 else { return nil }
        let body = sealed[0 ..< sealed.count - 8]
        var tail = ByteReader(bytes: Array(sealed[(sealed.count - 8)...]))
        guard tail.u64() == Self.checksum(body) else { return nil }
        self.init(bytes: Array(body))
        guard take(4) == Array(magic.utf8), u32() == version else { return nil }
    }

    /// FNV-1a over bytes.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        for byte in bytes { hasher.add(byte: byte) }
        return hasher.state
    }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return Array(bytes[offset ..< offset + count])
    }
    mutating func u32() -> UInt32? {
        guard let b = take(4) else { return nil }
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }
    mutating func u64() -> UInt64? {
        guard let low = u32(), let high = u32() else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }
    mutating func i32() -> Int32? { u32().map { Int32(bitPattern: $0) } }
    /// A count of items of at least `size` bytes each that can still fit in what is left.
    mutating func count(ofSize size: Int) -> Int? {
        guard let count = u32(), Int(count) <= (bytes.count - offset) / max(1, size) else { return nil }
        return Int(count)
    }
    mutating func i32s() -> [Int32]? {
        guard let count = count(ofSize: 4) else { return nil }
        var values: [Int32] = []
        values.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let value = i32() else { return nil }
            values.append(value)
        }
        return values
    }
    mutating func string() -> String? {
        guard let count = count(ofSize: 1), let utf8 = take(count) else { return nil }
        return String(validating: utf8, as: UTF8.self)
    }
}

extension LabelKind {
    var code: UInt8 { switch self { case .preferred: 0; case .alternative: 1; case .hidden: 2 } }
    init?(code: UInt8) {
        switch code {
        case 0: self = .preferred
        case 1: self = .alternative
        case 2: self = .hidden
        default: return nil
        }
    }
}

extension TokenVocabulary {
    func write(to writer: inout ByteWriter) {
        writer.u32(UInt32(storedBytes.count))
        writer.bytes += storedBytes
        writer.u32(UInt32(storedStarts.count))
        for start in storedStarts { writer.u32(UInt32(start)) }
        writer.i32s(storedSlots)
    }

    init?(from reader: inout ByteReader) {
        guard let byteCount = reader.count(ofSize: 1), let bytes = reader.take(byteCount),
              let startCount = reader.count(ofSize: 4), startCount >= 1 else { return nil }
        var starts: [Int] = []
        starts.reserveCapacity(startCount)
        for _ in 0 ..< startCount {
            guard let start = reader.u32(), Int(start) <= bytes.count, Int(start) >= (starts.last ?? 0) else { return nil }
            starts.append(Int(start))
        }
        guard starts.first == 0, starts.last == bytes.count, let slots = reader.i32s(), slots.count >= 2,
              slots.count & (slots.count - 1) == 0, slots.count >= 2 * (startCount - 1),
              slots.allSatisfy({ $0 >= 0 && Int($0) <= startCount - 1 })
        else { return nil }
        // Each word in exactly one slot, so that a lookup always reaches an empty slot or its word.
        var seen = [Bool](repeating: false, count: startCount - 1)
        for slot in slots where slot > 0 {
            guard !seen[Int(slot) - 1] else { return nil }
            seen[Int(slot) - 1] = true
        }
        guard !seen.contains(false) else { return nil }
        self.init(bytes: bytes, starts: starts, slots: slots)
    }
}
