import Dispatch
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
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        var a: A?
        var b: B?
        withUnsafeMutablePointer(to: &a) { a in
            withUnsafeMutablePointer(to: &b) { b in
                let (pa, pb) = (UncheckedBox(a), UncheckedBox(b))
                forEach(2) { part in
                    if part == 0 { pa.value.pointee = first() } else { pb.value.pointee = second() }
                }
            }
        }
        return (a!, b!)
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
