import Corpus
import Features
import Testing

/// A synthetic case is moved to its new place: the source's place names, full and short, are
/// replaced in every text; ids follow the corpus's rule.
@Suite struct CaseSynthesizerTests {
    static let source = CaseRecord(
        id: "000-01", source: SourceInfo(id: "000", file: "000.txt", title: nil, issuer: nil, docNumber: nil, year: 2023),
        ordinal: 1, title: "象山县打造健康与海品牌",
        region: RegionInfo(name: "象山县", province: "浙江省", prefecture: "宁波市", county: "象山县", subUnit: nil, level: "county"),
        category: nil, background: "象山县地处宁波东南，浙江省沿海。",
        practices: [Practice(id: "000-01-p1", heading: "打造象山海岛医疗联盟", text: "打造象山海岛医疗联盟，覆盖宁波各岛。"),
                    Practice(id: "000-01-p2", heading: "建设绿道", text: "建设绿道，推动全民健身。")],
        outcomes: "象山县居民健康素养提升至30%。", lessons: nil, figures: ["健康素养提升至30%"], text: "")

    @Test func placeNamesAreReplacedAndIdsFollowTheRule() {
        let place = CaseSynthesizer.Place(province: "甘肃省", prefecture: "甘南藏族自治州", county: "卓尼县")
        let cases = CaseSynthesizer(cases: [Self.source], places: [place], seed: 7).cases(count: 5, sourceId: "s")
        #expect(cases.map(\.id) == ["s-1", "s-2", "s-3", "s-4", "s-5"])
        for record in cases {
            #expect(record.region.county == "卓尼县" && record.region.province == "甘肃省" && record.region.level == "county")
            for text in [record.text, record.title ?? ""] + record.practices.map(\.heading) {
                #expect(!text.contains("象山") && !text.contains("宁波") && !text.contains("浙江"), "\(text)")
            }
            #expect(record.text.contains("卓尼县") && record.text.contains("甘肃省"))
            #expect(record.practices.map(\.id) == record.practices.indices.map { "\(record.id)-p\($0 + 1)" })
            #expect(record.figures == ["健康素养提升至30%"])
        }
    }
}
