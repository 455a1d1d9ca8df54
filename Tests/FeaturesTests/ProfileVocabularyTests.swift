import Features
import Foundation
import Profiles
import Testing

/// The words users write in a profile's fields (config/profile-cues.json, field_words): every one
/// reads as its canonical value; anything else is refused naming the field and the accepted words.
@Suite struct ProfileVocabularyTests {
    static let words = profileAnalyzer.cues.fieldWords

    static func pairs(_ words: [String: [String]]) -> [(alias: String, canonical: String)] {
        words.flatMap { canonical, aliases in ([canonical] + aliases).map { ($0, canonical) } }.sorted { $0.alias < $1.alias }
    }

    @Test func theIssuesWordsAreAccepted() {
        let level = Dictionary(Self.pairs(Self.words.level).map { ($0.alias, $0.canonical) }, uniquingKeysWith: { first, _ in first })
        for alias in ["city", "地级市", "市", "州", "盟"] { #expect(level[alias] == "prefecture", "\(alias)") }
        for alias in ["县", "县级市", "旗"] { #expect(level[alias] == "county", "\(alias)") }
        for alias in ["区", "市辖区"] { #expect(level[alias] == "district", "\(alias)") }
        for alias in ["乡", "镇", "街道", "苏木"] { #expect(level[alias] == "township", "\(alias)") }
        for alias in ["省", "自治区", "直辖市"] { #expect(level[alias] == "province", "\(alias)") }
        let terrain = Dictionary(Self.pairs(Self.words.terrain).map { ($0.alias, $0.canonical) }, uniquingKeysWith: { first, _ in first })
        #expect(["山区", "丘陵", "高原", "海岛", "草原", "牧区", "荒漠"].map { terrain[$0] }
                == ["mountain", "hill", "plateau", "island", "grassland", "grassland", "desert"])
        let economy = Dictionary(Self.pairs(Self.words.economy).map { ($0.alias, $0.canonical) }, uniquingKeysWith: { first, _ in first })
        #expect(["贫困县", "脱贫县", "原国家级贫困县", "欠发达", "发达"].map { economy[$0] }
                == ["poverty", "former_poverty", "former_poverty", "developing", "developed"])
        let urbanization = Dictionary(Self.pairs(Self.words.urbanization).map { ($0.alias, $0.canonical) }, uniquingKeysWith: { first, _ in first })
        #expect(["农村", "城市", "城乡结合"].map { urbanization[$0] } == ["rural", "urban", "mixed"])
    }

    @Test(arguments: pairs(words.level))
    func everyLevelWord(alias: String, canonical: String) throws {
        let analyzed = try profileAnalyzer.analyze(RegionProfile(level: alias, text: "健康促进"))
        #expect(analyzed.attributes.level?.value == canonical)
    }

    @Test(arguments: pairs(words.terrain))
    func everyTerrainWord(alias: String, canonical: String) throws {
        let analyzed = try profileAnalyzer.analyze(RegionProfile(terrain: [alias]))
        #expect(analyzed.attributes.terrain?.value == [canonical])
    }

    @Test(arguments: pairs(words.economy))
    func everyEconomyWord(alias: String, canonical: String) throws {
        let analyzed = try profileAnalyzer.analyze(RegionProfile(economy: alias))
        #expect(analyzed.attributes.economy?.value == canonical)
    }

    @Test(arguments: pairs(words.urbanization))
    func everyUrbanizationWord(alias: String, canonical: String) throws {
        let analyzed = try profileAnalyzer.analyze(RegionProfile(urbanization: alias, text: "健康促进"))
        #expect(analyzed.attributes.urbanization?.value == canonical)
    }

    @Test func aFocusByItsLabel() throws {
        let label = try #require(profileAnalyzer.tagger.taxonomy.tag("tobacco_control")?.label)
        let analyzed = try profileAnalyzer.analyze(RegionProfile(focus: [label]))
        #expect(analyzed.tags.contains { $0.key == "tobacco_control" && $0.source == "focus" })
    }

    @Test func englishWordsInAnyCase() throws {
        let analyzed = try profileAnalyzer.analyze(RegionProfile(level: " City ", terrain: ["Mountainous"], text: "健康"))
        #expect(analyzed.attributes.level?.value == "prefecture")
        #expect(analyzed.attributes.terrain?.value == ["mountain"])
    }

    @Test func anUnknownWordIsRefusedWithTheAcceptedWords() {
        #expect(throws: ProfileError(field: "level", message:
            "'metropolis' is not one of province (省, 自治区, 直辖市, 省级); prefecture (city, prefecture-level city, 地级市, 市, 州, 自治州, 盟, 地区, 地市); county (县, 县级市, 旗, 自治县, 自治旗, county-level city); district (区, 市辖区); township (乡, 镇, 街道, 苏木, 乡镇, town, street)")) {
            try profileAnalyzer.analyze(RegionProfile(level: "metropolis", text: "健康"))
        }
        do {
            _ = try profileAnalyzer.analyze(RegionProfile(terrain: ["山区", "火山"]))
            Issue.record("火山 was accepted")
        } catch let error as ProfileError {
            #expect(error.field == "terrain[1]")
            #expect(error.message.hasPrefix("'火山' is not one of mountain (mountainous, 山区"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
