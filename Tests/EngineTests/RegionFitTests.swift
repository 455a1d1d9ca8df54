import Features
@testable import Engine
import Profiles
import Regions
import Testing

@Suite struct RegionFitTests {
    func region(level: String = "county", terrain: [String]? = nil, poor: Bool? = nil, urban: String? = nil) -> RegionAttributes {
        var attributes = RegionAttributes(name: "某县", level: level)
        attributes.terrain = terrain.map { Fact($0, source: "test") }
        attributes.formerPovertyCounty = poor.map { Fact($0, source: "test") }
        attributes.urbanRural = urban.map { Fact($0, source: "test") }
        return attributes
    }

    var mountainPoorCounty: AnalyzedProfile.Attributes {
        var profile = AnalyzedProfile.Attributes()
        profile.terrain = Fact(["mountain"], source: "field terrain")
        profile.economy = Fact("former_poverty", source: "field economy")
        profile.level = Fact("county", source: "field level")
        return profile
    }

    @Test func aMountainousFormerPovertyCountyFitsAnotherOne() {
        let fit = RegionFit.compare(mountainPoorCounty, with: region(terrain: ["mountain", "hill"], poor: true))
        #expect(fit == RegionFit(score: 1, shared: ["山区", "原国家级贫困县", "县级"]))
    }

    /// A province or a city spans many terrains: its terrain neither matches nor differs.
    @Test func onlyACountysTerrainCounts() {
        let province = RegionFit.compare(mountainPoorCounty, with: region(level: "province", terrain: ["mountain"], poor: nil))
        // terrain ½ (not a county's), poverty ½ (unknown), level 0 (province against county).
        #expect(province?.score == 1.0 / 3)
        #expect(province?.shared == [])
    }

    @Test func differencesCountZeroAndUnknownsHalf() {
        // Plain, not poor, a city district: terrain and poverty differ, the level is near.
        let district = RegionFit.compare(mountainPoorCounty, with: region(level: "district", terrain: ["plain"], poor: false))
        #expect(district?.score == 0.75 / 3)
        #expect(district?.shared == [])
        // Nothing known about the source: every stated attribute counts one half.
        #expect(RegionFit.compare(mountainPoorCounty, with: nil)?.score == 0.5)
    }

    @Test func aProfileThatSaysNothingOfItsSituationHasNoFit() {
        #expect(RegionFit.compare(AnalyzedProfile.Attributes(), with: region()) == nil)
    }
}
