import SkillVectors

/// The two indexes a document is read with, ``JobTextIndex`` and ``TitleIndex``, stored with the catalogue by every
/// import (as the skill extractor's index is), so that reading one resume does not rebuild them (for ESCO's 3,007
/// occupations and 33,000 titles, about 0.27 s of CPU).
///
/// Layout (little-endian): the magic `SMDX`, ``formatVersion``, the text index (term sources, words, idf, postings,
/// job count), the title index (each normalised title with the title shown, its jobs and whether the shown title is
/// an alternate; the prefixes), and an FNV-1a checksum. Reading checks every count, column, word and job index.
public struct DocumentIndexes: Sendable {
    /// The text relevance index.
    public let textIndex: JobTextIndex
    /// The title index.
    public let titleIndex: TitleIndex

    /// Bumped whenever what ``JobTextIndex/init(catalog:)`` or ``TitleIndex/init(catalog:)`` build changes.
    public static let formatVersion: UInt32 = 1

    /// Builds both indexes, concurrently.
    public init(catalog: Catalog) {
        (textIndex, titleIndex) = Parallel.both({ JobTextIndex(catalog: catalog) }, { TitleIndex(catalog: catalog) })
    }

    /// A hash of everything both indexes are built from (and more): the format version, every skill's id and label,
    /// every job's id, titles, description, tasks and required skill ids, in catalogue order (16 hex digits).
    public static func fingerprint(_ catalog: Catalog) -> String {
        var hasher = FNV1a()
        hasher.add("skillmatch-document-indexes")
        hasher.add(Int(formatVersion))
        hasher.add(catalog.skills.count)
        for skill in catalog.skills {
            hasher.add(skill.id)
            hasher.add(skill.label)
        }
        hasher.add(catalog.jobs.count)
        for job in catalog.jobs {
            hasher.add(job.id)
            hasher.add(job.title)
            hasher.add(job.description ?? "")
            for list in [job.alternateTitles, job.hiddenTitles, job.tasks, job.requirements.map(\.skill)] {
                hasher.add(list.count)
                for text in list { hasher.add(text) }
            }
        }
        return CatalogFingerprint(value: hasher.state).description
    }

    /// Both indexes as bytes.
    public func serialized() -> [UInt8] {
        var writer = ByteWriter(magic: "SMDX", version: Self.formatVersion)
        textIndex.write(to: &writer)
        titleIndex.write(to: &writer)
        return writer.sealed()
    }

    /// The indexes from ``serialized()`` bytes written for `catalog`; `nil` when the bytes are damaged, of another
    /// format version, or do not fit the catalogue.
    public init?(serialized bytes: [UInt8], catalog: Catalog) {
        guard var reader = ByteReader(sealed: bytes, magic: "SMDX", version: Self.formatVersion),
              let textIndex = JobTextIndex(from: &reader, jobs: catalog.jobs.count),
              let titleIndex = TitleIndex(from: &reader, jobs: catalog.jobs.count), reader.atEnd
        else { return nil }
        self.textIndex = textIndex
        self.titleIndex = titleIndex
    }
}

extension JobTextIndex {
    func write(to writer: inout ByteWriter) {
        writer.u32(UInt32(termSources.count))
        for source in termSources { writer.u64(UInt64(bitPattern: source)) }
        writer.u32(UInt32(wordList.count))
        for word in wordList { writer.string(word) }
        for value in idf { writer.u64(value.bitPattern) }
        writer.u32(UInt32(postingStarts.count))
        for start in postingStarts { writer.u32(UInt32(start)) }
        writer.i32s(postingJobs)
        for weight in postingWeights { writer.u32(weight.bitPattern) }
        writer.u32(UInt32(jobCount))
    }

    init?(from reader: inout ByteReader, jobs: Int) {
        guard let columns = reader.count(ofSize: 8) else { return nil }
        var sources: [Int64] = []
        sources.reserveCapacity(columns)
        for _ in 0 ..< columns {
            guard let value = reader.u64() else { return nil }
            sources.append(Int64(bitPattern: value))
        }
        guard let wordCount = reader.count(ofSize: 4) else { return nil }
        var wordList: [String] = []
        wordList.reserveCapacity(wordCount)
        for _ in 0 ..< wordCount {
            guard let word = reader.string() else { return nil }
            wordList.append(word)
        }
        var idf: [Double] = []
        idf.reserveCapacity(columns)
        for _ in 0 ..< columns {
            guard let bits = reader.u64() else { return nil }
            idf.append(Double(bitPattern: bits))
        }
        guard let startCount = reader.count(ofSize: 4), startCount == columns + 1 else { return nil }
        var starts: [Int] = []
        starts.reserveCapacity(startCount)
        for _ in 0 ..< startCount {
            guard let start = reader.u32(), Int(start) >= (starts.last ?? 0) else { return nil }
            starts.append(Int(start))
        }
        guard let postingJobs = reader.i32s(), starts.first == 0, starts.last == postingJobs.count,
              postingJobs.allSatisfy({ (0 ..< Int32(jobs)).contains($0) }) else { return nil }
        var weights: [Float] = []
        weights.reserveCapacity(postingJobs.count)
        for _ in 0 ..< postingJobs.count {
            guard let bits = reader.u32() else { return nil }
            weights.append(Float(bitPattern: bits))
        }
        guard let jobCount = reader.u32(), Int(jobCount) == jobs else { return nil }
        // Words and pairs are rebuilt from the columns' sources.
        var words: [String: Int32] = [:]
        var pairs: [UInt64: Int32] = [:]
        words.reserveCapacity(wordCount)
        for (column, source) in sources.enumerated() {
            if source < 0 {
                guard -source - 1 < Int64(wordCount) else { return nil }
                words[wordList[Int(-source - 1)]] = Int32(column)
            } else {
                // A pair joins two words met before it (so spelling a term never recurses more than once).
                let first = Int(source >> 32), second = Int(source & 0xFFFF_FFFF)
                guard first < column, second < column, sources[first] < 0, sources[second] < 0 else { return nil }
                pairs[UInt64(source)] = Int32(column)
            }
        }
        guard words.count == wordCount, idf.allSatisfy(\.isFinite), weights.allSatisfy(\.isFinite) else { return nil }
        self.init(words: words, pairs: pairs, termSources: sources, wordList: wordList, idf: idf, postingStarts: starts,
                  postingJobs: postingJobs, postingWeights: weights, jobCount: jobs)
    }
}

extension TitleIndex {
    func write(to writer: inout ByteWriter) {
        let keys = titleEntries.keys.sorted()
        writer.u32(UInt32(keys.count))
        for key in keys {
            guard let entry = titleEntries[key] else { continue }
            writer.string(key)
            writer.string(entry.title)
            writer.i32s(entry.jobs.map { Int32($0) })
            writer.bytes.append(entry.shownIsAlternate ? 1 : 0)
        }
        let prefixes = titlePrefixes.sorted()
        writer.u32(UInt32(prefixes.count))
        for prefix in prefixes { writer.string(prefix) }
    }

    init?(from reader: inout ByteReader, jobs: Int) {
        guard let count = reader.count(ofSize: 13) else { return nil }
        var titles: [String: (title: String, jobs: [Int], shownIsAlternate: Bool)] = [:]
        titles.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let key = reader.string(), let title = reader.string(), let owners = reader.i32s(),
                  owners.allSatisfy({ (0 ..< Int32(jobs)).contains($0) }), let flag = reader.take(1), flag[0] <= 1
            else { return nil }
            titles[key] = (title, owners.map(Int.init), flag[0] == 1)
        }
        guard titles.count == count, let prefixCount = reader.count(ofSize: 4) else { return nil }
        var prefixes = Set<String>()
        prefixes.reserveCapacity(prefixCount)
        for _ in 0 ..< prefixCount {
            guard let prefix = reader.string() else { return nil }
            prefixes.insert(prefix)
        }
        self.init(titles: titles, prefixes: prefixes)
    }
}
