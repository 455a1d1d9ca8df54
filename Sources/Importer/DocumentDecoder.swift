import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw bytes of a document → text. UTF-8 (with or without BOM) is taken as it is; text that
/// is not UTF-8 but decodes cleanly as GB18030 (a superset of GBK and GB2312, the usual
/// encodings of Chinese government files) is converted; anything else is refused.
public enum DocumentDecoder {
    public struct Decoded: Equatable {
        public let text: String
        /// The encoding the bytes were in: "UTF-8" or "GB18030".
        public let encoding: String
    }

    public static func decode(_ data: Data, file: String) throws -> Decoded {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ImportError(file: file, line: nil, reason: .empty)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw ImportError(file: file, line: lineNumber(of: nul, in: bytes), reason: .binary)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            try refuseControlCharacters(text, file: file)
            return Decoded(text: text, encoding: "UTF-8")
        }
        if let text = convertFromGB18030(bytes) {
            try refuseControlCharacters(text, file: file)
            return Decoded(text: text, encoding: "GB18030")
        }
        throw ImportError(file: file, line: firstUndecodableLine(bytes), reason: .undecodable)
    }

    /// Text of a document has line breaks and tabs but hardly any other control character;
    /// binary data decoded by chance has many.
    private static func refuseControlCharacters(_ text: String, file: String) throws {
        var controls = 0
        var total = 0
        var firstLine: Int?
        var line = 1
        for scalar in text.unicodeScalars {
            total += 1
            if scalar == "\n" { line += 1; continue }
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\u{0C}" {
                controls += 1
                if firstLine == nil { firstLine = line }
            }
        }
        if controls > 0 && controls * 200 > total {
            throw ImportError(file: file, line: firstLine, reason: .binary)
        }
    }

    /// glibc's iconv does the conversion: no Swift package here decodes GB18030 on Linux.
    private static func convertFromGB18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                // A strict conversion: any invalid or incomplete sequence refuses the whole file.
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(validating: output[0..<converted], as: UTF8.self)
    }

    /// The first line that is neither UTF-8 nor GB18030 (1-based).
    private static func firstUndecodableLine(_ bytes: [UInt8]) -> Int {
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if String(validating: line, as: UTF8.self) == nil && convertFromGB18030(Array(line)) == nil { return number }
        }
        return 1
    }

    private static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        bytes[0..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
