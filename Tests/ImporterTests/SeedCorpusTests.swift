import Corpus
import Foundation
@testable import Importer
import Testing

/// The four shipped collections against lists checked by hand (Fixtures/seed-cases-expected.json for
/// 000, 001 and 003, seed-cases-expected-002.json for 002, the batch the importer had never seen),
/// written by reading the documents, not from the importer's output.
@Suite struct SeedCorpusTests {
    struct Expected: Decodable {
        let key: String
        let ordinal: Int
        let title: String?
        let region_name: String
        let province: String?
        let prefecture: String?
        let county: String?
        let sub_unit: String?
        let level: String
        let category: String?
        let practices: Int
        let first_practice_heading: String
    }

    static let expected: [Expected] = ["seed-cases-expected.json", "seed-cases-expected-002.json"].flatMap { name in
        try! JSONDecoder().decode([Expected].self, from: Data(contentsOf: fixtures.appendingPathComponent(name)))
    }.sorted { $0.key < $1.key }

    static let imported: [CaseRecord] = seedFiles.flatMap { try! importSeed($0).cases }

    @Test func sixtyFiveCasesInDocumentOrder() {
        #expect(Self.imported.count == 65)
        #expect(Self.imported.map(\.id) == Self.expected.map(\.key))
        let perSource = Dictionary(grouping: Self.imported, by: \.source.id).mapValues(\.count)
        #expect(perSource == ["000": 20, "001": 18, "002": 17, "003": 10])
    }

    @Test(arguments: expected.map(\.key))
    func caseMatchesTheHandCheckedList(key: String) throws {
        let want = try #require(Self.expected.first { $0.key == key })
        let got = try #require(Self.imported.first { $0.id == key })
        #expect(got.ordinal == want.ordinal)
        #expect(got.title == want.title)
        #expect(got.region.name == want.region_name)
        #expect(got.region.province == want.province)
        #expect(got.region.prefecture == want.prefecture)
        #expect(got.region.county == want.county)
        #expect(got.region.subUnit == want.sub_unit)
        #expect(got.region.level == want.level)
        #expect(got.category == want.category)
        #expect(got.practices.count == want.practices)
        #expect(squeezed(got.practices.first?.heading) == squeezed(want.first_practice_heading))
        #expect(got.practices.map(\.id) == (1...max(want.practices, 1)).prefix(want.practices).map { "\(key)-p\($0)" })
    }

    @Test func importReproducesTheShippedCorpusByteForByte() throws {
        for name in seedFiles {
            let document = try importSeed(name)
            let shipped = try Data(contentsOf: projectRoot.appendingPathComponent("Models/corpus/\(document.source.id).jsonl"))
            #expect(try CorpusFiles.encodeLines(document.cases) == shipped, "Models/corpus/\(document.source.id).jsonl differs from a fresh import of \(name)")
        }
    }

    @Test func sourceMetadata() throws {
        let notice = try importSeed(seedFiles[1]).source
        #expect(notice.docNumber == "国健推委办函〔2021〕3号")
        #expect(notice.issuer == "健康中国行动推进委员会办公室")
        #expect(notice.year == 2021)
        #expect(notice.title == "健康中国行动推进委员会办公室关于推介健康中国行动推进典型经验案例的通知")
        let henan = try importSeed(seedFiles[3]).source
        #expect(henan.docNumber == "豫健委办〔2022〕3号")
        #expect(henan.issuer == "健康中原行动推进委员会办公室")
        #expect(henan.title == "健康中原行动推进委员会办公室关于印发第一批健康中原行动典型经验案例的通知")
        let table = try importSeed(seedFiles[0]).source
        #expect(table.title == "2022年度健康县区建设典型经验")
        #expect(table.year == 2022)
        #expect(table.docNumber == nil)
    }

    @Test func cleanedTextKeepsTheWordingWithoutDebris() {
        let all = Self.imported.map(\.text).joined(separator: "\n")
        #expect(!all.contains("<p>") && !all.contains("</p>"))
        #expect(!all.contains("**") && !all.contains("#"))
        #expect(!all.contains("\t"))
        // Stray spaces between Chinese characters and numbers are gone.
        #expect(all.range(of: #"[\u4E00-\u9FFF] [0-9]|[0-9] [\u4E00-\u9FFF]"#, options: .regularExpression) == nil)
        // Lines broken by the PDF are rejoined, across page breaks too…
        #expect(all.contains("为防疫情"))
        #expect(all.contains("健康行为防疫情"))
        // …and a character repeated at a page break is dropped (单位\n位职工, 层次\n次多角度, 肺炎\n炎防治),
        #expect(all.contains("企事业单位职工参与健康素养"))
        #expect(all.contains("多层次多角度"))
        #expect(all.contains("《新冠肺炎防治营养膳食指导方案》"))
        // …but a doubled character that is a word stays (陕西省“家家幸福安康工程” breaks between 家|家).
        #expect(all.contains("启动陕西省“家家幸福安康工程”"))
    }

    @Test func practicesOfResultSectionsAreOutcomes() throws {
        let baoding = try #require(Self.imported.first { $0.id == "001-02" })
        #expect(baoding.practices.map(\.heading) == ["严格选聘程序", "明确工作职责", "完善工作机制"])
        #expect(baoding.outcomes?.contains("师生健康素养得到大幅提升") == true)
        let practicesHoldAResult = baoding.practices.contains { $0.text.contains("师生健康素养得到大幅提升") }
        #expect(!practicesHoldAResult)
        let hebi = try #require(Self.imported.first { $0.id == "003-01" })
        #expect(hebi.lessons?.contains("政府主导") == true)
        #expect(hebi.background?.contains("从2016年10.03%上升至2020年27.09%") == true)
    }

    @Test func figuresAreTheSourcesOwnPhrasesWithNumbers() throws {
        let liuyang = try #require(Self.imported.first { $0.id == "000-12" })
        #expect(liuyang.figures.contains("农村卫生厕所普及率达到97.5%"))
        let hebi = try #require(Self.imported.first { $0.id == "003-01" })
        #expect(hebi.figures.contains("从2016年10.03%上升至2020年27.09%"))
        for record in Self.imported {
            for figure in record.figures {
                #expect(record.text.contains(figure), "\(record.id): figure not in the text: \(figure)")
                let hasDigit = figure.contains { $0.isNumber }
                #expect(hasDigit, "\(record.id): figure without a number: \(figure)")
            }
        }
    }
}
