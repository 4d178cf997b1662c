import Foundation

/// Temporary files of this process, removed when SIGINT, SIGTERM or SIGHUP ends it.
public enum TemporaryFiles {
    private static let lock = NSLock()
    /// The paths as C strings, read by the signal handler.
    nonisolated(unsafe) private static var paths: [UnsafeMutablePointer<CChar>] = []
    nonisolated(unsafe) private static var installed = false

    public static func add(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.append(strdup(path))
        if !installed {
            installed = true
            var set = sigset_t()
            sigemptyset(&set)
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                Glibc.signal(signal, handleSignal)
                sigaddset(&set, signal)
            }
            // A parent may have started us with these blocked (Foundation's Process does): they would never arrive.
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
    }

    /// Removes `PREFIX<pid>` files in `folder` whose process has ended (a run killed with SIGKILL cannot clean up).
    public static func removeStale(in folder: String, prefix: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).prefix { $0.isNumber }
            if let pid = Int32(pid), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    public static func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.removeAll { pointer in
            guard String(cString: pointer) == path else { return false }
            free(pointer)
            return true
        }
    }

    /// Unlinks every temporary file (async-signal-safe calls only), then ends the process by the same signal.
    fileprivate static func unlinkAll() {
        for pointer in paths { unlink(pointer) }
    }
}

private func handleSignal(_ signal: Int32) {
    TemporaryFiles.unlinkAll()
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
