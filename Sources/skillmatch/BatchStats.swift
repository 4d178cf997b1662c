import Foundation
import SkillMatchService

/// Phase timings of a `batch` run, in seconds.
struct BatchTimings: Encodable {
    /// Opening the catalogue and encoding its jobs.
    var setup = 0.0
    /// Reading and parsing the candidates.
    var read = 0.0
    /// Scoring and top-k selection.
    var score = 0.0
    /// Formatting and writing the results.
    var write = 0.0
    /// The whole run.
    var total = 0.0
}

/// What `--stats FILE` holds: `{"candidates", "seconds": {"read", "score", "write", "total"}}`, plus the jobs,
/// the kernel and the threads used.
struct BatchStats: Encodable {
    var candidates: Int
    var jobs: Int
    var kernel: String
    var threads: Int
    var seconds: BatchTimings

    func write(to sink: BatchSink) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            try sink.write(Array(encoder.encode(self) + Data("\n".utf8)))
            try sink.commit()
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("cannot write the statistics: \(error.localizedDescription)")
        }
    }
}
