import Foundation

/// The province a document is about, from its own words: the issuer (河北省健康河北行动推进委员会
/// 办公室), the 文号's one-character abbreviation (冀健推委办〔2023〕5号 → 冀 → 河北省), a province
/// in the title (健康河北, 健康中原 is not a province name and gives nothing). Cases of the document
/// are read inside it: a provincial body (省总工会) is that province, a short name (保定易县)
/// resolves within it.
///
/// Written by hand: no library here knows Chinese official abbreviations (`config/divisions/
/// province-abbreviations.csv` holds them, the 简称 as documents use them in 文号).
public struct DocumentPlace: Sendable {
    public let resolver: RegionResolver
    /// 冀 → 河北省.
    let provinceByAbbreviation: [Character: String]

    public init(resolver: RegionResolver, abbreviations: [Character: String]) {
        self.resolver = resolver
        provinceByAbbreviation = abbreviations
    }

    /// Reads `province-abbreviations.csv` (code, abbreviation) beside the division table.
    public init(resolver: RegionResolver, directory: URL) throws {
        let file = directory.appendingPathComponent("province-abbreviations.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        var abbreviations: [Character: String] = [:]
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated().dropFirst() {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2, let abbreviation = fields[1].first, fields[1].count == 1,
                  let province = resolver.table.units[fields[0]], province.kind == .province else {
                throw RegionError.badFact(path: file.path, line: index + 1, reason: "expected a province code and one character")
            }
            abbreviations[abbreviation] = province.name
        }
        self.init(resolver: resolver, abbreviations: abbreviations)
    }

    /// The province, and which of the document's words gave it.
    public func province(title: String?, issuer: String?, docNumber: String?) -> (province: String, source: String)? {
        if let issuer, let province = provinceAtStart(of: issuer) { return (province, "issuer: \(issuer)") }
        if let docNumber, let first = docNumber.trimmingCharacters(in: .whitespaces).first, let province = provinceByAbbreviation[first] {
            return (province, "文号: \(docNumber)")
        }
        if let title, let province = provinceNamed(in: title) { return (province, "title: \(title)") }
        return nil
    }

    /// 河北省卫生健康委员会 → 河北省; 省总工会 → nil (no province named).
    private func provinceAtStart(of text: String) -> String? {
        let (units, _) = resolver.matchPrefix(text)
        guard let first = units.first else { return nil }
        return resolver.table.chain(of: first).province?.name
    }

    /// A province's full or short name anywhere in a title (健康河北行动 → 河北省).
    private func provinceNamed(in title: String) -> String? {
        let provinces = resolver.table.units.values.filter { $0.kind == .province }
        let named = provinces.filter { province in
            let short = String(province.name.prefix(province.name.hasPrefix("内蒙古") || province.name.hasPrefix("黑龙江") ? 3 : 2))
            return title.contains(short)
        }
        return named.count == 1 ? named[0].name : nil
    }
}

/// What kind of unit a case's written unit is, by its name: a body of the province itself (省司法厅,
/// 全省, 健康知识普及行动工作组), an institution (a hospital, 卫生院, a school, a company: placed in
/// its county or city, its full name kept), or an administrative unit (resolved as written).
public enum WrittenUnit: Equatable, Sendable {
    case provincialBody
    case institution
    case administrative

    /// Names ending so are institutions (the longest ending is what counts: 卫生服务中心 before 中心).
    public static let institutionEndings = [
        "医院", "卫生院", "卫生服务中心", "卫生服务站", "卫生室", "疾病预防控制中心", "疾控中心", "保健院", "保健所", "急救中心",
        "血站", "学校", "小学", "中学", "大学", "学院", "幼儿园", "公司", "集团", "厂", "矿", "监狱", "研究所", "研究院",
    ]

    public static func of(_ name: String) -> WrittenUnit {
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("省") || name.hasPrefix("全省") || name.hasPrefix("团省委") || name.hasSuffix("工作组") || name.hasSuffix("行动组") {
            return .provincialBody
        }
        // 郑州市第九人民医院（郑州市老年医院）: the name before a second name in brackets.
        let main = name.hasSuffix("）") ? String(name[..<(name.lastIndex(of: "（") ?? name.endIndex)]) : name
        if institutionEndings.contains(where: main.hasSuffix) { return .institution }
        return .administrative
    }
}
