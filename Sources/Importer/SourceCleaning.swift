import Foundation

/// Line-level cleaning of text extracted from PDFs and Word files (the importer's; the
/// analyzer's `TextNormalizer` prepares text for segmentation). Each function has one job
/// and keeps the source's wording: only markup, debris, widths and stray spaces change.
enum SourceCleaning {
    private enum Patterns {
        static let tag = Pattern(#"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"#, needsOneOf: "<")
        static let headingMark = Pattern(#"^[ \t\x{3000}]*#{1,6}[ \t\x{3000}]*"#, needsOneOf: "#")
        static let closingHeadingMark = Pattern(#"[ \t]+#+[ \t]*$"#, needsOneOf: "#")
        static let rule = Pattern(#"^[ \t]*([-*_=][ \t]*){3,}$"#, needsOneOf: "-*_=")
        static let decimalPoint = Pattern(#"(?<=[0-9])．(?=[0-9])"#, needsOneOf: "．")
        // The lookahead only rules out a "(" that nothing closes, where the two runs around the
        // Chinese character would otherwise be tried at every split: time square in the line's length.
        static let asciiParentheses = Pattern(#"\(\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3}|(?=[^()]*\))[^()]*[\u4E00-\u9FFF][^()]*)\s*\)"#, needsOneOf: "(")
        static let mixedParentheses = Pattern(#"[(（]\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]"#, needsOneOf: "()")
        static let numberedLabel = Pattern(#"^\s*([^\s，。；]{0,24}?(?:案例|经验)\s*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,4}))[ \t]+(\S.*)$"#)
        static let asciiComma = Pattern(#"(?<=[\u4E00-\u9FFF]),(?=[\u4E00-\u9FFF])"#, needsOneOf: ",")
        static let asciiSemicolon = Pattern(#"(?<=[\u4E00-\u9FFF]);"#, needsOneOf: ";")
        static let asciiColon = Pattern(#"(?<=[\u4E00-\u9FFF]):"#, needsOneOf: ":")
        static let dashes = Pattern(#"(?:[—―─－]{2,}|--+)"#, needsOneOf: "—―─－-")
    }

    /// Removes HTML tags (`<p>`, `</p>`…), Markdown heading marks and bold/italic markers.
    /// Returns the text and whether the line was a Markdown heading.
    static func stripMarkup(_ line: String) -> (text: String, isHeading: Bool) {
        var text = Patterns.tag.replacingMatches(in: line, with: "")
        var isHeading = false
        if let range = Patterns.headingMark.firstRange(in: text) {
            isHeading = true
            text.removeSubrange(range)
            text = Patterns.closingHeadingMark.replacingMatches(in: text, with: "")
        }
        if text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) {
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            // A whole line in italics (*健康浙江建设典型案例（2023）*, a running header).
            let trimmed = text.trimming(.whitespaces)
            if trimmed.count > 2, trimmed.hasPrefix("*"), trimmed.hasSuffix("*"), !trimmed.dropFirst().dropLast().contains("*") {
                text = String(trimmed.dropFirst().dropLast())
            }
        }
        // A Markdown or plain-text rule (---, ***, ___) is layout, not content.
        if Patterns.rule.matches(text) { text = "" }
        return (text, isHeading)
    }

    /// The line opens with a bold phrase that closes on it (**强化组织保障。**…), past tags and
    /// indentation. A bold heading alone on its line counts too: it leads what follows.
    static func opensBold(_ line: String) -> Bool {
        let text = Patterns.tag.replacingMatches(in: line, with: "").trimming(.whitespaces)
        for mark in ["**", "__"] where text.hasPrefix(mark) {
            return text.dropFirst(2).contains(mark)
        }
        return false
    }

    /// 典型经验1  延边州和龙市：… → (典型经验1, 延边州和龙市：…): a case header with its number and the
    /// text after it, split at the space that the number is followed by.
    static func numberedLabel(_ line: String) -> (header: String, rest: String)? {
        guard line.hasAtMostCharacters(120), let match = Patterns.numberedLabel.firstMatch(in: line),
              let header = Range(match.range(at: 1), in: line), let rest = Range(match.range(at: 2), in: line) else { return nil }
        return (String(line[header]), String(line[rest]))
    }

    /// Full-width letters, digits and spaces to their ASCII forms; ASCII brackets and
    /// punctuation inside Chinese text to the full-width forms, so that markers such as (1)
    /// and （1） read the same; runs of dashes to ——.
    static func normalizeWidth(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            case 0xFF05: scalars.append("%")
            case 0x00A0: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        var result = String(String.UnicodeScalarView(scalars))
        // ．between digits is a decimal point.
        result = Patterns.decimalPoint.replacingMatches(in: result, with: ".")
        // (1) (一) (内容) → （1） （一） （内容） when the content is a marker or Chinese.
        result = Patterns.asciiParentheses.replacingMatches(in: result, with: "（$1）")
        // (三） and （四) — a marker opened in one width and closed in the other.
        result = Patterns.mixedParentheses.replacingMatches(in: result, with: "（$1）")
        result = Patterns.asciiComma.replacingMatches(in: result, with: "，")
        result = Patterns.asciiSemicolon.replacingMatches(in: result, with: "；")
        result = Patterns.asciiColon.replacingMatches(in: result, with: "：")
        result = Patterns.dashes.replacingMatches(in: result, with: "——")
        return result
    }

    /// Removes the spaces a PDF puts inside Chinese text ("全县 546 家单位" → "全县546家单位",
    /// "通 知" → "通知") and collapses the others. With `keepPhraseSpaces`, a space between two
    /// Chinese phrases stays, as in titles: "创新模式 全民共建", "立足“四个创新” 实施…"
    /// (a lone character on either side is a stray space: "通 知").
    static func removeStraySpaces(_ text: String, keepPhraseSpaces: Bool = false) -> String {
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == " " || character == "\t" else {
                result.append(character)
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
            defer { index = end }
            guard let left = result.last, end < characters.count else { continue }  // leading or trailing
            let right = characters[end]
            if keepPhraseSpaces, isWide(left), isWide(right),
               !isHan(left) || endsWithTwoHan(result),
               !isHan(right) || twoHan(startingAt: end, in: characters) {
                result.append(" ")
            } else if !isWide(left) && !isWide(right) {
                result.append(" ")
            }
        }
        return result
    }

    /// Most of the line's space-separated pieces are one character, or one character in quotes
    /// or brackets: the line was set with a space between every character.
    static func isLetterSpaced(_ text: String) -> Bool {
        let pieces = text.split(separator: " ")
        guard pieces.count >= 4 else { return false }
        let single = pieces.filter { piece in piece.filter(isHan).count <= 1 }.count
        return single * 10 >= pieces.count * 8
    }

    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// Chinese characters and the punctuation set with them (full-width forms, curly quotes, dashes).
    static func isWide(_ character: Character) -> Bool {
        if isHan(character) { return true }
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3000...0x303F, 0xFF00...0xFFEF, 0x2014...0x201F, 0x2026, 0x00B7, 0x2160...0x217F, 0x2460...0x24FF: return true
        default: return false
        }
    }

    /// A phrase, not a lone character, ends the text. Only the last two characters are looked
    /// at: counting the whole run would make a long heading's cleaning time square in its length.
    private static func endsWithTwoHan(_ text: String) -> Bool {
        let lastTwo = text.reversed().prefix(2)
        return lastTwo.count == 2 && lastTwo.allSatisfy(isHan)
    }

    private static func twoHan(startingAt start: Int, in characters: [Character]) -> Bool {
        start + 1 < characters.count && isHan(characters[start]) && isHan(characters[start + 1])
    }
}
