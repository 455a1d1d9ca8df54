import Foundation
import Features
@testable import Engine
import Profiles
import Regions
import Testing

@Suite struct RegionFitTests {
    static let cues = try! ProfileCues.load(from: projectRoot.appendingPathComponent("config/profile-cues.json"))
    static let taxonomy = try! Taxonomy.load(from: projectRoot.appendingPathComponent("config/taxonomy.json"))
    static let labelsFile = projectRoot.appendingPathComponent("config/labels.json")
    let labels = try! DomainLabels.load(from: labelsFile, fieldWords: cues.fieldWords, taxonomy: taxonomy)

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
        let fit = RegionFit.compare(mountainPoorCounty, with: region(terrain: ["mountain", "hill"], poor: true), labels: labels)
        #expect(fit == RegionFit(score: 1, shared: ["山区", "原国家级贫困县", "县级"]))
    }

    /// A province or a city spans many terrains: its terrain neither matches nor differs.
    @Test func onlyACountysTerrainCounts() {
        let province = RegionFit.compare(mountainPoorCounty, with: region(level: "province", terrain: ["mountain"], poor: nil), labels: labels)
        // terrain ½ (not a county's), poverty ½ (unknown), level 0 (province against county).
        #expect(province?.score == 1.0 / 3)
        #expect(province?.shared == [])
    }

    @Test func differencesCountZeroAndUnknownsHalf() {
        // Plain, not poor, a city district: terrain and poverty differ, the level is near.
        let district = RegionFit.compare(mountainPoorCounty, with: region(level: "district", terrain: ["plain"], poor: false), labels: labels)
        #expect(district?.score == 0.75 / 3)
        #expect(district?.shared == [])
        // Nothing known about the source: every stated attribute counts one half.
        #expect(RegionFit.compare(mountainPoorCounty, with: nil, labels: labels)?.score == 0.5)
    }

    @Test func aProfileThatSaysNothingOfItsSituationHasNoFit() {
        #expect(RegionFit.compare(AnalyzedProfile.Attributes(), with: region(), labels: labels) == nil)
    }

    @Test func aLabelsFileWithoutAWordForAValueIsRefusedNamingTheValue() throws {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.labelsFile)) as! [String: Any]
        var terrain = json["terrain"] as! [String: String]
        terrain["plateau"] = nil
        json["terrain"] = terrain
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = #expect(throws: FeatureError.self) {
            try DomainLabels.load(from: file, fieldWords: Self.cues.fieldWords, taxonomy: Self.taxonomy)
        }
        #expect("\(error!)".contains(file.path))
        #expect("\(error!)".contains("terrain has no word for plateau"))
    }
}
