import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of progress on standard error, rewritten in place, shown only when standard error is a terminal
/// (so pipes, logs and tests never see it). Results always go to standard output.
struct ProgressLine {
    /// Whether standard error is a terminal.
    let isShown = isatty(2) == 1
    private var last = ContinuousClock.now - .seconds(1)

    /// Shows `message`, at most ten times a second unless `force`.
    mutating func show(_ message: String, force: Bool = false) {
        guard isShown else { return }
        let now = ContinuousClock.now
        guard force || now - last >= .milliseconds(100) else { return }
        last = now
        FileHandle.standardError.write(Data("\rskillmatch: \(message)\u{1B}[K".utf8))
    }

    /// Clears the line.
    func finish() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
