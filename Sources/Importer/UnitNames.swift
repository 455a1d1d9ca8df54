import Foundation
import Regions

/// Finds the unit a case is about in the words of its head: a place (石家庄市, 保定易县, 遵义桐梓),
/// a provincial body (省司法厅, 健康知识普及行动工作组) or an institution (河北医科大学第一医院,
/// 邯郸邱县古城营镇卫生院), whether it stands on a line of its own, opens the title, precedes a
/// colon or closes the title in parentheses.
struct UnitNames {
    let resolver: RegionResolver

    /// 省司法厅组织… → 省司法厅; 省总工会创新… → 省总工会; 省计生协强化… → 省计生协: a body of the
    /// province, named by 省 and a short name that ends like a body's.
    private static let provincialBodyAtStart = Pattern(#"^(?:省|全省|团省委)(?:[^\s，、“”：]{0,6}?(?:厅|局|委员会|委|工会|协会|协|办公室|办|联合会|联|院))?"#)

    /// The whole text names a unit: places only, places and a township, a work group, a
    /// provincial body or an institution. Short, without clause punctuation.
    func isUnit(_ text: String) -> Bool {
        // 宁夏·隆德, 鄂尔多斯市·伊金霍洛旗: a middle dot between units, as CasePlacement reads them.
        let text = text.trimming(.whitespaces).filter { $0 != "·" }
        guard text.count >= 2, text.hasAtMostCharacters(30), !text.contains(where: { "，。；、“”《》".contains($0) }) else { return false }
        switch WrittenUnit.of(text) {
        case .institution:
            return true
        case .provincialBody:
            return Self.provincialBodyAtStart.firstRange(in: text).map { text[$0].count == text.count } ?? text.hasSuffix("组")
        case .administrative:
            let (units, length) = resolver.matchPrefix(text)
            // A name several places share (鼓楼区) is a unit all the same; the document's place decides which.
            guard !units.isEmpty else { return resolver.isKnownName(text) || RegionResolver.looksLikeTownship(text) }
            let rest = String(text.dropFirst(length))
            return rest.isEmpty || RegionResolver.looksLikeTownship(rest) || Self.isBodyOfPlace(rest)
        }
    }

    /// A place's own administration (…区卫生健康局, …县人民政府).
    static func isAdministrationName(_ name: String) -> Bool {
        administrationEndings.contains(where: name.hasSuffix)
    }

    private static let administrationEndings = ["局", "厅", "委", "委员会", "政府", "办公室", "办", "管委会"]

    /// 卫生健康局, 卫健委, 人民政府: what follows a place in the name of its own administration.
    private static func isBodyOfPlace(_ rest: String) -> Bool {
        rest.hasAtMostCharacters(12) && administrationEndings.contains(where: rest.hasSuffix)
    }

    /// The unit a title begins with, or nil: a provincial body, places followed by an
    /// institution's name (邯郸邱县古城营镇卫生院…), or places written in full, two in a row, or
    /// before a colon (石家庄市坚持…, 保定易县以…, 信阳罗山：…).
    func leadingUnit(of title: String) -> String? {
        if let range = Self.provincialBodyAtStart.firstRange(in: title), title[range].count >= 3 {
            return String(title[range])
        }
        let (units, length) = resolver.matchPrefix(title)
        guard !units.isEmpty else { return nil }
        let prefix = String(title.prefix(length))
        let rest = title.dropFirst(length)
        if let institution = institutionName(startingWith: prefix, rest: rest) { return institution }
        let usesFullName = units.contains { title.contains($0.name) }
        let beforeColon = rest.hasPrefix("：")
        return (usesFullName || units.count >= 2 || beforeColon) ? prefix : nil
    }

    /// The institution a text names right after a township (伏家镇中心卫生院 → 伏家镇中心卫生院), if any.
    static func institution(named township: String, in text: String) -> String? {
        guard let range = text.range(of: township) else { return nil }
        let after = text[range.upperBound...].prefix(8)
        let clause = after.prefix { !"，。；、“”：《》（）".contains($0) }
        for ending in WrittenUnit.institutionEndings.sorted(by: { $0.count > $1.count }) {
            // Only a name's own words between the town and the ending (中心卫生院, not 建成卫生院).
            if let hit = clause.range(of: ending), ["", "中心", "社区", "人民", "中心社区"].contains(String(clause[..<hit.lowerBound])) {
                return township + clause[..<hit.upperBound]
            }
        }
        return nil
    }

    private static let nameContinuations = ["附属", "第", "人民", "中医", "中西医", "妇幼", "儿童", "口腔", "肿瘤", "传染病", "精神", "康复", "分院", "医学院"]

    /// Places followed, within a few characters, by an institution's ending: the institution's name.
    private func institutionName(startingWith places: String, rest: Substring) -> String? {
        let window = String(rest.prefix(14))
        guard !window.contains(where: { "，。；、“”：《》".contains($0) }) else {
            let head = window.prefix { !"，。；、“”：《》".contains($0) }
            return institutionName(startingWith: places, rest: head)
        }
        func firstEnding(from start: String.Index) -> String.Index? {
            var best: String.Index?
            for ending in WrittenUnit.institutionEndings {
                if let range = window.range(of: ending, range: start..<window.endIndex), best.map({ range.upperBound < $0 }) ?? true {
                    best = range.upperBound
                }
            }
            return best
        }
        guard var end = firstEnding(from: window.startIndex) else { return nil }
        // 厦门大学附属第一医院: a name goes on past an ending when a word of names follows it.
        while Self.nameContinuations.contains(where: { window[end...].hasPrefix($0) }), let next = firstEnding(from: end) {
            end = next
        }
        return places + window[..<end]
    }
}
