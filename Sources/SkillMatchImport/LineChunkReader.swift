#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in large chunks of whole lines, so a JSON Lines file of any size is processed in bounded memory.
public final class LineChunkReader {
    /// The longest line (one record) accepted by default: 64 MiB. A longer line (`/dev/zero`, a file with no line
    /// breaks) stops the read with an error instead of growing without bound.
    public static let maximumLineBytes = 64 << 20
    /// The longest line this reader accepts.
    public let lineLimit: Int

    /// The file as the user named it.
    public let path: String
    /// The file's size in bytes (0 for a stream).
    public let size: Int
    /// Whether the input is a stream (standard input, a pipe, a device) that can be read only once.
    public let isStream: Bool

    /// How messages name an input: `-` is "standard input".
    public static func displayName(_ path: String) -> String { path == "-" ? "standard input" : path }

    /// Whether a path names a stream that can be read only once (`-`, a FIFO, a character device).
    public static func isStream(_ path: String) -> Bool {
        if path == "-" { return true }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR
    }
    private let descriptor: Int32
    private var buffer: [UInt8]
    /// Bytes of `buffer` holding data not yet returned.
    private var pending = 0
    private var atEnd = false
    /// The line number of the next chunk's first line.
    public private(set) var nextLine = 1

    /// Opens a file.
    /// - Parameter chunkBytes: the size of a read; a chunk holds at least one whole line whatever its length.
    /// - Throws: ``InputError`` when the file cannot be opened.
    public init(path: String, chunkBytes: Int = 4 << 20, lineLimit: Int = maximumLineBytes) throws(InputError) {
        // `-` is standard input, named so in messages.
        let file = path == "-" ? "/dev/stdin" : path
        self.path = Self.displayName(path)
        self.lineLimit = max(1, lineLimit)
        var info = stat()
        guard stat(file, &info) == 0 else { throw InputError(file: self.path, message: "no such file") }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw InputError(file: self.path, message: "is a directory, not a file") }
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(file: self.path, message: "cannot be read (\(String(cString: strerror(errno))))") }
        self.descriptor = descriptor
        self.isStream = (info.st_mode & S_IFMT) != S_IFREG
        self.size = isStream ? 0 : Int(info.st_size)
        self.buffer = [UInt8](repeating: 0, count: max(chunkBytes, 1))
    }

    deinit { close(descriptor) }

    /// The next run of whole lines (the last may lack its newline at the end of the file) and the line number of
    /// its first line; `nil` at the end of the file.
    /// - Throws: ``InputError`` when reading fails.
    public func next() throws(InputError) -> (bytes: [UInt8], firstLine: Int)? {
        while true {
            if !atEnd && pending < buffer.count {
                let got = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress! + pending, raw.count - pending) }
                if got < 0 { throw InputError(file: path, message: "cannot be read (\(String(cString: strerror(errno))))") }
                if got == 0 { atEnd = true } else { pending += got; continue }
            }
            let end: Int
            if atEnd {
                guard pending > 0 else { return nil }
                end = pending
            } else if let newline = lastNewline() {
                end = newline + 1
            } else {
                // One line longer than the buffer: grow it and read on, up to the limit.
                guard buffer.count <= lineLimit else {
                    let size = lineLimit >= 1 << 20 ? "\(lineLimit >> 20) MiB" : "\(lineLimit) bytes"
                    throw InputError(file: path, line: nextLine, message: "the line is longer than \(size); a record must be one line of at most that size")
                }
                buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, lineLimit + 1 - buffer.count)))
                continue
            }
            // A UTF-8 byte order mark at the start of the file is not part of the first record.
            let skip = bytesRead == 0 && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            let chunk = Array(buffer[skip ..< end])
            let rest = pending - end
            if rest > 0 {
                buffer.withUnsafeMutableBufferPointer { b in b.baseAddress!.update(from: b.baseAddress! + end, count: rest) }
            }
            pending = rest
            let first = nextLine
            nextLine += chunk.withUnsafeBufferPointer { CandidateLineParser.countLines($0).newlines }
            bytesRead += end
            return (chunk, first)
        }
    }

    /// Bytes handed out so far.
    public private(set) var bytesRead = 0

    private func lastNewline() -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var index = pending - 1
            while index >= 0 && bytes[index] != 0x0A { index -= 1 }
            return index >= 0 ? index : nil
        }
    }
}
