import Foundation

/// A progress line on standard error, shown only when it is a terminal: done/total, rate and time left.
final class Progress {
    private let total: Int
    private let label: String
    private let enabled = isatty(STDERR_FILENO) != 0
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    private var elapsed: Double {
        let components = (ContinuousClock.now - start).components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    func update(_ done: Int) {
        guard enabled, ContinuousClock.now - lastDraw > .milliseconds(100) || done == total else { return }
        lastDraw = ContinuousClock.now
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        FileHandle.standardError.write(Data(String(format: "\r%d/%d %@  %.0f/s  %.0fs left ", done, total, label, rate, left).utf8))
    }

    /// A bar for work measured in bytes, with a count of items done: `[#####     ] 52%  41,200 candidates  98,000/s  0:03 left`.
    func update(bytes done: Int, items: Int) {
        guard enabled, ContinuousClock.now - lastDraw > .milliseconds(200) || done == total else { return }
        lastDraw = ContinuousClock.now
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int(fraction * 20)
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 20 - filled)
        let seconds = elapsed
        let rate = seconds > 0 ? Double(items) / seconds : 0
        let left = fraction > 0 ? Int(seconds / fraction - seconds) : 0
        let line = String(format: "\r[%@] %3.0f%%  %d %@  %.0f/s  %d:%02d left ", bar, fraction * 100, items, label, rate, left / 60, left % 60)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
