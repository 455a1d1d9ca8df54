import Features
import Foundation
import Regions
import Testing

@Suite struct GazetteerTests {
    @Test func everyCountyLevelDivisionHasDerivedAttributes() throws {
        #expect(gazetteer.countyCount == 2978)
        let fengning = try #require(gazetteer.attributes(province: "河北省", prefecture: "承德市", county: "丰宁满族自治县", subUnit: nil))
        #expect(fengning.ethnicAutonomous?.value == true)
        #expect(fengning.macroRegion?.value == "east")
        // A county of the corpus: the checked facts win, with their sources.
        #expect(fengning.terrain != nil)
        #expect(fengning.terrain?.source.contains("region-facts.csv") == true)
        // A county far from the corpus: derived from its name only.
        let units = gazetteer.resolver.matchPrefix("凉山彝族自治州昭觉县").units
        let zhaojueUnit = try #require(units.last)
        let zhaojue = try #require(gazetteer.attributes(code: zhaojueUnit.code))
        #expect(zhaojue.ethnicAutonomous?.value == true)
        #expect(zhaojue.ethnicAutonomous?.source.contains("凉山彝族自治州") == true)
        #expect(zhaojue.urbanRural?.value == "rural")
        #expect(zhaojue.macroRegion?.value == "west")
        #expect(zhaojue.terrain == nil)  // unknown, not guessed
        #expect(zhaojue.level == "county")
    }

    @Test func corpusFactsArePresent() throws {
        let pianguan = try #require(gazetteer.attributes(province: "山西省", prefecture: "忻州市", county: "偏关县", subUnit: nil))
        #expect(pianguan.terrain?.value.contains("mountain") == true)
        #expect(pianguan.formerPovertyCounty?.value == true)
        #expect(pianguan.revolutionaryBase?.value == true)
        let street = try #require(gazetteer.attributes(province: "北京市", prefecture: nil, county: "西城区", subUnit: "新街口街道"))
        #expect(street.level == "township")
        #expect(street.urbanRural?.value == "urban")
        let huangpu = try #require(gazetteer.attributes(province: "上海市", prefecture: nil, county: "黄浦区", subUnit: nil))
        #expect(huangpu.level == "district")
        #expect(huangpu.formerPovertyCounty == nil)  // n/a in the facts: not known, not "no"
    }

    @Test func everyCaseRegionIsFound() {
        for record in corpus {
            let region = record.region
            let attributes = gazetteer.attributes(province: region.province, prefecture: region.prefecture, county: region.county, subUnit: region.subUnit)
            #expect(attributes != nil, "\(record.id): no attributes for \(region.name)")
            #expect(attributes?.macroRegion != nil, "\(record.id)")
        }
    }
}
