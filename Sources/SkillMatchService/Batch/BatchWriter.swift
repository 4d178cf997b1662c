import Foundation
import SkillMatch
import SkillMatchImport
import SkillVectors

/// Formats `batch` results: JSON Lines or CSV, as bytes.
public struct BatchWriter: Sendable {
    public let format: BatchFormat
    public let direction: BatchDirection
    /// Each job's id, already escaped for the output format.
    private let jobIDs: [[UInt8]]
    /// Each job's index by id.
    private let catalogJobIndex: [String: Int]

    public init(catalog: Catalog, format: BatchFormat, direction: BatchDirection) {
        self.format = format
        self.direction = direction
        catalogJobIndex = Dictionary(uniqueKeysWithValues: catalog.jobs.enumerated().map { ($1.id, $0) })
        jobIDs = catalog.jobs.map { job in
            var bytes: [UInt8] = []
            if format == .csv { BatchText.appendCSVCell(job.id, to: &bytes) } else { BatchText.appendJSONString(job.id, to: &bytes) }
            return bytes
        }
    }

    /// The CSV header row, or `nil` for JSON Lines.
    public var header: [UInt8]? {
        guard format == .csv else { return nil }
        return Array((direction == .jobs ? "candidate,rank,job,score\r\n" : "job,rank,candidate,score\r\n").utf8)
    }

    /// One line per candidate of the block (JSON Lines), or one row per match (CSV).
    /// - Parameter documents: the ranked jobs of the block's candidates read from documents, by row: they replace
    ///   `results` for those rows, in rank order, with `rank` and `relevance` written beside `score` (JSON Lines).
    public func jobLines(_ block: CandidateBlock, _ results: [[RankedIndex]], documents: [Int: [DocumentJobScore]] = [:]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(block.count * (40 + 40 * (results.first?.count ?? 0)))
        for (row, (id, fitMatches)) in zip(block.ids, results).enumerated() {
            let document = documents[row]
            let matches = document.map { list in
                list.map { RankedIndex(index: catalogJobIndex[$0.job] ?? 0, score: $0.fit) }
            } ?? fitMatches
            if format == .csv {
                var cell: [UInt8] = []
                BatchText.appendCSVCell(id, to: &cell)
                for (rank, match) in matches.enumerated() {
                    out.append(contentsOf: cell)
                    out.append(UInt8(ascii: ","))
                    BatchText.appendInteger(rank + 1, to: &out)
                    out.append(UInt8(ascii: ","))
                    out.append(contentsOf: jobIDs[match.index])
                    out.append(UInt8(ascii: ","))
                    BatchText.appendFixedScore(match.score, to: &out)
                    out.append(contentsOf: [0x0D, 0x0A])
                }
            } else {
                out.append(contentsOf: #"{"candidate":"#.utf8)
                BatchText.appendJSONString(id, to: &out)
                out.append(contentsOf: #","matches":["#.utf8)
                for (rank, match) in matches.enumerated() {
                    if rank > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: #"{"job":"#.utf8)
                    out.append(contentsOf: jobIDs[match.index])
                    if let scored = document?[rank] {
                        out.append(contentsOf: #","rank":"#.utf8)
                        BatchText.appendScore(scored.rank, to: &out)
                        out.append(contentsOf: #","relevance":"#.utf8)
                        BatchText.appendScore(scored.relevance, to: &out)
                    }
                    out.append(contentsOf: #","score":"#.utf8)
                    BatchText.appendScore(match.score, to: &out)
                    out.append(UInt8(ascii: "}"))
                }
                out.append(contentsOf: "]}\n".utf8)
            }
        }
        return out
    }

    /// One line per job of `jobs`, in id order (JSON Lines), or one row per match (CSV).
    public func candidateLines(_ rankings: CandidateRankings<String>, jobs: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        for job in jobs {
            let ranked = rankings.ranked(job: job)
            if format == .csv {
                for (rank, match) in ranked.enumerated() {
                    out.append(contentsOf: jobIDs[job])
                    out.append(UInt8(ascii: ","))
                    BatchText.appendInteger(rank + 1, to: &out)
                    out.append(UInt8(ascii: ","))
                    BatchText.appendCSVCell(match.tie, to: &out)
                    out.append(UInt8(ascii: ","))
                    BatchText.appendFixedScore(match.score, to: &out)
                    out.append(contentsOf: [0x0D, 0x0A])
                }
            } else {
                out.append(contentsOf: #"{"job":"#.utf8)
                out.append(contentsOf: jobIDs[job])
                out.append(contentsOf: #","matches":["#.utf8)
                for (rank, match) in ranked.enumerated() {
                    if rank > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: #"{"candidate":"#.utf8)
                    BatchText.appendJSONString(match.tie, to: &out)
                    out.append(contentsOf: #","score":"#.utf8)
                    BatchText.appendScore(match.score, to: &out)
                    out.append(UInt8(ascii: "}"))
                }
                out.append(contentsOf: "]}\n".utf8)
            }
        }
        return out
    }
}
