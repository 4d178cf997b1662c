import Foundation
import SkillMatch
import SkillMatchImport
import SkillVectors

/// `batch`'s scoring of JSON Lines candidates against every job (the best jobs per candidate), a chunk of whole lines
/// at a time: parsed on every worker, scored (fit by the batch kernels; people read from documents ranked as `match`
/// ranks them), and written as JSON Lines or CSV. The CLI's `batch` and the server's `POST /v1/batch` both run it, so
/// their lines are the same.
public struct BatchPipeline: Sendable {
    public let matcher: BatchMatcher
    public let resolver: ResumeTextResolver
    public let writer: BatchWriter
    public let top: Int
    public let minimumScore: Double
    public let workers: Int

    public init(
        matcher: BatchMatcher, resolver: ResumeTextResolver, writer: BatchWriter, top: Int, minimumScore: Double = 0,
        workers: Int = Parallel.threadCount
    ) {
        (self.matcher, self.resolver, self.writer) = (matcher, resolver, writer)
        (self.top, self.minimumScore, self.workers) = (top, minimumScore, max(1, workers))
    }

    /// The scores of some blocks: per block, each candidate's best jobs by fit, and the ranking of those read from
    /// documents by row.
    public struct Scored: Sendable {
        public var results: [[[RankedIndex]]]
        public var documents: [[Int: [DocumentJobScore]]]
    }

    /// Parses a chunk of whole lines into one block per worker.
    /// - Parameters:
    ///   - file: how messages name the input.
    ///   - keep: the record ordinals to keep (a shard); the others are parsed and skipped.
    /// - Returns: the blocks, and the ordinal after the chunk's last record.
    /// - Throws: the first bad record's ``InputError`` (file, line, field).
    public func blocks(
        _ bytes: [UInt8], file: String, firstLine: Int, firstOrdinal: Int, keep: Range<Int> = 0 ..< Int.max
    ) throws(InputError) -> (blocks: [CandidateBlock], nextOrdinal: Int) {
        let parts = BatchChunks.split(bytes, parts: workers, firstLine: firstLine, firstOrdinal: firstOrdinal)
        var blocks = [CandidateBlock](repeating: CandidateBlock(), count: parts.count)
        var failures = [InputError?](repeating: nil, count: parts.count)
        let (matcher, resolver) = (self.matcher, self.resolver)
        bytes.withUnsafeBufferPointer { bytes in
            blocks.withUnsafeMutableBufferPointer { blocks in
                failures.withUnsafeMutableBufferPointer { failures in
                    guard let blocks = blocks.baseAddress, let failures = failures.baseAddress else { return }
                    Parallel.forEach(parts.count) { index in
                        let part = parts[index]
                        var parser = CandidateLineParser(matcher: matcher, file: file, resolver: resolver)
                        do throws(InputError) {
                            _ = try parser.parse(
                                UnsafeBufferPointer(rebasing: bytes[part.range]), firstLine: part.firstLine,
                                firstOrdinal: part.firstOrdinal, keep: keep, into: &blocks[index])
                        } catch {
                            failures[index] = error
                        }
                    }
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return (blocks, parts.last.map { $0.firstOrdinal + $0.records } ?? firstOrdinal)
    }

    /// Scores blocks on every worker (one block per worker, or all workers on a single block).
    public func score(_ blocks: [CandidateBlock]) -> Scored {
        var results = [[[RankedIndex]]](repeating: [], count: blocks.count)
        var documents = [[Int: [DocumentJobScore]]](repeating: [:], count: blocks.count)
        let (matcher, resolver, top, minimumScore, workers) = (self.matcher, self.resolver, self.top, self.minimumScore, self.workers)
        results.withUnsafeMutableBufferPointer { results in
            documents.withUnsafeMutableBufferPointer { documents in
                guard let results = results.baseAddress, let documents = documents.baseAddress else { return }
                Parallel.forEach(blocks.count) { part in
                    results[part] = matcher.scorer.topJobs(
                        blocks[part].held, k: top, minimumScore: minimumScore, threads: blocks.count > 1 ? 1 : workers)
                    documents[part] = resolver.rank(blocks[part].documents, top: top, minimumScore: minimumScore)
                }
            }
        }
        return Scored(results: results, documents: documents)
    }

    /// The output of scored blocks, in input order.
    public func lines(_ blocks: [CandidateBlock], _ scored: Scored) -> [UInt8] {
        var texts = [[UInt8]](repeating: [], count: blocks.count)
        let writer = self.writer
        texts.withUnsafeMutableBufferPointer { texts in
            guard let texts = texts.baseAddress else { return }
            Parallel.forEach(blocks.count) { part in
                texts[part] = writer.jobLines(blocks[part], scored.results[part], documents: scored.documents[part])
            }
        }
        return texts.flatMap { $0 }
    }
}
