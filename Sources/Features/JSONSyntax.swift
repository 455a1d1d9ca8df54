import Foundation

/// A JSON text checked against RFC 8259's grammar, without converting any value: where it breaks,
/// or else the number literals it holds and where each is (`profiles[2].population`).
///
/// Written by hand because Foundation's JSONDecoder and JSONSerialization on Linux report a
/// number that does not fit (`1e400`, or `1.5` for an integer) as "not valid JSON" with no
/// path: a client's valid JSON with a bad value (422, naming the field) could not be told from
/// broken JSON (400). No package here checks JSON without converting it.
public enum JSONSyntax {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    public struct NumberLiteral: Equatable {
        /// Where it is: `top`, `filter.year`, `profiles[0].aging_share`; empty for the whole text.
        public let path: String
        public let text: String

        /// Whether a Double holds it: not beyond ±1.8e308, and not a non-zero that rounds to 0
        /// (Foundation refuses both).
        public var fitsADouble: Bool {
            guard let value = Double(text), value.isFinite else { return false }
            let mantissa = text.prefix { $0 != "e" && $0 != "E" }
            return value != 0 || !mantissa.contains { "123456789".contains($0) }
        }
    }

    /// Deeper nesting is refused (as Foundation does): no body needs it, and it bounds the
    /// recursion.
    public static let maximumDepth = 512

    /// The text's numbers, or the first place where it is not one JSON value.
    public static func check(_ data: Data) -> Result<[NumberLiteral], Problem> {
        var scanner = Scanner(bytes: [UInt8](data))
        do {
            scanner.skipWhitespace()
            try scanner.value(path: "", depth: 0)
            scanner.skipWhitespace()
            guard scanner.position == scanner.bytes.count else { throw scanner.problem("unexpected text after the JSON value") }
            return .success(scanner.numbers)
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(line: 1, column: 1, message: "\(error)"))
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var numbers: [NumberLiteral] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        func problem(_ message: String) -> Problem {
            var line = 1, lineStart = 0
            for index in 0..<min(position, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            let column = String(decoding: bytes[lineStart..<min(position, bytes.count)], as: UTF8.self).count + 1
            return Problem(line: line, column: column, message: message)
        }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws {
            guard current == byte else { throw problem(current == nil ? "the text ends where \(what) was expected" : "expected \(what)") }
            position += 1
        }

        mutating func value(path: String, depth: Int) throws {
            guard depth < JSONSyntax.maximumDepth else { throw problem("nested deeper than \(JSONSyntax.maximumDepth) levels") }
            guard let byte = current else { throw problem("the text ends where a value was expected") }
            switch byte {
            case UInt8(ascii: "{"): try object(path: path, depth: depth)
            case UInt8(ascii: "["): try array(path: path, depth: depth)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(path: path)
            default: throw problem("expected a value")
            }
        }

        mutating func object(path: String, depth: Int) throws {
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") { position += 1; return }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw problem("expected a field name in quotes") }
                let key = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after a field name")
                skipWhitespace()
                try value(path: path.isEmpty ? key : "\(path).\(key)", depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        }

        mutating func array(path: String, depth: Int) throws {
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { position += 1; return }
            var index = 0
            while true {
                skipWhitespace()
                try value(path: "\(path)[\(index)]", depth: depth + 1)
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        }

        /// A string's content (escapes decoded only as far as a field name needs).
        mutating func string() throws -> String {
            position += 1
            var content: [UInt8] = []
            while let byte = current {
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: content, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { throw problem("the text ends inside a string") }
                    position += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): content.append(escaped)
                    case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): content.append(0x20)
                    case UInt8(ascii: "u"):
                        guard position + 4 <= bytes.count, bytes[position..<position + 4].allSatisfy(\.isHexDigit) else {
                            throw problem("\\u must be followed by four hexadecimal digits")
                        }
                        content.append(contentsOf: Array("\\u".utf8) + bytes[position..<position + 4])
                        position += 4
                    default:
                        position -= 1
                        throw problem("unknown escape \\\(Character(Unicode.Scalar(escaped)))")
                    }
                case 0x00..<0x20:
                    position -= 1
                    throw problem("a control character inside a string (escape it)")
                default:
                    content.append(byte)
                }
            }
            throw problem("the text ends inside a string")
        }

        mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            guard bytes[position...].starts(with: expected) else { throw problem("expected a value") }
            position += expected.count
        }

        /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        mutating func number(path: String) throws {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            guard let first = current, first.isDigit else { throw problem("expected a digit") }
            position += 1
            if first != UInt8(ascii: "0") { while current?.isDigit == true { position += 1 } }
            if current == UInt8(ascii: ".") {
                position += 1
                guard current?.isDigit == true else { throw problem("expected a digit after the decimal point") }
                while current?.isDigit == true { position += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard current?.isDigit == true else { throw problem("expected a digit in the exponent") }
                while current?.isDigit == true { position += 1 }
            }
            numbers.append(NumberLiteral(path: path, text: String(decoding: bytes[start..<position], as: UTF8.self)))
        }
    }
}

private extension UInt8 {
    var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isHexDigit: Bool {
        isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
