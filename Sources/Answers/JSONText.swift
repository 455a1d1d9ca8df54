import Foundation

/// JSON scalars written straight into an answer's bytes, exactly as `AnswerEncoding.encoder`
/// writes them.
///
/// Written by hand because a JSONEncoder call per small value (a score, a component, a list of
/// terms) was the largest cost of a recommendation answer left after the fixed parts were
/// encoded once (17 % of the daemon's time per request, measured with perf). The bytes are
/// held to JSONEncoder's by tests (`JSONTextTests`, and the writer's whole answers).
enum JSONText {
    /// A number as JSONEncoder writes a Double: Swift's shortest round-trip form, without ".0".
    static func append(_ value: Double, to output: inout [UInt8]) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        output.append(contentsOf: text.utf8)
    }

    /// A string with JSONEncoder's escapes: quote, backslash, slash, the short control escapes,
    /// other control characters as \u00xx; everything else as its UTF-8 bytes.
    static func append(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "/"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A list of strings.
    static func append(_ strings: [String], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            append(string, to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }
}
