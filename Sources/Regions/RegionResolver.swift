import Foundation

/// A written region name resolved against the division table.
public struct ResolvedRegion: Sendable, Equatable {
    public var province: String?
    public var prefecture: String?
    public var county: String?
    /// A township or street, or an institution (a hospital…) named after the administrative units.
    public var subUnit: String?
    /// province, prefecture, county, district, township.
    public var level: String?
    /// Code of the most specific administrative unit found.
    public var code: String?

    public static let unresolved = ResolvedRegion()
    public var isResolved: Bool { code != nil }
}

/// Resolves names as documents write them — 保定易县, 信阳罗山, 北京市西城区新街口街道,
/// 郑州市第九人民医院 — to province, prefecture, county and sub-unit.
///
/// Written by hand because no library here knows Chinese administrative divisions: the names are
/// read left to right, each step taking the longest full or short name (保定 for 保定市, 罗山 for
/// 罗山县, 丰宁 for 丰宁满族自治县) that lies inside the unit matched before it.
public struct RegionResolver: Sendable {
    public let table: DivisionTable
    /// Full and short names → the units they may denote (names repeat across provinces).
    private var unitsByName: [String: [DivisionTable.Unit]] = [:]
    /// Townships are looked up only inside an already matched county or prefecture.
    private var townshipsByParent: [String: [String: DivisionTable.Unit]] = [:]
    /// County codes by their prefecture's code: a township after a prefecture is sought in its
    /// counties, and reading the whole table for them on every title made an import slow.
    private var countyCodesByPrefecture: [String: [String]] = [:]
    private let longestName: Int
    /// Full names of three characters or more, by first scalar, for finding regions in free text.
    private var fullNamesByFirstScalar: [Unicode.Scalar: [String]] = [:]
    /// Full and short names (石家庄) of three characters or more, for `mentionedUnits(in:shortNames:)`.
    private var anyNamesByFirstScalar: [Unicode.Scalar: [String]] = [:]
    /// Every unit's full and short names and aliases, by code (not townships).
    private var namesByCode: [String: [String]] = [:]

    /// `aliases`: names in everyday use that no rule derives from the full name (科右前旗 for
    /// 科尔沁右翼前旗), alias → full name.
    public init(table: DivisionTable, ethnicGroups: [String], aliases: [String: String] = [:]) {
        self.table = table
        let ethnic = ethnicGroups.sorted { $0.count > $1.count }
        var longest = 0
        for unit in table.units.values {
            if unit.kind == .township {
                townshipsByParent[unit.parentCode ?? "", default: [:]][unit.name] = unit
                continue
            }
            if unit.kind == .county, let parent = unit.parentCode { countyCodesByPrefecture[parent, default: []].append(unit.code) }
            if table.isPlaceholder(unit) { continue }
            for name in Set([unit.name] + Self.shortNames(of: unit, ethnicGroups: ethnic)) {
                unitsByName[name, default: []].append(unit)
                namesByCode[unit.code, default: []].append(name)
                longest = max(longest, name.count)
            }
        }
        let byFullName = Dictionary(grouping: table.units.values.filter { !table.isPlaceholder($0) && $0.kind != .township }, by: \.name)
        for (alias, full) in aliases {
            guard let units = byFullName[full] else { continue }
            unitsByName[alias, default: []] += units
            for unit in units { namesByCode[unit.code, default: []].append(alias) }
            longest = max(longest, alias.count)
        }
        for key in unitsByName.keys { unitsByName[key]!.sort { $0.code < $1.code } }
        longestName = longest
        for (name, units) in unitsByName where name.count >= 3 {
            if units.contains(where: { $0.name == name }) {
                fullNamesByFirstScalar[name.unicodeScalars.first!, default: []].append(name)
            }
            anyNamesByFirstScalar[name.unicodeScalars.first!, default: []].append(name)
        }
        for key in fullNamesByFirstScalar.keys { fullNamesByFirstScalar[key]!.sort { $0.count > $1.count } }
        for key in anyNamesByFirstScalar.keys { anyNamesByFirstScalar[key]!.sort { $0.count > $1.count } }
    }

    /// The names text gives the unit `code` and the units that contain it (河北省, 河北, 保定市,
    /// 保定, 易县…), sorted; none for a code the table does not have.
    public func names(ofCode code: String) -> [String] {
        guard let unit = table.units[code] else { return [] }
        let chain = table.chain(of: unit)
        let units = [chain.province, chain.prefecture, chain.county, unit].compactMap { $0 }
        return Set(units.flatMap { namesByCode[$0.code] ?? [] }).sorted()
    }

    /// Loads `provinces.csv`, `cities.csv`, `areas.csv`, `streets.csv`, `ethnic-groups.txt` and
    /// `aliases.csv` from `directory`.
    public init(directory: URL) throws {
        let table = try DivisionTable(directory: directory)
        let groupsFile = directory.appendingPathComponent("ethnic-groups.txt")
        let groups = (try? String(contentsOf: groupsFile, encoding: .utf8))?
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
        // aliases.csv: alias,full name — 科右前旗,科尔沁右翼前旗.
        var aliases: [String: String] = [:]
        if let text = try? String(contentsOf: directory.appendingPathComponent("aliases.csv"), encoding: .utf8) {
            for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if fields.count >= 2, !fields[0].isEmpty { aliases[fields[0]] = fields[1] }
            }
        }
        self.init(table: table, ethnicGroups: groups, aliases: aliases)
    }

    /// Short forms in everyday use: 河北 for 河北省, 内蒙古 for 内蒙古自治区, 保定 for 保定市,
    /// 甘南 and 甘南州 for 甘南藏族自治州, 罗山 for 罗山县, 丰宁 for 丰宁满族自治县. Never shorter than two characters.
    static func shortNames(of unit: DivisionTable.Unit, ethnicGroups: [String]) -> [String] {
        let name = unit.name
        if unit.kind == .province {
            let length = (name.hasPrefix("内蒙古") || name.hasPrefix("黑龙江")) ? 3 : 2
            return [String(name.prefix(length))]
        }
        var stem = name
        for suffix in ["自治州", "自治县", "自治旗"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            var stripped = true
            while stripped {
                stripped = false
                // 锡伯族 and, in some names, 锡伯 without 族 (察布查尔锡伯自治县).
                for group in ethnicGroups {
                    for written in [group + "族", group] where stem.hasSuffix(written) && stem.count >= written.count + 2 {
                        stem.removeLast(written.count)
                        stripped = true
                        break
                    }
                    if stripped { break }
                }
            }
            guard stem.count >= 2, stem != name else { return [] }
            // 恩施州, 甘南州, 察布查尔县, 鄂伦春旗: the short name with 州, 县 or 旗 is as common as the bare one.
            return [stem, stem + String(suffix.last!)]
        }
        // 洛阳高新技术产业开发区 → 洛阳高新区; 郑州经济技术开发区 → 郑州经开区, 郑州经济开发区.
        for (full, shorts) in [("高新技术产业开发区", ["高新区"]), ("经济技术开发区", ["经开区", "经济开发区"])] where name.hasSuffix(full) {
            let place = name.dropLast(full.count)
            return place.count >= 2 ? shorts.map { place + $0 } : []
        }
        let suffixes = unit.kind == .prefecture ? ["地区", "市", "盟"] : ["县", "区", "市", "旗"]
        for suffix in suffixes where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            return stem.count >= 2 ? [stem] : []
        }
        return []
    }

    /// The administrative units written at the start of `text`, and how many characters they take.
    /// `preferProvince` breaks ties between same-named units (the document's own province).
    public func matchPrefix(_ text: String, preferProvince: String? = nil) -> (units: [DivisionTable.Unit], length: Int) {
        let characters = Array(text)
        var position = 0
        var matched: [DivisionTable.Unit] = []
        while position < characters.count {
            guard let (unit, length) = bestUnit(in: characters, at: position, after: matched, preferProvince: preferProvince) else { break }
            matched.append(unit)
            position += length
        }
        return (matched, position)
    }

    /// Resolves a region as written. `context` may give containing units written apart (a
    /// table's province and prefecture cells). Anything after the administrative units is a
    /// township (kept as written) or the name of an institution (the whole name is kept).
    public func resolve(_ written: String, context: String = "", preferProvince: String? = nil) -> ResolvedRegion {
        let name = written.trimmingCharacters(in: .whitespaces)
        let combined = context + name
        let (units, length) = matchPrefix(combined, preferProvince: preferProvince)
        guard let deepest = units.max(by: { $0.kind < $1.kind }) else { return .unresolved }
        let remainder = String(Array(combined)[length...]).trimmingCharacters(in: .whitespaces)
        let chain = table.chain(of: deepest)
        var region = ResolvedRegion(
            province: chain.province?.name, prefecture: chain.prefecture?.name, county: chain.county?.name,
            subUnit: chain.township?.name, level: nil, code: deepest.code)
        switch deepest.kind {
        case .township: region.level = "township"
        case .county: region.level = deepest.name.hasSuffix("区") ? "district" : "county"
        case .prefecture: region.level = "prefecture"
        case .province: region.level = "province"
        }
        if !remainder.isEmpty, region.subUnit == nil {
            if Self.looksLikeTownship(remainder), deepest.kind == .county {
                region.subUnit = remainder
                region.level = "township"
            } else {
                region.subUnit = name
            }
        }
        return region
    }

    /// The administrative units a free text names in full (偏关县, 山西省), most mentioned first;
    /// a name several units share is read in the province the text names most.
    /// With `shortNames`, short names of three characters or more count too (石家庄地铁 names
    /// 石家庄市), each read as every unit it names; the caller narrows them to a province.
    public func mentionedUnits(in text: String, shortNames: Bool = false) -> [(unit: DivisionTable.Unit, mentions: Int)] {
        let namesByFirstScalar = shortNames ? anyNamesByFirstScalar : fullNamesByFirstScalar
        var counts: [String: Int] = [:]
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard let names = namesByFirstScalar[scalars[index]] else { index += 1; continue }
            var matched = 0
            for name in names {
                let length = name.unicodeScalars.count
                if index + length <= scalars.count, String(String.UnicodeScalarView(scalars[index..<(index + length)])) == name {
                    counts[name, default: 0] += 1
                    matched = length
                    break
                }
            }
            index += max(matched, 1)
        }
        let provinceMentions = counts.filter { name, _ in unitsByName[name]?.contains { $0.kind == .province && $0.name == name } == true }
        let preferred = provinceMentions.max { $0.value < $1.value }?.key
        var result: [(unit: DivisionTable.Unit, mentions: Int)] = []
        for (name, mentions) in counts {
            let candidates = (unitsByName[name] ?? []).filter { $0.name == name }
            if let unit = Self.prefer(candidates, province: preferred, table: table) {
                result.append((unit, mentions))
            } else if shortNames, candidates.isEmpty {
                result += (unitsByName[name] ?? []).map { ($0, mentions) }
            }
        }
        return result.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.unit.code < $1.unit.code }
    }

    /// The name, full or short, of one administrative unit or more (鼓楼区 names four).
    public func isKnownName(_ name: String) -> Bool { unitsByName[name] != nil }

    /// The first township of the county with `countyCode` that `text` names (赋春镇 in a case of
    /// 婺源县 that names its town only in its body), and where it is named.
    public func firstTownship(in text: String, countyCode: String) -> String? {
        guard let townships = townshipsByParent[countyCode] else { return nil }
        var best: (name: String, at: String.Index)?
        for name in townships.keys where name.count >= 2 {
            if let range = text.range(of: name), best.map({ range.lowerBound < $0.at }) ?? true { best = (name, range.lowerBound) }
        }
        return best?.name
    }

    public static func looksLikeTownship(_ name: String) -> Bool {
        ["街道", "镇", "乡", "苏木"].contains { name.hasSuffix($0) } && name.count <= 8
    }

    private func bestUnit(
        in characters: [Character], at position: Int, after matched: [DivisionTable.Unit], preferProvince: String?
    ) -> (DivisionTable.Unit, Int)? {
        let deepest = matched.last
        let maxLength = min(longestName, characters.count - position)
        if maxLength >= 2 {
            for length in stride(from: maxLength, through: 2, by: -1) {
                let key = String(characters[position..<(position + length)])
                guard let candidates = unitsByName[key] else { continue }
                let inside = candidates.filter { candidate in
                    guard let deepest else { return true }
                    return candidate.kind > deepest.kind && table.contains(deepest, candidate)
                }
                // The longest name that fits decides; if it stays ambiguous, stop rather
                // than fall back to a shorter, likelier wrong, reading.
                if !inside.isEmpty {
                    return Self.prefer(inside, province: preferProvince, table: table).map { ($0, length) }
                }
            }
        }
        // Townships only inside a matched county (or, failing that, a prefecture).
        guard let deepest, deepest.kind == .county || deepest.kind == .prefecture else { return nil }
        let parents = deepest.kind == .county ? [deepest.code] : countyCodesByPrefecture[deepest.code] ?? []
        let rest = String(characters[position...])
        for parent in parents.sorted() {
            guard let townships = townshipsByParent[parent] else { continue }
            if let hit = townships.values.filter({ rest.hasPrefix($0.name) }).max(by: { $0.name.count < $1.name.count }) {
                return (hit, hit.name.count)
            }
        }
        return nil
    }

    /// Among same-named units: the only one, or the one in the preferred province, or the
    /// shallowest (a prefecture over a county of the same short name).
    private static func prefer(_ candidates: [DivisionTable.Unit], province: String?, table: DivisionTable) -> DivisionTable.Unit? {
        guard candidates.count > 1 else { return candidates.first }
        if let province {
            let local = candidates.filter { table.chain(of: $0).province?.name == province }
            if local.count == 1 { return local[0] }
        }
        let shallowest = candidates.map(\.kind).min()!
        let top = candidates.filter { $0.kind == shallowest }
        return top.count == 1 ? top[0] : nil
    }
}
