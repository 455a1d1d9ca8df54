/// A fact about a region and where it comes from: a row of `config/region-facts.csv` (with
/// that row's sources), or a rule applied to the official name (丰宁满族自治县 → ethnic autonomy).
public struct Fact<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public let value: Value
    public let source: String

    public init(_ value: Value, source: String) {
        self.value = value
        self.source = source
    }
}

/// What the gazetteer knows of a region. Absent facts are unknown, not "no".
public struct RegionAttributes: Sendable, Codable, Equatable {
    public var name: String
    /// GB/T 2260 code of the unit (nil for a street without a six-digit code).
    public var code: String?
    public var province: String?
    public var prefecture: String?
    public var county: String?
    /// province, prefecture, county, district, township.
    public var level: String
    /// mountain, hill, plain, plateau, basin, coastal, island, grassland, desert.
    public var terrain: Fact<[String]>?
    /// On the national list of 832 poverty counties (2012–2020).
    public var formerPovertyCounty: Fact<Bool>?
    /// Is, or lies inside, an ethnic autonomous county, prefecture or region.
    public var ethnicAutonomous: Fact<Bool>?
    /// 革命老区.
    public var revolutionaryBase: Fact<Bool>?
    /// urban, mixed, rural.
    public var urbanRural: Fact<String>?
    /// east, central, west, northeast.
    public var macroRegion: Fact<String>?

    enum CodingKeys: String, CodingKey {
        case name, code, province, prefecture, county, level, terrain
        case formerPovertyCounty = "former_poverty_county"
        case ethnicAutonomous = "ethnic_autonomous"
        case revolutionaryBase = "revolutionary_base"
        case urbanRural = "urban_rural"
        case macroRegion = "macro_region"
    }
}

extension RegionAttributes {
    /// A unit with only its name and level known; the rest is filled by whoever knows it.
    public init(name: String, level: String) {
        self.init(name: name, code: nil, province: nil, prefecture: nil, county: nil, level: level)
    }
}
