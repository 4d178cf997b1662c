import Foundation

/// A safetensors file read from memory: an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the tensors' bytes (https://huggingface.co/docs/safetensors).
///
/// Only what the encoder needs is supported: `F32` and `F16` tensors, read as `Float`. Every offset, shape and size is
/// checked before use, so a damaged or hostile file is refused with a ``SafeTensorsError`` and never read out of bounds.
public struct SafeTensors: Sendable {
    /// A tensor's entry in the header.
    public struct Entry: Sendable, Hashable {
        /// The element type as written (`F32`, `F16`, `I64`, ...).
        public var dtype: String
        /// The shape, outermost first.
        public var shape: [Int]
        /// The byte range in the data section.
        public var range: Range<Int>
    }

    /// The string metadata (`__metadata__`), empty when the file has none.
    public let metadata: [String: String]
    /// The tensors by name.
    public let entries: [String: Entry]
    private let bytes: [UInt8]
    private let dataStart: Int

    /// The largest header accepted (safetensors' own limit is 100 MB).
    public static let maxHeaderBytes = 100_000_000

    /// Reads the header of `bytes` (the whole file) and checks every entry against the data section.
    public init(bytes: [UInt8]) throws(SafeTensorsError) {
        guard bytes.count >= 8 else { throw .damaged("the file is shorter than the 8-byte header length") }
        var headerLength: UInt64 = 0
        for k in 0 ..< 8 { headerLength |= UInt64(bytes[k]) << (8 * UInt64(k)) }
        guard headerLength <= UInt64(Self.maxHeaderBytes), Int(headerLength) <= bytes.count - 8 else {
            throw .damaged("the header length \(headerLength) does not fit in the file of \(bytes.count) bytes")
        }
        let dataStart = 8 + Int(headerLength)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes[8 ..< dataStart]), options: [])
        } catch {
            throw .damaged("the header is not valid JSON")
        }
        guard let header = object as? [String: Any] else { throw .damaged("the header is not a JSON object") }
        let dataCount = bytes.count - dataStart
        var metadata: [String: String] = [:]
        var entries: [String: Entry] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                guard let strings = value as? [String: Any] else { throw .damaged("__metadata__ is not an object") }
                for (key, item) in strings {
                    guard let text = item as? String else { throw .damaged("__metadata__.\(key) is not a string") }
                    metadata[key] = text
                }
                continue
            }
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shapeValues = fields["shape"] as? [Any], let offsetValues = fields["data_offsets"] as? [Any],
                  offsetValues.count == 2
            else { throw .damaged("tensor \(name): expected dtype, shape and data_offsets") }
            var shape: [Int] = []
            var elements = 1
            for item in shapeValues {
                guard let dimension = Self.integer(item), dimension >= 0 else {
                    throw .damaged("tensor \(name): a dimension is not a non-negative integer")
                }
                let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
                guard !overflow, product <= dataCount else { throw .damaged("tensor \(name): the shape is larger than the file") }
                shape.append(dimension)
                elements = product
            }
            guard let start = Self.integer(offsetValues[0]), let end = Self.integer(offsetValues[1]),
                  0 <= start, start <= end, end <= dataCount
            else { throw .damaged("tensor \(name): data_offsets lie outside the data section") }
            if let width = Self.width(dtype), elements * width != end - start {
                throw .damaged("tensor \(name): \(end - start) bytes for \(elements) elements of \(dtype)")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, range: start ..< end)
        }
        self.metadata = metadata
        self.entries = entries
        self.bytes = bytes
        self.dataStart = dataStart
    }

    /// The tensor `name` as `Float`s, row-major, checked to have `shape`.
    public func floats(_ name: String, shape expected: [Int]) throws(SafeTensorsError) -> [Float] {
        guard let entry = entries[name] else { throw .missing(name) }
        guard entry.shape == expected else {
            throw .damaged("tensor \(name) has shape \(entry.shape), expected \(expected)")
        }
        let count = expected.reduce(1, *)
        let start = dataStart + entry.range.lowerBound
        switch entry.dtype {
        case "F32":
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    for k in 0 ..< count {
                        buffer[k] = Float(bitPattern: raw.loadUnaligned(fromByteOffset: start + 4 * k, as: UInt32.self).littleEndian)
                    }
                }
                initialized = count
            }
        case "F16":
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    for k in 0 ..< count {
                        let bits = raw.loadUnaligned(fromByteOffset: start + 2 * k, as: UInt16.self).littleEndian
                        buffer[k] = Float(Float16(bitPattern: bits))
                    }
                }
                initialized = count
            }
        default:
            throw .damaged("tensor \(name) has dtype \(entry.dtype); only F32 and F16 are read")
        }
    }

    private static func width(_ dtype: String) -> Int? {
        switch dtype {
        case "F64", "I64", "U64": 8
        case "F32", "I32", "U32": 4
        case "F16", "BF16", "I16", "U16": 2
        case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2": 1
        default: nil
        }
    }

    private static func integer(_ value: Any) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }
}

/// Why a safetensors file or an encoder file could not be used.
public enum SafeTensorsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's structure is broken.
    case damaged(String)
    /// A tensor the model needs is not in the file.
    case missing(String)

    public var description: String {
        switch self {
        case .damaged(let reason): "not a usable safetensors file: \(reason)"
        case .missing(let name): "the file has no tensor \(name)"
        }
    }
}
