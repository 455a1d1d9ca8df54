import Foundation
@testable import Importer
import Testing

/// A layout first met cold (Fixtures/cold/qinghai-inline-outcome-labels.txt): cases headed
/// 一、place——title, sections labelled inline (背景。…, 主要举措：, 取得成效：… on the line of its
/// text), 1. practices. The outcomes' label and text on one line open the outcomes section, as
/// 【成效】text does; a numbered label (举措一：) stays an item of its section (see the xinjiang
/// layout).
@Suite struct InlineSectionLabelTests {
    @Test func anInlineOutcomesLabelOpensTheOutcomesNotTheLastPractice() throws {
        let document = try importFixture("cold/qinghai-inline-outcome-labels.txt", options: ImportOptions(sourceId: "q"))
        #expect(document.cases.map(\.title) == ["海东市乐都区——“流动健康小屋”进牧村", "果洛州玛沁县——藏汉双语健康宣讲", "西宁市城中区——社区“健康积分超市”"])
        #expect(document.cases.map(\.region.county) == ["乐都区", "玛沁县", "城中区"])
        #expect(document.cases.map(\.practices.count) == [2, 2, 2])
        for (record, outcome) in zip(document.cases, ["2.1万人次", "14.2%", "75%"]) {
            #expect(record.outcomes?.contains(outcome) == true, "\(record.id): outcomes \(record.outcomes ?? "none")")
            #expect(record.practices.allSatisfy { !$0.text.contains("取得成效") }, "\(record.id): the outcomes run into a practice")
        }
    }
}
