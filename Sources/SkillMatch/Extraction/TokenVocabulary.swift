/// The normalised words the extractor knows (those of labels and cue phrases), each with a dense id, looked up by
/// their UTF-8 bytes without building a `String`.
///
/// Open addressing with linear probing over a power-of-two table, FNV-1a hashing; words are stored back to back in
/// one byte array.
struct TokenVocabulary: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Slot → id + 1, 0 when empty.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// The number of words.
    var count: Int { starts.count - 1 }

    init() {}

    /// A vocabulary from its stored parts (checked by the caller).
    init(bytes: [UInt8], starts: [Int], slots: [Int32]) {
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
    }

    var storedBytes: [UInt8] { bytes }
    var storedStarts: [Int] { starts }
    var storedSlots: [Int32] { slots }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The id of a word, or -1.
    @inline(__always)
    func id(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        return bytes.withUnsafeBufferPointer { all in
            while true {
                let entry = slots[slot]
                if entry == 0 { return -1 }
                let index = Int(entry - 1)
                let start = starts[index]
                let end = starts[index + 1]
                if end - start == key.count {
                    var equal = true
                    for k in 0 ..< key.count where all[start + k] != key[k] { equal = false; break }
                    if equal { return Int32(index) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of a word, or -1.
    func id(_ word: [UInt8]) -> Int32 { word.withUnsafeBufferPointer { id($0) } }

    /// The id of a word, added when new.
    mutating func insert(_ word: [UInt8]) -> Int32 {
        let existing = id(word)
        if existing >= 0 { return existing }
        let index = Int32(count)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        if count * 2 > slots.count { rehash(slots.count * 2) } else { place(Int(index)) }
        return index
    }

    /// The word with this id.
    func word(_ id: Int32) -> [UInt8] { Array(bytes[starts[Int(id)] ..< starts[Int(id) + 1]]) }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        let start = starts[index]
        let end = starts[index + 1]
        var slot = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start ..< end])) } & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private mutating func rehash(_ capacity: Int) {
        slots = [Int32](repeating: 0, count: capacity)
        for index in 0 ..< count { place(index) }
    }
}
