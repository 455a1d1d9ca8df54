import Features
import Foundation
import Profiles
import Testing

@Suite struct ProfileTests {
    static let developmentProfiles: [RegionProfile] = {
        let url = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/dev-profiles.jsonl")
        let fallback = projectRoot.appendingPathComponent("Tests/FeaturesTests/Fixtures/dev-profiles.jsonl")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? (try! String(contentsOf: fallback, encoding: .utf8))
        return text.split(separator: "\n").map { try! RegionProfile.decode(Data($0.utf8)) }
    }()

    @Test func mountainousPoorCountyFromFieldsAndText() throws {
        let profile = try #require(Self.developmentProfiles.first { $0.id == "D01" })
        let analyzed = try profileAnalyzer.analyze(profile)
        #expect(analyzed.attributes.terrain?.value == ["mountain"])
        #expect(analyzed.attributes.terrain?.source == "field terrain")
        #expect(analyzed.attributes.economy?.value == "former_poverty")
        #expect(analyzed.tags.contains { $0.key == "health_literacy" && $0.source.hasPrefix("text:") })
        #expect(analyzed.terms.contains("健康素养"))
    }

    @Test func freeTextAloneGivesAttributes() throws {
        let analyzed = try profileAnalyzer.analyze(RegionProfile(text: "地处偏远山区的贫困县，少数民族聚居，农村留守老人多，居民健康素养低"))
        #expect(analyzed.attributes.terrain?.value == ["mountain"])
        #expect(analyzed.attributes.terrain?.source == "text: 山区")
        #expect(analyzed.attributes.economy?.value == "former_poverty")
        #expect(analyzed.attributes.ethnicMinority?.value == true)
        #expect(analyzed.attributes.urbanization?.value == "rural")
        #expect(analyzed.attributes.aging?.value == true)
    }

    /// A county's own plan, given as text: its region's facts, and the actions it already plans.
    @Test func countyPlanYieldsItsRegionAndPlannedActions() throws {
        let plan = try String(contentsOf: projectRoot.appendingPathComponent("Tests/AnalyzerTests/Fixtures/004_5a58676f7c40b71f.txt"), encoding: .utf8)
        let analyzed = try profileAnalyzer.analyze(RegionProfile(text: plan))
        #expect(analyzed.region?.name == "偏关县")
        #expect(analyzed.region?.province == "山西省")
        #expect(analyzed.attributes.level?.value == "county")
        #expect(analyzed.attributes.terrain?.value.contains("mountain") == true)
        #expect(analyzed.attributes.economy?.value == "former_poverty")
        #expect(analyzed.attributes.revolutionaryBase?.value == true)
        let planned = Set(analyzed.plannedActions.map(\.key))
        #expect(planned.isSuperset(of: ["health_literacy", "tobacco_control", "fitness"]))
    }

    /// A field against its own text is refused, naming the field and the words; a text that
    /// also supports the field, or says nothing on the point, lets it stand.
    @Test func contradictoryProfilesNameTheFieldAndTheWords() throws {
        func error(_ profile: RegionProfile) -> ProfileError? {
            do { _ = try profileAnalyzer.analyze(profile); return nil } catch { return error as? ProfileError }
        }
        let urban = error(RegionProfile(urbanization: "urban", text: "偏远农村，村民看病难"))
        #expect(urban?.field == "urbanization")
        #expect(urban?.message.contains("农村") == true)
        #expect(error(RegionProfile(terrain: ["plain"], text: "地处深山的山区县"))?.field == "terrain")
        #expect(error(RegionProfile(economy: "developed", text: "国家级贫困县，群众看病难"))?.field == "economy")
        #expect(error(RegionProfile(level: "county", text: "全省层面建立科普平台"))?.field == "level")
        #expect(error(RegionProfile(ethnicMinority: false, text: "少数民族聚居的山区"))?.field == "ethnic_minority")
        // Agreeing or silent texts stand.
        #expect(error(RegionProfile(urbanization: "urban", text: "城区有不少农民工，看病难")) == nil)
        #expect(error(RegionProfile(terrain: ["hill"], text: "丘陵山区，交通不便")) == nil)
        #expect(error(RegionProfile(economy: "former_poverty", text: "脱贫县，巩固脱贫攻坚成果")) == nil)
        for profile in Self.developmentProfiles { #expect(error(profile) == nil, "\(profile.id ?? "")") }
    }

    @Test func emptyOrInvalidProfilesNameTheField() {
        func error(_ profile: RegionProfile) -> ProfileError? {
            do { _ = try profileAnalyzer.analyze(profile); return nil } catch { return error as? ProfileError }
        }
        #expect(error(RegionProfile(name: "某县"))?.field == "profile")
        #expect(error(RegionProfile(text: "   "))?.field == "profile")
        #expect(error(RegionProfile(terrain: ["volcanic"]))?.field == "terrain[0]")
        #expect(error(RegionProfile(economy: "wealthy"))?.field == "economy")
        #expect(error(RegionProfile(focus: ["smoking"]))?.field == "focus[0]")
        #expect(error(RegionProfile(agingShare: 21, text: "山区"))?.field == "aging_share")
        #expect(throws: ProfileError.self) { try RegionProfile.decode(Data(#"{"terrain": "mountain"}"#.utf8)) }
        do {
            _ = try RegionProfile.decode(Data(#"{"text": "山区", "population": "many"}"#.utf8))
        } catch let error as ProfileError {
            #expect(error.field == "population")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Found by ProfileFuzzer and ProfileFileFuzzer: a profile that is JSON but not an object —
    /// `3`, `"x"`, `[1]`, `null`, in a `--profile` file or a line of a JSON Lines file — was
    /// refused with an empty field and a Swift type name (`p.json:1: : expected Dictionary<String, Any>`).
    @Test func aProfileThatIsNotAnObjectIsRefusedNamingTheProfile() {
        for json in ["3", #""x""#, "[1]", "null"] {
            let error = #expect(throws: ProfileError.self) { try RegionProfile.decode(Data(json.utf8)) }
            #expect(error?.field == "profile", "\(json): \(String(describing: error))")
            #expect(error?.message.contains("Dictionary") == false, "\(json): \(String(describing: error))")
        }
    }
}
