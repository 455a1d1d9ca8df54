/// Text as the segmenter should see it, so that the same thing is always written the same way:
/// full-width letters, digits and the symbols that belong to words and numbers (％ ＋ ＃ ＆ ．
/// ＿ －) become ASCII; ideographic and no-break spaces become plain spaces; a percent sign
/// set apart from its number joins it (97.5 % → 97.5%); a thousands separator inside a number
/// goes (12,000 → 12000). Chinese punctuation stays: it is a token of its own either way.
public struct TextNormalizer: Sendable {
    public init() {}

    public func normalize(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A,
                 0xFF05, 0xFF0B, 0xFF03, 0xFF06, 0xFF0E, 0xFF3F, 0xFF0D:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F:
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // 97.5 % → 97.5%
            if scalar == " ", let last = result.last, Self.isDigit(last) {
                var next = index
                while next < scalars.count, scalars[next] == " " { next += 1 }
                if next < scalars.count, scalars[next] == "%" {
                    index = next
                    continue
                }
            }
            // 12,000 → 12000 (a comma between a digit and exactly three digits)
            if scalar == ",", let last = result.last, Self.isDigit(last),
               (1...3).allSatisfy({ index + $0 < scalars.count && Self.isDigit(scalars[index + $0]) }),
               index + 4 >= scalars.count || !Self.isDigit(scalars[index + 4]) {
                index += 1
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(String.UnicodeScalarView(result))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
