import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService

extension BatchFormat: ExpressibleByArgument {}

/// Where `batch` writes: a regular file written under a temporary name and renamed into place only when the whole
/// run succeeded (so a failed run never leaves a truncated file where a good one was), a device or FIFO written
/// through (`/dev/null`, `/dev/stdout`, a pipe), or standard output. A symbolic link is followed: its target is
/// written, the link stays. SIGINT, SIGTERM and SIGHUP remove the temporary file before the process ends.
final class BatchSink {
    private let destination: String?
    private let temporary: String?
    private let descriptor: Int32
    private var finished = false

    /// - Parameters:
    ///   - path: the file the user named (`nil` or `-`: standard output).
    ///   - option: the option that named it, for messages.
    ///   - protected: files that must never be written: the catalogue database and the inputs.
    init(path: String?, option: String = "--out", protected: [(file: String, role: String)] = []) throws {
        guard let path, path != "-" else {
            destination = nil
            temporary = nil
            descriptor = STDOUT_FILENO
            return
        }
        let target = try OutputPath.check(path, option: option, protected: protected)
        if target.writeThrough {
            let descriptor = open(target.path, O_WRONLY | O_APPEND)
            guard descriptor >= 0 else {
                throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            self.destination = path
            self.temporary = nil
            self.descriptor = descriptor
            return
        }
        let url = URL(fileURLWithPath: target.path)
        TemporaryFiles.removeStale(in: url.deletingLastPathComponent().path, prefix: ".\(url.lastPathComponent).partial-")
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno))) (check that its folder exists and is writable)")
        }
        TemporaryFiles.add(temporary)
        self.destination = target.path
        self.temporary = temporary
        self.descriptor = descriptor
    }

    /// Writes bytes, all of them.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw CLIError("cannot write \(destination ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Moves the finished file into place (closes a device or FIFO).
    func commit() throws {
        finished = true
        guard let destination else { return }
        guard let temporary else {
            close(descriptor)
            return
        }
        defer { TemporaryFiles.remove(temporary) }
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError("cannot write \(destination): \(reason)")
        }
    }

    /// Removes the temporary file of a run that did not finish.
    deinit {
        guard !finished, destination != nil else { return }
        close(descriptor)
        if let temporary {
            unlink(temporary)
            TemporaryFiles.remove(temporary)
        }
    }
}

/// Checks on a path the user named as an output.
enum OutputPath {
    /// Where to write `path`, after following symbolic links, and whether to write through (a device, FIFO or
    /// socket) instead of replacing a regular file.
    ///
    /// - Throws: when the output is one of the `protected` files (the same file, however named), or a folder.
    static func check(_ path: String, option: String, protected: [(file: String, role: String)]) throws -> (path: String, writeThrough: Bool) {
        guard !path.isEmpty else { throw CLIError("\(option) needs a file name") }
        var target = path
        var hops = 0
        while let link = try? FileManager.default.destinationOfSymbolicLink(atPath: target) {
            hops += 1
            guard hops <= 32 else { throw CLIError("cannot write \(path): too many levels of symbolic links") }
            target = link.hasPrefix("/") ? link : (URL(fileURLWithPath: target).deletingLastPathComponent().path + "/" + link)
        }
        var status = stat()
        guard stat(target, &status) == 0 else { return (target, false) }  // a new file
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR { throw CLIError("\(option) \(path) is a folder; name a file") }
        for (file, role) in protected {
            var other = stat()
            if stat(file, &other) == 0, other.st_dev == status.st_dev, other.st_ino == status.st_ino, kind == S_IFREG {
                throw CLIError("\(option) \(path) is \(role); name another file (nothing was written)")
            }
        }
        return (target, kind != S_IFREG)
    }
}
