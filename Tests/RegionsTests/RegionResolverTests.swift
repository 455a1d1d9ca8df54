import Foundation
import Regions
import Testing

/// The project root, found from this file's path (Tests/RegionsTests/…).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// One resolver for the whole suite: the division table takes a moment to read.
let resolver: RegionResolver = try! RegionResolver(directory: projectRoot.appendingPathComponent("config/divisions"))

@Suite struct RegionResolverTests {
    @Test func shortPrefectureAndFullCounty() {
        let region = resolver.resolve("保定易县")
        #expect(region.province == "河北省")
        #expect(region.prefecture == "保定市")
        #expect(region.county == "易县")
        #expect(region.level == "county")
    }

    @Test func shortPrefectureAndShortCounty() {
        let region = resolver.resolve("信阳罗山")
        #expect(region.province == "河南省")
        #expect(region.prefecture == "信阳市")
        #expect(region.county == "罗山县")
    }

    @Test func districtOfAMunicipalityHasNoPrefecture() {
        let region = resolver.resolve("黄浦区", context: "上海市")
        #expect(region.province == "上海市")
        #expect(region.prefecture == nil)
        #expect(region.county == "黄浦区")
        #expect(region.level == "district")
    }

    @Test func streetIsASubUnit() {
        let region = resolver.resolve("北京市西城区新街口街道")
        #expect(region.province == "北京市")
        #expect(region.prefecture == nil)
        #expect(region.county == "西城区")
        #expect(region.subUnit == "新街口街道")
        #expect(region.level == "township")
    }

    @Test func sameNamedDistrictIsReadInContext() {
        let changchun = resolver.resolve("吉林省长春市朝阳区桂林街道")
        #expect(changchun.prefecture == "长春市")
        #expect(changchun.county == "朝阳区")
        #expect(changchun.subUnit == "桂林街道")
        // Alone, 朝阳区 is in Beijing and in Changchun: the document's province decides.
        #expect(resolver.resolve("朝阳区").isResolved == false)
        #expect(resolver.resolve("朝阳区", preferProvince: "吉林省").prefecture == "长春市")
        #expect(resolver.resolve("朝阳区", preferProvince: "北京市").province == "北京市")
    }

    @Test func institutionKeepsItsWholeName() {
        let region = resolver.resolve("郑州市第九人民医院（郑州市老年医院）")
        #expect(region.province == "河南省")
        #expect(region.prefecture == "郑州市")
        #expect(region.county == nil)
        #expect(region.subUnit == "郑州市第九人民医院（郑州市老年医院）")
        #expect(region.level == "prefecture")
    }

    @Test func ethnicAutonomousNamesHaveShortForms() {
        #expect(resolver.resolve("丰宁").county == "丰宁满族自治县")
        #expect(resolver.resolve("甘南卓尼").prefecture == "甘南藏族自治州")
        #expect(resolver.resolve("内蒙古").province == "内蒙古自治区")
    }

    @Test func provinceAlone() {
        let region = resolver.resolve("山西省")
        #expect(region.province == "山西省")
        #expect(region.level == "province")
    }

    @Test func unknownNameIsUnresolved() {
        #expect(resolver.resolve("健康知识普及行动工作组") == .unresolved)
    }
}
