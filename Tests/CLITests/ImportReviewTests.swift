import Foundation
import Testing

/// `practiced import`'s review: what an official checks against the document, case by case.
@Suite struct ImportReviewTests {
    let hebei = "Models/sources/002_2981d96b5dd7e7bf.txt"

    @Test func textShowsEveryCaseWithItsLineRegionPracticesAndGuesses() throws {
        let result = try practiced(["import", hebei, "--dry-run"])
        #expect(result.status == 0, "\(result.errors)")
        let output = result.output
        #expect(output.hasPrefix("\(hebei): 17 cases"))
        #expect(output.contains("read in 河北省"))
        #expect(output.contains("1  002-01  line 3  坚持“四个四”工作法 推进健康知识普及行动有效实施"))
        #expect(output.contains("河北省 (province, as written 健康知识普及行动工作组)  ·  4 practices, first: 抓实四项重点"))
        #expect(output.contains("河北省 保定市 易县 (county, as written 保定易县)"))
        #expect(output.contains("(institution)  ·  5 practices, first: 关心患者需求，让健康教育时刻在身边  ·  guessed: institution placed by its text"))
    }

    @Test func aDryRunWritesNothing() throws {
        let corpus = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let result = try practiced(["import", hebei, "--dry-run"], environment: ["CORPUS_DIRECTORY": corpus.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.path).isEmpty)
    }

    @Test func jsonCarriesTheSameReview() throws {
        let result = try practiced(["import", "Tests/ImporterTests/Fixtures/layouts/toc-page-footers.txt", "--dry-run", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let document = try #require((object?["documents"] as? [[String: Any]])?.first)
        #expect(document["place"] as? String == "山东省")
        let cases = try #require(document["cases"] as? [[String: Any]])
        #expect(cases.map { $0["line"] as? Int } == [16, 46, 80])
        #expect(cases.map { $0["practices"] as? Int } == [3, 3, 3])
        #expect(cases[0]["first_practice"] as? String == "建强守门人队伍")
        #expect((cases[0]["region"] as? [String: Any])?["level"] as? String == "district")
        #expect(cases[2]["guesses"] as? [String] == ["region from the body"])
        // A missing value is written as null, not left out.
        #expect(cases[0].keys.contains("title") && (cases[0]["region"] as? [String: Any])?.keys.contains("sub_unit") == true)
    }

    /// Nothing silently empty: a case without practices or region is a warning with its line.
    @Test func aCaseWithoutRegionOrPracticesIsAWarningWithItsLine() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("thin.txt")
        try """
        案例一

        石家庄市推进健康企业建设

        一、主要做法

        一是建立健康企业评价标准。二是开展职工健康体检。

        案例二

        健康小屋建设经验

        在社区设置健康小屋，居民可自助测量血压、血糖，并由家庭医生解读结果，参与居民逐年增加。

        """.write(to: document, atomically: true, encoding: .utf8)
        let result = try practiced(["import", document.path, "--dry-run"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("thin.txt:9: case thin-02 has no enumerated practices"))
        #expect(result.errors.contains("thin.txt:9: case thin-02: no unit named in its head or its first paragraphs"))
        #expect(result.output.contains("no region  ·  no practices"))
        #expect(!result.errors.contains("thin-01"))
    }
}
