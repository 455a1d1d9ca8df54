import Foundation
import SwiftCSV

/// Region attributes for every administrative unit down to the county level, and for the
/// streets the corpus names: derived from official names for all 2,978 county-level units
/// (autonomy, urban or rural, macro-region), and overridden by the checked facts of
/// `config/region-facts.csv` (terrain, former poverty county, revolutionary base…) where a
/// region has a row there.
public struct Gazetteer: Sendable {
    public let resolver: RegionResolver
    private var byCode: [String: RegionAttributes] = [:]
    /// Streets have no six-digit code: keyed by county code and name.
    private var streets: [String: RegionAttributes] = [:]

    public init(resolver: RegionResolver, factsFile: URL, macroRegionsFile: URL) throws {
        self.resolver = resolver
        let macroRegions = try Self.readMacroRegions(macroRegionsFile)
        let table = resolver.table
        for unit in table.units.values where unit.kind != .township && !table.isPlaceholder(unit) {
            byCode[unit.code] = Self.derived(unit, table: table, macroRegions: macroRegions)
        }
        try applyFacts(from: factsFile)
    }

    /// Number of county-level units with attributes.
    public var countyCount: Int { byCode.values.filter { $0.level == "county" || $0.level == "district" }.count }

    public func attributes(code: String) -> RegionAttributes? { byCode[code] }

    /// The attributes of the most specific unit of a resolved region: the street when the
    /// gazetteer has it, else the county, prefecture or province.
    public func attributes(province: String?, prefecture: String?, county: String?, subUnit: String?) -> RegionAttributes? {
        let written = [province, prefecture, county].compactMap { $0 }.joined()
        guard !written.isEmpty else { return nil }
        let (units, _) = resolver.matchPrefix(written, preferProvince: province)
        guard let deepest = units.max(by: { $0.kind < $1.kind }) else { return nil }
        if let subUnit, let street = streets["\(deepest.code)|\(subUnit)"] { return street }
        return byCode[deepest.code]
    }

    // MARK: Derivation from names

    private static func derived(_ unit: DivisionTable.Unit, table: DivisionTable, macroRegions: [String: String]) -> RegionAttributes {
        let chain = table.chain(of: unit)
        let level: String
        switch unit.kind {
        case .province: level = "province"
        case .prefecture: level = "prefecture"
        case .county: level = unit.name.hasSuffix("区") ? "district" : "county"
        case .township: level = "township"
        }
        var attributes = RegionAttributes(
            name: unit.name, code: unit.code, province: chain.province?.name, prefecture: chain.prefecture?.name,
            county: chain.county?.name, level: level)
        if let province = chain.province?.name, let macro = macroRegions[province] {
            attributes.macroRegion = Fact(macro, source: "rule: \(province) is in the \(macro) of the four official macro-regions (config/divisions/macro-regions.csv)")
        }
        // Autonomy: the unit, or a unit containing it, is named …自治县/旗/自治州/盟/自治区.
        let autonomous = [chain.county, chain.prefecture, chain.province].compactMap { $0 }.first { container in
            container.name.contains("自治") || container.name.hasSuffix("旗")
        }
        if let autonomous {
            attributes.ethnicAutonomous = Fact(true, source: "name: lies in or is \(autonomous.name)")
        } else {
            attributes.ethnicAutonomous = Fact(false, source: "name: neither it nor its prefecture or province is an ethnic autonomous unit")
        }
        if unit.kind == .county {
            if unit.name.hasSuffix("县") || unit.name.hasSuffix("旗") {
                attributes.urbanRural = Fact("rural", source: "rule: 县, 旗 and 自治县 are rural")
            } else if unit.name.hasSuffix("市") {
                attributes.urbanRural = Fact("mixed", source: "rule: a county-level city mixes town and country")
            } else {
                attributes.urbanRural = Fact("mixed", source: "rule: a 市辖区 (central or suburban; not told apart by name)")
            }
        } else if unit.kind == .prefecture || unit.kind == .province {
            attributes.urbanRural = Fact("mixed", source: "rule: prefectures and provinces mix town and country")
        }
        return attributes
    }

    private static func readMacroRegions(_ url: URL) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: url.path) else { throw RegionError.missingTable(path: url.path) }
        let csv = try CSV<Named>(url: url)
        var result: [String: String] = [:]
        for row in csv.rows {
            if let province = row["province"], let macro = row["macro_region"] { result[province] = macro }
        }
        return result
    }

    // MARK: Checked facts

    private mutating func applyFacts(from url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw RegionError.missingTable(path: url.path) }
        let csv = try CSV<Named>(url: url)
        for (index, row) in csv.rows.enumerated() {
            let line = index + 2
            guard let name = row["name"], !name.isEmpty else { continue }
            let sources = row["sources"].flatMap { $0.isEmpty ? nil : $0 } ?? "config/region-facts.csv"
            let source = "config/region-facts.csv line \(line): \(sources)"
            var attributes: RegionAttributes
            var key: (dictionary: WritableKeyPath<Gazetteer, [String: RegionAttributes]>, key: String)
            if let adcode = row["adcode"], !adcode.isEmpty {
                // The division table codes provinces with 2 digits and prefectures with 4 (13, 1306);
                // GB/T 2260 pads them to 6 (130000, 130600).
                let code = byCode[adcode] != nil ? adcode
                    : adcode.hasSuffix("0000") ? String(adcode.prefix(2)) : adcode.hasSuffix("00") ? String(adcode.prefix(4)) : adcode
                guard let existing = byCode[code] else {
                    throw RegionError.badFact(path: url.path, line: line, reason: "adcode \(adcode) is not in the division table")
                }
                attributes = existing
                key = (\.byCode, code)
            } else {
                let parent = [row["province"], row["prefecture"], row["county"]].compactMap { $0 }.joined()
                let (units, _) = resolver.matchPrefix(parent)
                guard let county = units.max(by: { $0.kind < $1.kind }), var base = byCode[county.code] else {
                    throw RegionError.badFact(path: url.path, line: line, reason: "\(name): its county is not in the division table")
                }
                base.name = name
                base.code = nil
                base.level = row["level"] ?? "township"
                attributes = base
                key = (\.streets, "\(county.code)|\(name)")
            }
            if let terrain = row["terrain"], !terrain.isEmpty {
                attributes.terrain = Fact(terrain.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }, source: source)
            }
            attributes.formerPovertyCounty = Self.yesNo(row["former_national_poverty_county"]).map { Fact($0, source: source) } ?? attributes.formerPovertyCounty
            attributes.ethnicAutonomous = Self.yesNo(row["ethnic_autonomous"]).map { Fact($0, source: source) } ?? attributes.ethnicAutonomous
            attributes.revolutionaryBase = Self.yesNo(row["revolutionary_base"]).map { Fact($0, source: source) } ?? attributes.revolutionaryBase
            if let urban = row["urban_rural"], !urban.isEmpty { attributes.urbanRural = Fact(urban, source: source) }
            if let macro = row["macro_region"], !macro.isEmpty { attributes.macroRegion = Fact(macro, source: source) }
            self[keyPath: key.dictionary][key.key] = attributes
        }
    }

    /// yes → true, no → false; n/a, unknown and empty → not known.
    private static func yesNo(_ value: String?) -> Bool? {
        switch value?.lowercased() {
        case "yes": return true
        case "no": return false
        default: return nil
        }
    }
}
