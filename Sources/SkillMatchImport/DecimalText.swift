/// Numbers written as people and spreadsheets write them in text files: decimal digits with an optional sign,
/// decimal point and exponent (`12`, `-0.5`, `.25`, `1e3`). Swift's `Double(_:)` also takes hexadecimal (`0x10` is
/// 16), `inf` and `nan`, which no file of ours means.
enum DecimalText {
    /// The number, or `nil` when the text is not a decimal number.
    static func number<S: StringProtocol>(_ text: S) -> Double? {
        var digits = 0
        var seenPoint = false
        var seenExponent = false
        var exponentDigits = 0
        var previous: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                if seenExponent { exponentDigits += 1 } else { digits += 1 }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            case UInt8(ascii: "."):
                guard !seenPoint, !seenExponent else { return nil }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !seenExponent, digits > 0 else { return nil }
                seenExponent = true
            default:
                return nil
            }
            previous = byte
        }
        guard digits > 0, !seenExponent || exponentDigits > 0 else { return nil }
        return Double(String(text))
    }
}
