import Corpus
@testable import Engine
import Features
import Profiles
import Testing

@Suite struct ExplanationTests {
    func record(text: String, practices: [Practice], figures: [String], category: String? = nil, province: String = "河南省",
                level: String = "county", year: Int = 2022) -> CaseRecord {
        CaseRecord(
            id: "009-01", source: SourceInfo(id: "009", file: "009.txt", title: "典型案例", issuer: "某委", docNumber: nil, year: year),
            ordinal: 1, title: "案例", region: RegionInfo(name: "某县", province: province, prefecture: nil, county: "某县", subUnit: nil, level: level),
            category: category, background: nil, practices: practices, outcomes: nil, lessons: nil, figures: figures, text: text)
    }

    @Test func sentencesSplitAfterChinesePunctuationAndLines() {
        #expect(Explanation.sentences(of: "一是建平台。二是育人才；三是\n四是！") == ["一是建平台。", "二是育人才；", "三是", "四是！"])
        // Spaces (ASCII, ideographic, no-break) trimmed at both ends, CRLF and blank lines dropped.
        #expect(Explanation.sentences(of: " \u{3000}一是。 \r\n\r\n\t二是\u{00A0} 三是？\u{2028}") == ["一是。", "二是\u{00A0} 三是？"])
        #expect(Explanation.sentences(of: "") == [] && Explanation.sentences(of: " \n ") == [])
    }

    /// The byte search evidence uses: any position, the empty part, a part longer than the text.
    @Test func holdsFindsBytesAnywhere() {
        #expect(Explanation.holds("受益11.6万人。", "11.6万") && Explanation.holds("受益11.6万人。", "受益") && Explanation.holds("人。", "人。"))
        #expect(Explanation.holds("abc", "") && !Explanation.holds("ab", "abc") && !Explanation.holds("受益11.6万人", "11.7"))
    }

    /// Evidence: sentences that hold a figure, the practice's own first, each once even when the
    /// outcomes repeat it with a marker.
    @Test func evidenceIsTheSourcesSentencesWithFigures() {
        let practice = Practice(id: "009-01-p2", heading: "开展健康讲座", text: "开展健康讲座。全年开讲243场，受益11.6万人。")
        let text = "背景说明。建设平台，覆盖187家机构。开展健康讲座。全年开讲243场，受益11.6万人。（1）全年开讲243场，受益11.6万人。"
        let source = record(text: text, practices: [practice], figures: ["开讲243场", "覆盖187家机构"])
        #expect(Explanation.evidence(of: source, practice: practice) == ["全年开讲243场，受益11.6万人。", "建设平台，覆盖187家机构。"])
        #expect(Explanation.evidence(of: record(text: text, practices: [], figures: []), practice: nil).isEmpty)
    }

    @Test func sharedTermsAreOrderedByTheirWeightInBoth() {
        let vocabulary = Vocabulary(terms: ["山区", "健康素养", "看病难", "医共体"])
        let column = { (term: String) in vocabulary.column(of: term)! }
        let query = SparseMatrix(columns: 4, rows: [[column("山区"): 0.5, column("健康素养"): 0.4, column("看病难"): 0.1]])
        let cases = SparseMatrix(columns: 4, rows: [[column("健康素养"): 0.9, column("看病难"): 0.9, column("医共体"): 1.0]])
        #expect(Explanation.sharedTerms(query, cases, row: 0, vocabulary: vocabulary) == ["健康素养", "看病难"])
    }

    @Test func filtersAdmitByProvinceLevelCategoryAndYear() throws {
        let taxonomy = try Taxonomy.load(from: projectRoot.appendingPathComponent("config/taxonomy.json"))
        let source = CaseFacts(record(text: "", practices: [], figures: [], category: "健康知识普及行动"))
        let category = try CaseFilter(category: "健康知识普及").validated(taxonomy: taxonomy)
        #expect(category == "health_literacy")
        #expect(CaseFilter(province: "河南").admits(source, action: "health_literacy", categoryKey: nil))
        #expect(!CaseFilter(province: "山西").admits(source, action: "health_literacy", categoryKey: nil))
        #expect(CaseFilter(level: "county", year: 2022).admits(source, action: nil, categoryKey: nil))
        #expect(!CaseFilter(year: 2021).admits(source, action: nil, categoryKey: nil))
        #expect(CaseFilter(category: "health_literacy").admits(source, action: "health_literacy", categoryKey: category))
        #expect(!CaseFilter(category: "fitness").admits(source, action: "health_literacy", categoryKey: "fitness"))
        #expect(throws: ProfileError.self) { try CaseFilter(level: "village").validated(taxonomy: taxonomy) }
        #expect(throws: ProfileError.self) { try CaseFilter(category: "tourism").validated(taxonomy: taxonomy) }
    }
}
