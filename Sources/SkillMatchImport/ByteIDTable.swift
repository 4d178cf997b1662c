/// Looks up ids by their UTF-8 bytes without building a `String`: the hot path of reading millions of
/// candidate lines, where each skill and credential id is looked up once.
///
/// Open addressing with linear probing over a power-of-two table, FNV-1a hashing; keys are stored back to back
/// in one byte array.
struct ByteIDTable: Sendable {
    private let keyBytes: [UInt8]
    private let keyStarts: [Int]
    /// Slot → index + 1, 0 when empty.
    private let slots: [Int32]
    private let mask: Int

    /// A table of `ids`; an id's index is its position in the list.
    init(_ ids: [String]) {
        var bytes: [UInt8] = []
        var starts = [0]
        for id in ids {
            bytes.append(contentsOf: id.utf8)
            starts.append(bytes.count)
        }
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { all in
            for index in ids.indices {
                let key = UnsafeBufferPointer(rebasing: all[starts[index] ..< starts[index + 1]])
                var slot = Self.hash(key) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index + 1)
            }
        }
        keyBytes = bytes
        keyStarts = starts
        self.slots = slots
        self.mask = mask
    }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The index of the id spelled by `key`, or `nil`.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        var slot = Self.hash(key) & mask
        return keyBytes.withUnsafeBufferPointer { all in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let index = Int(entry - 1)
                let start = keyStarts[index]
                if keyStarts[index + 1] - start == key.count
                    && (key.isEmpty || memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0) {
                    return Int32(index)
                }
                slot = (slot + 1) & mask
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
