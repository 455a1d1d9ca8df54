/// Reads the Python dict literals in which jieba ships its HMM parameters
/// (`finalseg/prob_start.py`, `prob_trans.py`, `prob_emit.py`):
/// `P={'B': {'\u4e00': -3.65, …}, …}` — strings (with \uXXXX escapes), floats, nested dicts.
///
/// Hand-written because those files are Python source, not JSON: no library here reads them,
/// and running Python at start-up would make the lexicon depend on an interpreter.
enum PythonDictLiteral {
    indirect enum Value: Equatable {
        case number(Double)
        case string(String)
        case dict([(String, Value)])

        static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.number(let x), .number(let y)): return x == y
            case (.string(let x), .string(let y)): return x == y
            case (.dict(let x), .dict(let y)): return x.map(\.0) == y.map(\.0) && zip(x, y).allSatisfy { $0.1 == $1.1 }
            default: return false
            }
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        let offset: Int
        let expected: String
        var description: String { "at character \(offset): expected \(expected)" }
    }

    /// The value assigned to the first `NAME=` in `source`.
    static func parseAssignment(_ source: String) throws -> Value {
        let scalars = Array(source.unicodeScalars)
        var position = 0
        // Skip to the first '=' that starts an assignment (after `from __future__ …` lines).
        while position < scalars.count, scalars[position] != "=" { position += 1 }
        position += 1
        var parser = Parser(scalars: scalars, position: position)
        return try parser.value()
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position: Int

        mutating func skipSpace() {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            skipSpace()
            guard position < scalars.count, scalars[position] == scalar else { throw ParseError(offset: position, expected: "'\(scalar)'") }
            position += 1
        }

        mutating func value() throws -> Value {
            skipSpace()
            guard position < scalars.count else { throw ParseError(offset: position, expected: "a value") }
            switch scalars[position] {
            case "{": return try dict()
            case "'", "\"": return .string(try string())
            default: return .number(try number())
            }
        }

        mutating func dict() throws -> Value {
            try expect("{")
            var entries: [(String, Value)] = []
            skipSpace()
            if position < scalars.count, scalars[position] == "}" { position += 1; return .dict(entries) }
            while true {
                skipSpace()
                let key = try string()
                try expect(":")
                entries.append((key, try value()))
                skipSpace()
                guard position < scalars.count else { throw ParseError(offset: position, expected: "',' or '}'") }
                if scalars[position] == "," {
                    position += 1
                    skipSpace()
                    if position < scalars.count, scalars[position] == "}" { position += 1; return .dict(entries) }
                    continue
                }
                try expect("}")
                return .dict(entries)
            }
        }

        mutating func string() throws -> String {
            skipSpace()
            // An optional u prefix (u'…').
            if position < scalars.count, scalars[position] == "u" { position += 1 }
            guard position < scalars.count, scalars[position] == "'" || scalars[position] == "\"" else {
                throw ParseError(offset: position, expected: "a string")
            }
            let quote = scalars[position]
            position += 1
            var result = String.UnicodeScalarView()
            while position < scalars.count, scalars[position] != quote {
                if scalars[position] == "\\", position + 1 < scalars.count {
                    let escape = scalars[position + 1]
                    if escape == "u" || escape == "U", position + 2 < scalars.count {
                        let length = escape == "u" ? 4 : 8
                        let hex = String(String.UnicodeScalarView(scalars[(position + 2)..<min(position + 2 + length, scalars.count)]))
                        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                            throw ParseError(offset: position, expected: "a \\u escape")
                        }
                        result.append(scalar)
                        position += 2 + length
                        continue
                    }
                    let simple: [Unicode.Scalar: Unicode.Scalar] = ["n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", "\"": "\""]
                    result.append(simple[escape] ?? escape)
                    position += 2
                    continue
                }
                result.append(scalars[position])
                position += 1
            }
            try expect(quote)
            return String(result)
        }

        mutating func number() throws -> Double {
            skipSpace()
            let start = position
            while position < scalars.count, "+-.0123456789eE".unicodeScalars.contains(scalars[position]) { position += 1 }
            guard let number = Double(String(String.UnicodeScalarView(scalars[start..<position]))) else {
                throw ParseError(offset: start, expected: "a number")
            }
            return number
        }
    }
}
