import Foundation
@testable import Importer
import Testing

/// A layout first met cold (Fixtures/cold/neimeng-fraction-headers-dot-places.txt): cases
/// headed 案例（1/3） with the unit on the header's line as prefecture·banner, the title under a
/// 标题： field label, ❶ practices. The number "of a total" is the case's number (the shared
/// header patterns take N/M), a middle dot joins units wherever a unit is read (UnitNames, as
/// CasePlacement already did), and a colon field label names the title as 【案例名称】 does.
@Suite struct FractionHeaderTests {
    @Test func fractionNumberedHeadersWithDottedUnitsAndATitleLabel() throws {
        let document = try importFixture("cold/neimeng-fraction-headers-dot-places.txt", options: ImportOptions(sourceId: "k5"))
        #expect(document.cases.map(\.ordinal) == [1, 2, 3])
        #expect(document.cases.map(\.title) == ["流动健康服务车开进嘎查", "“蒙医药+家庭医生”签约服务", "边境牧区学校健康促进"])
        #expect(document.cases.map(\.region.county) == ["伊金霍洛旗", "翁牛特旗", "新巴尔虎右旗"])
        #expect(document.cases.map(\.region.prefecture) == ["鄂尔多斯市", "赤峰市", "呼伦贝尔市"])
        #expect(document.cases.map(\.practices.count) == [3, 2, 3])
        #expect(document.source.docNumber == "内卫健函〔2024〕88号" && document.source.year == 2024)
    }
}
