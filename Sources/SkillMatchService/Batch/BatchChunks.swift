import SkillMatch
import SkillMatchImport

/// A chunk of JSON Lines cut into one part per worker.
public enum BatchChunks {
    /// One worker's share of a chunk.
    public struct Part: Sendable {
        public var range: Range<Int>
        public var firstLine: Int
        public var firstOrdinal: Int
        public var records: Int
    }

    /// Splits a chunk of whole lines into `parts` runs of whole lines of about equal size, numbering their
    /// first lines and first records.
    public static func split(_ bytes: [UInt8], parts: Int, firstLine: Int, firstOrdinal: Int) -> [Part] {
        bytes.withUnsafeBufferPointer { bytes in
            var result: [Part] = []
            var start = 0
            var line = firstLine
            var ordinal = firstOrdinal
            for part in 0 ..< max(1, parts) {
                var end = part == parts - 1 ? bytes.count : max(start, bytes.count * (part + 1) / parts)
                while end < bytes.count && end > 0 && bytes[end - 1] != 0x0A { end += 1 }
                let slice = UnsafeBufferPointer(rebasing: bytes[start ..< end])
                let (newlines, records) = CandidateLineParser.countLines(slice)
                result.append(Part(range: start ..< end, firstLine: line, firstOrdinal: ordinal, records: records))
                line += newlines
                ordinal += records
                start = end
            }
            return result
        }
    }
}
