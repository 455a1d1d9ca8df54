import Corpus
import Foundation
import Regions

/// Places each case: its unit read inside the place the document is about. A document names
/// its place in its title (健康河北, 福州市…汇编, 婺源县…材料), issuer or 文号 (冀, 黔); a provincial
/// body or work group is that province; a short or shared name (保定易县, 鼓楼区, 江湾镇) resolves
/// within it; an institution keeps its full name and is placed in its county or city by its name
/// or, failing that, its text; a case whose head names no unit is placed by its first paragraphs.
struct CasePlacement {
    let resolver: RegionResolver
    /// The province the document is about, if its words give one.
    let province: String?
    /// The prefecture or county the document is about, written as a chain (福建省福州市), for
    /// names that resolve inside it; empty when the document is about a province or the nation.
    let placeText: String
    let placeCode: String?
    let placeCountyCode: String?
    let issuer: String?

    init(resolver: RegionResolver, documentPlace: DocumentPlace?, metadata: DocumentMetadata, casesProvince: String?) {
        self.resolver = resolver
        issuer = metadata.issuer
        let named = documentPlace?.province(title: metadata.title, issuer: metadata.issuer, docNumber: metadata.docNumber)?.province
        let province = named ?? casesProvince
        // The deepest place a title or issuer opens with (福州市健康促进… → 福州市).
        var place: ResolvedRegion?
        for text in [metadata.title, metadata.issuer].compactMap({ $0 }) {
            let resolved = resolver.resolve(String(text.prefix(resolver.matchPrefix(text, preferProvince: province).length)), preferProvince: province)
            guard resolved.isResolved, resolved.prefecture != nil || resolved.county != nil else { continue }
            if province == nil || resolved.province == province { place = resolved; break }
        }
        self.province = province ?? place?.province
        if let place {
            placeText = [place.province, place.prefecture, place.county].compactMap { $0 }.joined()
            placeCode = place.code
            placeCountyCode = place.county != nil ? place.code : nil
        } else {
            placeText = ""
            placeCode = nil
            placeCountyCode = nil
        }
    }

    struct Placed {
        var region: RegionInfo
        var guesses: [String] = []
    }

    /// The case's region from the names its head gives (first that resolves), else its text.
    func place(names: [String], context: String, text: String) -> Placed {
        for name in names {
            if let placed = place(name: name, context: context, text: text) { return placed }
        }
        if let placed = placeByText(text, written: names.first) { return placed }
        let written = names.first ?? ""
        return Placed(region: RegionInfo(name: written, province: nil, prefecture: nil, county: nil, subUnit: nil, level: nil))
    }

    private func place(name: String, context: String, text: String) -> Placed? {
        switch WrittenUnit.of(name) {
        case .provincialBody:
            guard let province else { return nil }
            return Placed(region: RegionInfo(name: name, province: province, prefecture: nil, county: nil, subUnit: nil, level: "province"))
        case .institution:
            var resolved = administrative(name, context: context) ?? .unresolved
            var guesses: [String] = []
            if resolved.prefecture == nil && resolved.county == nil, let byText = mostNamedPlace(in: text) {
                resolved = byText
                guesses.append("institution placed by its text")
            }
            guard resolved.isResolved || province != nil else { return nil }
            return Placed(region: RegionInfo(
                name: name, province: resolved.province ?? province, prefecture: resolved.prefecture, county: resolved.county,
                subUnit: name, level: "institution"), guesses: guesses)
        case .administrative:
            guard var resolved = administrative(name, context: context) else { return nil }
            // 长沙市开福区卫生健康局: a place's own administration is the place.
            if resolved.subUnit == name, UnitNames.isAdministrationName(name) { resolved.subUnit = nil }
            return Placed(region: RegionInfo(name: name, province: resolved.province, prefecture: resolved.prefecture,
                                             county: resolved.county, subUnit: resolved.subUnit, level: resolved.level))
        }
    }

    /// A place as written, inside the document's place first (鼓楼区 in 福州市, 江湾镇 in 婺源县),
    /// then inside the containing units a table writes apart, in the document's province.
    private func administrative(_ written: String, context: String) -> ResolvedRegion? {
        let name = written.filter { $0 != "·" }  // 宁夏·隆德
        if !placeText.isEmpty, context.isEmpty {
            let inside = resolver.resolve(name, context: placeText, preferProvince: province)
            if inside.isResolved, inside.code != placeCode, inside.subUnit != name { return inside }
        }
        let resolved = resolver.resolve(name, context: context, preferProvince: province)
        // 新疆生产建设兵团第三师图木舒克市…: a name that only its province begins, with a county
        // or city named in full further on.
        if resolved.isResolved, resolved.prefecture == nil, resolved.county == nil,
           let inner = resolver.mentionedUnits(in: name).first(where: { resolver.table.chain(of: $0.unit).province?.name == resolved.province && $0.unit.kind != .province })?.unit {
            let deeper = resolver.resolve(inner.name, context: resolver.table.chain(of: inner).province?.name ?? "", preferProvince: province)
            if deeper.isResolved { return deeper }
        }
        return resolved.isResolved ? resolved : nil
    }

    /// A case whose head names no unit: the township of the document's county, or the most
    /// deeply placed unit, that its first paragraphs name.
    private func placeByText(_ text: String, written: String?) -> Placed? {
        let opening = String(text.prefix(600))
        if let county = placeCountyCode, let township = resolver.firstTownship(in: opening, countyCode: county) {
            let resolved = resolver.resolve(township, context: placeText, preferProvince: province)
            if resolved.isResolved {
                // 伏家镇中心卫生院 in the text: the town's institution, not the town.
                if let institution = UnitNames.institution(named: township, in: opening) {
                    return Placed(region: RegionInfo(name: written ?? institution, province: resolved.province, prefecture: resolved.prefecture,
                                                     county: resolved.county, subUnit: institution, level: "institution"),
                                  guesses: ["region from the body"])
                }
                return Placed(region: RegionInfo(name: written ?? township, province: resolved.province, prefecture: resolved.prefecture,
                                                 county: resolved.county, subUnit: resolved.subUnit, level: resolved.level),
                              guesses: ["region from the body"])
            }
        }
        guard let resolved = mostNamedPlace(in: opening) else { return documentsOwnPlace(written: written) }
        let name = written ?? [resolved.county ?? resolved.prefecture].compactMap { $0 }.first ?? ""
        return Placed(region: RegionInfo(name: name, province: resolved.province, prefecture: resolved.prefecture,
                                         county: resolved.county, subUnit: nil, level: resolved.level),
                      guesses: ["region from the body"])
    }

    /// A case of a county's or a city's own collection that names no other place is that place's
    /// (written as the issuer, 徽县卫生健康局, when the issuer is the place's own administration).
    private func documentsOwnPlace(written: String?) -> Placed? {
        guard !placeText.isEmpty else { return nil }
        let resolved = resolver.resolve(placeText)
        guard resolved.isResolved else { return nil }
        let deepest = resolved.county ?? resolved.prefecture ?? ""
        let name = written ?? (issuer.map { $0.hasPrefix(deepest) && UnitNames.isAdministrationName($0) ? $0 : nil } ?? nil) ?? deepest
        return Placed(region: RegionInfo(name: name, province: resolved.province, prefecture: resolved.prefecture,
                                         county: resolved.county, subUnit: nil, level: resolved.level),
                      guesses: ["region: the document's own place"])
    }

    /// The unit that `text` names most often inside the document's province (short names count
    /// when the province is known: 石家庄地铁 names 石家庄市 in a document about 河北).
    private func mostNamedPlace(in text: String) -> ResolvedRegion? {
        let mentioned = resolver.mentionedUnits(in: text, shortNames: province != nil).filter { mention in
            let chain = resolver.table.chain(of: mention.unit)
            return mention.unit.kind != .province && (province == nil || chain.province?.name == province)
        }
        // Most named; of two named as often, the deeper.
        guard let unit = mentioned.max(by: { ($0.mentions, $0.unit.kind.rawValue) < ($1.mentions, $1.unit.kind.rawValue) })?.unit else { return nil }
        let resolved = resolver.resolve(unit.name, context: resolver.table.chain(of: unit).province?.name ?? "", preferProvince: province)
        return resolved.isResolved ? resolved : nil
    }
}
