import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw bytes of a document → text. UTF-8 (with or without BOM) is taken as it is; text that
/// is not UTF-8 but decodes cleanly as GB18030 (a superset of GBK and GB2312, the usual
/// encodings of Chinese government files) is converted; anything else is refused with the
/// line and offset of the first byte neither encoding can read.
public enum DocumentDecoder {
    public struct Decoded: Equatable {
        public let text: String
        /// The encoding the bytes were in: "UTF-8" or "GB18030".
        public let encoding: String
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func decode(_ data: Data, file: String) throws -> Decoded {
        let skipped = data.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        let bytes = [UInt8](data.dropFirst(skipped))
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
        switch convertFromGB18030(bytes) {
        case .text(let text):
            try refuseControlCharacters(text, file: file)
            return Decoded(text: text, encoding: "GB18030")
        case .stopped(let gbStop):
            // The encoding that reads further is the document's: its stop is the bad byte (a
            // GB18030 file cut mid-character stops both, UTF-8 at the file's first Chinese character).
            let offset = min(max(gbStop, validUTF8Length(bytes)), bytes.count - 1)
            throw ImportError(file: file, line: lineNumber(of: offset, in: bytes),
                              reason: .undecodable(offset: skipped + offset, byte: bytes[offset], size: data.count))
        }
    }

    /// Text of a document has line breaks and tabs but hardly any other control character;
    /// binary data decoded by chance has many.
    private static func refuseControlCharacters(_ text: String, file: String) throws {
        var controls = 0
        var total = 0
        var firstLine: Int?
        var line = 1
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            total += 1
            defer { previous = scalar }
            if scalar == "\r" || (scalar == "\n" && previous != "\r") { line += 1 }
            if scalar == "\n" || scalar == "\r" { continue }
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\u{0C}" {
                controls += 1
                if firstLine == nil { firstLine = line }
            }
        }
        if controls > 0 && controls * 200 > total {
            throw ImportError(file: file, line: firstLine, reason: .binary)
        }
    }

    private enum Conversion {
        case text(String)
        /// Offset of the first byte that starts no valid GB18030 character (or one the file cuts).
        case stopped(at: Int)
    }

    /// glibc's iconv does the conversion: no Swift package here decodes GB18030 on Linux. A
    /// strict conversion in one call: iconv stops at the first invalid or incomplete sequence
    /// and says where.
    private static func convertFromGB18030(_ bytes: [UInt8]) -> Conversion {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return .stopped(at: 0) }
        defer { iconv_close(converter) }
        // A GB18030 character takes 1, 2 or 4 bytes and its UTF-8 form 1, 3 or 4: never twice as many.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let (inLeft, written): (Int, Int) = bytes.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                // iconv's input pointer is not const in C; it reads through it and moves it on.
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (inLeft, outBuffer.count - outLeft)
            }
        }
        guard inLeft == 0, let text = String(validating: output[0..<written], as: UTF8.self) else {
            return .stopped(at: bytes.count - inLeft)
        }
        return .text(text)
    }

    /// How many bytes from the start are whole, valid UTF-8 characters.
    private static func validUTF8Length(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var length = 0
        while case .valid(let encoded) = parser.parseScalar(from: &iterator) {
            length += encoded.count
        }
        return length
    }

    /// 1-based line of the byte at `offset`, lines ending as the paragraph builder ends them
    /// (LF, CRLF or CR alone), so that every message numbers lines alike.
    private static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var previous: UInt8 = 0
        for byte in bytes[0..<min(offset, bytes.count)] {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { line += 1 }
            previous = byte
        }
        return line
    }
}
