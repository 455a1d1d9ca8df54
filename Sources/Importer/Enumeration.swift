import Foundation

/// Enumeration markers of Chinese official documents, by family, from the outermost level a
/// document usually uses to the innermost: 一、 · （一） · 一是 · 第一， · 1. · （1） · 1） · ①.
enum Enumeration {
    enum Family: CaseIterable, Equatable {
        case section        // 一、
        case parenChinese   // （一）
        case ordinalShi     // 一是
        case ordinalDi      // 第一，
        case ordinalYao     // 一要
        case namedOrdinal   // 举措一：, 做法二：
        case sequenceWords  // 首先 · 其次 · 再次 · 最后
        case arabicDot      // 1. 1、
        case parenArabic    // （1）
        case arabicParen    // 1）
        case circled        // ① (also the dingbats ❶ ➀ ➊)

        /// The pattern for a marker at the start of a paragraph; group 1 is the number.
        var leadingPattern: String {
            switch self {
            case .section: return #"^([一二三四五六七八九十]{1,3})、"#
            case .parenChinese: return #"^（([一二三四五六七八九十]{1,3})）"#
            case .ordinalShi: return #"^(?:第)?([一二三四五六七八九十]{1,3})是[，,：:]?"#
            case .ordinalDi: return #"^第([一二三四五六七八九十]{1,3})[，,、：:]"#
            case .ordinalYao: return #"^([一二三四五六七八九十]{1,3})要(?![素求点件])[，,：:]?"#
            case .namedOrdinal: return #"^[\x{4E00}-\x{9FFF}]{2,3}?([一二三四五六七八九十]{1,3})[：:]"#
            case .sequenceWords: return #"^(首先|其次|再次|最后)[，,：:]"#
            case .arabicDot: return #"^([0-9]{1,3})(?:[.．](?![0-9])|、)"#
            case .parenArabic: return #"^（([0-9]{1,2})）"#
            case .arabicParen: return #"^([0-9]{1,2})[）)](?![0-9])"#
            case .circled: return #"^([①-⑳❶-❿➀-➓])"#
            }
        }

        /// The pattern for a marker inside running text, for families that are unmistakable
        /// there (a 1. or 一、 inside a sentence is a decimal or a list of words).
        var inlinePattern: String? {
            switch self {
            case .parenChinese: return #"（([一二三四五六七八九十]{1,3})）"#
            case .ordinalShi: return #"(?<![统唯单同之])([一二三四五六七八九十]{1,3})是"#
            case .parenArabic: return #"（([0-9]{1,2})）"#
            case .circled: return #"([①-⑳❶-❿➀-➓])"#
            // 一要 inside a sentence only after a stop or a colon (…坚持做到“三要”：一要高位推动。二要…).
            case .ordinalYao: return #"(?<=[：:。；])([一二三四五六七八九十]{1,3})要(?![素求点件])"#
            case .section, .arabicDot, .ordinalDi, .arabicParen, .namedOrdinal, .sequenceWords: return nil
            }
        }
    }

    struct Marker: Equatable {
        let family: Family
        let number: Int
        /// Range of the marker in the text, in Characters.
        let start: Int
        let end: Int
    }

    /// The patterns, compiled once (they are matched against every paragraph and clause).
    private static let leadingPatterns = Dictionary(uniqueKeysWithValues: Family.allCases.map { ($0, Pattern($0.leadingPattern)) })
    private static let inlinePatterns = Dictionary(uniqueKeysWithValues: Family.allCases.compactMap { family in
        family.inlinePattern.map { (family, Pattern($0)) }
    })

    /// The longest leading marker (第二十一是，) is 6 characters and the arabic one looks at the
    /// character after it: a leading marker is sought in the first 8 characters only, so that a
    /// long paragraph is not read whole for it.
    private static let leadingSpan = 8

    static func leadingMarker(in text: String) -> Marker? {
        let start = String(text.prefix(leadingSpan))
        for family in Family.allCases {
            if let marker = firstMarker(of: family, in: start) { return marker }
        }
        return nil
    }

    static func leadingMarker(in text: String, family: Family) -> Marker? {
        firstMarker(of: family, in: String(text.prefix(leadingSpan)))
    }

    /// Every marker of `family` in `text`: inline ones where the family has an inline form,
    /// else only one at the start.
    static func markers(in text: String, family: Family) -> [Marker] {
        guard let pattern = inlinePatterns[family] else {
            return leadingMarker(in: text, family: family).map { [$0] } ?? []
        }
        // Character offsets counted on from the previous match: from the start for each match
        // would make a paragraph with many markers take time square in its length.
        var counted = (index: text.startIndex, offset: 0)
        func offset(of index: String.Index) -> Int {
            counted = (index, counted.offset + text.distance(from: counted.index, to: index))
            return counted.offset
        }
        return pattern.allMatches(in: text).compactMap { match in
            guard let whole = Range(match.range, in: text), let group = Range(match.range(at: 1), in: text),
                  let number = value(of: String(text[group])) else { return nil }
            let start = offset(of: whole.lowerBound)
            return Marker(family: family, number: number, start: start, end: offset(of: whole.upperBound))
        }
    }

    private static func firstMarker(of family: Family, in text: String) -> Marker? {
        guard let match = leadingPatterns[family]!.firstMatch(in: text),
              let whole = Range(match.range, in: text), let group = Range(match.range(at: 1), in: text),
              let number = value(of: String(text[group])) else { return nil }
        let start = text.distance(from: text.startIndex, to: whole.lowerBound)
        return Marker(family: family, number: number, start: start, end: text.distance(from: text.startIndex, to: whole.upperBound))
    }

    /// 一 → 1, 十二 → 12, 二十 → 20, 7 → 7, ③ → 3; 首先 → 1, 其次 → 2, 再次 → 3 (最后 → 4: the fourth
    /// of the words, as in 首先…其次…再次…最后; a list 首先…其次…最后 ends one short).
    static func value(of numeral: String) -> Int? {
        if let arabic = Int(numeral) { return arabic }
        if let word = ["首先": 1, "其次": 2, "再次": 3, "最后": 4][numeral] { return word }
        if let scalar = numeral.unicodeScalars.first, numeral.unicodeScalars.count == 1 {
            // ①–⑳, and the dingbats ❶–❿, ➀–➉, ➊–➓ (three runs of ten).
            switch scalar.value {
            case 0x2460...0x2473: return Int(scalar.value - 0x2460 + 1)
            case 0x2776...0x2793: return Int((scalar.value - 0x2776) % 10 + 1)
            default: break
            }
        }
        return chineseNumber(numeral)
    }

    static func chineseNumber(_ numeral: String) -> Int? {
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        guard !numeral.isEmpty else { return nil }
        var total = 0
        var current = 0
        for character in numeral {
            if let digit = digits[character] {
                current = digit
            } else if character == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if character == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
            } else {
                return nil
            }
        }
        return total + current
    }
}
