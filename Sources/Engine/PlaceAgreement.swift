import Features
import Profiles
import Regions

/// A source region's facts as small integers, computed once per case at load so that a
/// request compares numbers, not strings and optionals (copying a `RegionAttributes` per case
/// and feature was most of a 5,000-case request). −1: not known.
struct PlaceCodes: Sendable {
    /// Terrain kinds as bits of `PlaceCodes.terrains`; 0 when unknown or not a county's (only a
    /// county's terrain tells where its practice ran: a province spans mountains and plains).
    var terrain: UInt16 = 0
    var poor: Int8 = -1, urbanRural: Int8 = -1, ethnic: Int8 = -1, base: Int8 = -1
    var level: Int8 = -1
    var countyLevel = false
    var province: Int32 = -1, macroRegion: Int32 = -1

    /// The terrain kinds of region-facts.csv and the profiles' terrain field, in a fixed order.
    static let terrains = ["basin", "coastal", "desert", "grassland", "hill", "island", "mountain", "plain", "plateau"]
    static let urbanRuralValues = ["rural", "mixed", "urban"]
    static let levels = ["province", "prefecture", "county", "district", "township", "institution"]

    static func terrainBits(_ kinds: [String]) -> UInt16 {
        kinds.reduce(0) { bits, kind in terrains.firstIndex(of: kind).map { bits | 1 << $0 } ?? bits }
    }

    static func code(_ flag: Bool?) -> Int8 { flag.map { $0 ? 1 : 0 } ?? -1 }

    /// Names (provinces, macro-regions) as numbers, shared by the cases and the requests.
    struct Names: Sendable {
        private(set) var numbers: [String: Int32] = [:]
        mutating func number(_ name: String?) -> Int32 {
            guard let name else { return -1 }
            if let found = numbers[name] { return found }
            numbers[name] = Int32(numbers.count)
            return Int32(numbers.count - 1)
        }
        /// A name no case has gets −2: never equal to a case's.
        func lookup(_ name: String?) -> Int32 { name.map { numbers[$0] ?? -2 } ?? -1 }
    }

    init() {}

    init(_ source: RegionAttributes, names: inout Names) {
        countyLevel = RegionFit.isCountyLevel(source.level)
        if countyLevel, let kinds = source.terrain?.value { terrain = Self.terrainBits(kinds) }
        poor = Self.code(source.formerPovertyCounty?.value)
        urbanRural = source.urbanRural.flatMap { Self.urbanRuralValues.firstIndex(of: $0.value) }.map(Int8.init) ?? -1
        ethnic = Self.code(source.ethnicAutonomous?.value)
        base = Self.code(source.revolutionaryBase?.value)
        level = Self.levels.firstIndex(of: source.level).map(Int8.init) ?? -1
        province = names.number(source.province)
        macroRegion = names.number(source.macroRegion?.value)
    }
}

/// Whether a case's source region agrees with the profile's place, fact by fact: +1 the same,
/// −1 different, 0 when the profile does not state the fact or the source's is not known (the
/// place features of `RankingFeature`).
struct PlaceAgreement {
    let terrain: UInt16
    /// Poverty (for a poor or formerly poor profile) and developed (for a developed one).
    let wantsPoor: Bool, wantsDeveloped: Bool
    let urbanRural: Int8
    let level: Int8
    let levelIsCounty: Bool
    let ethnic: Bool, base: Bool
    let province: Int32, macroRegion: Int32

    init(_ profile: AnalyzedProfile.Attributes, names: PlaceCodes.Names) {
        terrain = PlaceCodes.terrainBits(profile.terrain?.value ?? [])
        wantsPoor = profile.economy?.value == "poverty" || profile.economy?.value == "former_poverty"
        wantsDeveloped = profile.economy?.value == "developed"
        urbanRural = profile.urbanization.flatMap { PlaceCodes.urbanRuralValues.firstIndex(of: $0.value) }.map(Int8.init) ?? -1
        level = profile.level.map { PlaceCodes.levels.firstIndex(of: $0.value).map(Int8.init) ?? -2 } ?? -1
        levelIsCounty = RegionFit.isCountyLevel(profile.level?.value)
        ethnic = profile.ethnicMinority?.value == true
        base = profile.revolutionaryBase?.value == true
        province = names.lookup(profile.province?.value)
        macroRegion = names.lookup(profile.macroRegion?.value)
    }

    /// Whether the profile states what `feature` compares: if not, its agreement is 0 for every case.
    func states(_ feature: RankingFeature) -> Bool {
        switch feature {
        case .terrain: terrain != 0
        case .poverty: wantsPoor
        case .developed: wantsDeveloped
        case .urbanRural: urbanRural >= 0
        case .level: level != -1
        case .ethnic: ethnic
        case .revolutionaryBase: base
        case .province: province != -1
        case .macroRegion: macroRegion != -1
        default: false
        }
    }

    func agreement(_ feature: RankingFeature, _ source: PlaceCodes) -> Double {
        func sign(_ code: Int8) -> Double { code < 0 ? 0 : code == 1 ? 1 : -1 }
        switch feature {
        case .terrain:
            guard terrain != 0, source.terrain != 0 else { return 0 }
            return terrain & source.terrain != 0 ? 1 : -1
        case .poverty:
            return wantsPoor ? sign(source.poor) : 0
        case .developed:
            guard wantsDeveloped, source.poor >= 0 else { return 0 }
            return source.poor == 0 && source.urbanRural != 0 ? 1 : -1
        case .urbanRural:
            guard urbanRural >= 0, source.urbanRural >= 0 else { return 0 }
            // Mixed (1) is neither like nor unlike urban or rural.
            return urbanRural == source.urbanRural ? 1 : (urbanRural == 1 || source.urbanRural == 1 ? 0 : -1)
        case .level:
            guard level != -1 else { return 0 }
            return level == source.level || (levelIsCounty && source.countyLevel) ? 1 : -1
        case .ethnic:
            return ethnic ? sign(source.ethnic) : 0
        case .revolutionaryBase:
            return base ? sign(source.base) : 0
        case .province:
            guard province != -1, source.province >= 0 else { return 0 }
            return province == source.province ? 1 : 0
        case .macroRegion:
            guard macroRegion != -1, source.macroRegion >= 0 else { return 0 }
            return macroRegion == source.macroRegion ? 1 : -1
        default:
            return 0
        }
    }
}
