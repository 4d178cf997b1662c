import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs work on all cores without oversubscribing them.
public enum Parallel {
    /// The number of worker threads batch work uses: the active processor count, at least 1.
    public static var threadCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Calls `body(part)` for `part` in `0 ..< parts`, concurrently, and returns when all are done.
    ///
    /// The body must only write to state that belongs to its part.
    public static func forEach(_ parts: Int, _ body: (Int) -> Void) {
        if parts <= 1 {
            if parts == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: parts) { box.value($0) }
        }
    }

    /// Runs two independent pieces of work concurrently and returns both results.
    ///
    /// The second runs on a thread of its own and the first on the calling thread, so that nested calls (a piece of
    /// work that itself calls `both`) stay concurrent: a `concurrentPerform` nested in another runs serially once
    /// the pool is busy, which left a resume's indexes built one after the other on 2 cores.
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        withoutActuallyEscaping(second) { second in
            // The thread holds the box, and the box lets go of the closure before signalling: the closure must not
            // outlive this call, and a finished Thread keeps its block until it is deallocated.
            let task = SecondTask(second)
            let thread = Thread { task.run() }
            thread.stackSize = 8 << 20
            thread.start()
            let a = first()
            return (a, task.wait())
        }
    }

    /// Splits `0 ..< count` into `parts` contiguous ranges of nearly equal size.
    public static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, count))
        return (0 ..< parts).map { part in (count * part / parts) ..< (count * (part + 1) / parts) }
    }
}

/// Carries a non-`Sendable` value into `concurrentPerform`.
///
/// Invariant: the closure it carries only writes to memory owned by the part it is called for, and
/// ``Parallel/forEach(_:_:)`` waits for every part before returning, so no access outlives the call or races.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The number of threads the BLAS library itself uses.
public enum BLASThreads {
    private typealias SetThreads = @convention(c) (Int32) -> Void

    /// Sets OpenBLAS's thread count, when the BLAS at run time is OpenBLAS; returns whether it could.
    ///
    /// Batch scoring runs one BLAS call per worker thread, so each call must use one thread, or the two levels
    /// of threads fight over the cores.
    @discardableResult
    public static func set(_ count: Int32) -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openblas_set_num_threads") else { return false }
        unsafeBitCast(symbol, to: SetThreads.self)(count)
        return true
    }
}

/// ``Parallel/both(_:_:)``'s second task: its closure until it runs, then its result, written by its thread before it
/// signals and read after the wait.
private final class SecondTask<Value>: @unchecked Sendable {
    private var work: (@Sendable () -> Value)?
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) { self.work = work }

    func run() {
        if let work {
            self.work = nil
            value = work()
        }
        done.signal()
    }

    func wait() -> Value {
        done.wait()
        guard let value else { preconditionFailure("the second task has ended without a result") }
        return value
    }
}
