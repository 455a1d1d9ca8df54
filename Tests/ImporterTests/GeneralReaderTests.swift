import Corpus
import Foundation
@testable import Importer
import Testing

/// Collections in layouts none of the seeds has (Fixtures/layouts/<name>.txt), each against the
/// cases written beside it by hand (<name>.expected.json): the reader must find them by the
/// document's structure, not by a rule for the layout.
@Suite struct GeneralReaderTests {
    struct Expectation: Decodable {
        struct Document: Decodable {
            let title: String?
            let issuer: String?
            let doc_number: String?
            let year: Int?
            let province: String?
            let prefecture: String?
            let county: String?
        }
        struct Case: Decodable {
            let ordinal: Int
            let line: Int
            let title: String?
            let region_name: String
            let province: String?
            let prefecture: String?
            let county: String?
            let sub_unit: String?
            let level: String
            let category: String?
            let practices: Int
            let practice_headings: [String]
        }
        let document: Document
        let cases: [Case]
    }

    static let layouts = ["toc-page-footers", "bracket-sections-circled", "district-compilation-bold-leads",
                          "arabic-case-numbers-debris", "spaced-characters-unit-lines", "county-compilation-no-sections",
                          "experience-header-unit-colon", "pian-headers-supplier-lines", "markdown-h2-cases-list-items",
                          "national-title-dash-unit-one-line", "unnumbered-bold-titles-unit-parens",
                          "notice-attachment-unit-after-title", "hard-wrapped-case-colon-page-footers", "city-units-in-titles-inline-yishi",
                          "symbol-case-headers-split-bold-leads", "part-chapters-actions-restarting-cases",
                          "tsv-export-quoted-multiline-cells", "county-speech-yiyao-shouxian", "unit-line-first-mixed-ascii-markers",
                          "newspaper-place-labels-bylines", "xinjiang-no-dot-headers-unit-at-end",
                          "ocr-scan-running-headers-title-across-page", "action-label-headers-author-unit-subtitle",
                          "markdown-levels-unnumbered-practice-meng-sumu", "web-export-pipe-headers-page-debris",
                          "centered-titles-province-parens-editor-note", "own-line-paren-markers-do-effect-sections",
                          "tab-list-then-prose-dev-zone-units", "field-labels-practice-headers",
                          "signed-cases-quoted-titles-dingbat-items"]

    @Test(arguments: layouts)
    func composedLayoutImportsAsExpected(name: String) throws {
        let url = fixtures.appendingPathComponent("layouts/\(name).expected.json")
        let expectation = try JSONDecoder().decode(Expectation.self, from: Data(contentsOf: url))
        let document = try importFixture("layouts/\(name).txt", options: ImportOptions(sourceId: "x"))
        #expect(document.cases.map(\.ordinal) == expectation.cases.map(\.ordinal), "\(name): the cases found")
        let about = expectation.document
        #expect([document.source.title, document.source.issuer, document.source.docNumber] == [about.title, about.issuer, about.doc_number],
                "\(name): the document's title, issuer and 文号")
        #expect(document.source.year == about.year, "\(name): year")
        // The place its cases were read in: the province, prefecture or county it is about.
        let place = [about.province, about.prefecture, about.county].compactMap { $0 }.joined()
        #expect(document.place == (place.isEmpty ? nil : place), "\(name): the document's place")
        for (want, got) in zip(expectation.cases, document.cases) {
            let label = "\(name) case \(want.ordinal)"
            #expect(document.lineOfCase[got.id] == want.line, "\(label): line")
            #expect(got.title == want.title, "\(label): title")
            #expect(got.region.name == want.region_name, "\(label): region as written")
            #expect([got.region.province, got.region.prefecture, got.region.county, got.region.subUnit]
                    == [want.province, want.prefecture, want.county, want.sub_unit], "\(label): region")
            #expect(got.region.level == want.level, "\(label): level")
            #expect(got.category == want.category, "\(label): category")
            #expect(got.practices.count == want.practices, "\(label): practices")
            #expect(got.practices.map { squeezed($0.heading) } == want.practice_headings.map { squeezed($0) }, "\(label): headings")
        }
    }

    /// The second Hebei batch, line by line and heading by heading (the other fields are in
    /// SeedCorpusTests with the other collections).
    @Test func seedCollection002CaseLinesAndEveryHeading() throws {
        struct Listed: Decodable {
            let key: String
            let line: Int
            let practice_headings: [String]
        }
        let listed = try JSONDecoder().decode([Listed].self, from: Data(contentsOf: fixtures.appendingPathComponent("seed-cases-expected-002.json")))
        let document = try importSeed("002_2981d96b5dd7e7bf.txt")
        #expect(document.cases.map(\.id) == listed.map(\.key))
        for (want, got) in zip(listed, document.cases) {
            #expect(document.lineOfCase[got.id] == want.line, "\(want.key): line")
            #expect(got.practices.map { squeezed($0.heading) } == want.practice_headings.map { squeezed($0) }, "\(want.key): headings")
        }
    }

    @Test func aContentsPageIsNotACase() throws {
        let document = try importFixture("layouts/toc-page-footers.txt", options: ImportOptions(sourceId: "x"))
        #expect(document.cases.count == 3)
        let text = document.cases.map(\.text).joined()
        #expect(!text.contains("……"))
        // Page numbers and the running header are gone, the sentence they cut joined again.
        #expect(text.contains("异常值自动提醒守门人上门随访。"))
        #expect(!text.contains("— 1 —"))
    }

    @Test func guessesAreFlaggedForTheReview() throws {
        let shandong = try importFixture("layouts/toc-page-footers.txt", options: ImportOptions(sourceId: "x"))
        #expect(shandong.reviews[2].guesses.contains("region from the body"))
        #expect(shandong.reviews[0].guesses.isEmpty)
        let hebei = try importSeed("002_2981d96b5dd7e7bf.txt")
        #expect(hebei.reviews[15].guesses.contains("institution placed by its text"))
    }
}
