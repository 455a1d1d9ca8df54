import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `practiced report`: golden files, well-formed pages, a broken row among good ones, the
/// development profiles.
@Suite struct ReportCommandTests {
    let fixtures = projectRoot.appendingPathComponent("Tests/CLITests/Fixtures/reports")

    /// The reports of three profiles (a county, a city district, a county's plan) are the
    /// committed golden files, byte for byte, and a second run gives the same bytes.
    /// `UPDATE_GOLDEN=1 swift test --filter ReportCommandTests` rewrites the golden files after
    /// a deliberate change (review the diff).
    @Test func reportsMatchTheGoldenFiles() throws {
        let first = try temporaryDirectory(), second = try temporaryDirectory()
        defer { for directory in [first, second] { try? FileManager.default.removeItem(at: directory) } }
        for directory in [first, second] {
            let result = try practiced(["report", "--profiles", fixtures.appendingPathComponent("profiles.jsonl").path, "--out", directory.path])
            #expect(result.status == 0, "\(result.errors)")
        }
        let written = try snapshot(first)
        #expect(written == (try snapshot(second)), "the same profiles gave other bytes")
        #expect(Set(written.keys) == ["G1.html", "G1.md", "G2.html", "G2.md", "G3.html", "G3.md", "index.html", "index.md", "summary.csv"])
        let golden = fixtures.appendingPathComponent("golden")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: first, to: golden)
        }
        let expected = try snapshot(golden)
        #expect(Set(expected.keys) == Set(written.keys))
        for (name, data) in written.sorted(by: { $0.key < $1.key }) {
            #expect(data == expected[name], "\(name) differs from Tests/CLITests/Fixtures/reports/golden/\(name)")
        }
        // The plan's report reviews it; the others have no plan.
        let plan = String(decoding: written["G3.md"] ?? Data(), as: UTF8.self)
        #expect(plan.contains("## 规划评估") && plan.contains("尚未涉及的行动") && plan.contains("补齐短板可参考的做法"))
        #expect(!String(decoding: written["G1.md"] ?? Data(), as: UTF8.self).contains("规划评估"))
    }

    /// Every page parses as well-formed XML (the pages are written as XHTML-compatible HTML),
    /// and holds what a reader needs: practices grouped by action, evidence, the two charts and
    /// the map.
    @Test func everyPageIsWellFormed() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try practiced(["report", "--profiles", fixtures.appendingPathComponent("profiles.jsonl").path, "--out", out.path, "--format", "html"])
        #expect(result.status == 0, "\(result.errors)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["G1.html", "G2.html", "G3.html", "index.html"])
        for page in pages {
            let data = try Data(contentsOf: out.appendingPathComponent(page))
            #expect(throws: Never.self, "\(page) is not well-formed") { _ = try XMLDocument(data: data, options: []) }
        }
        let page = try String(contentsOf: out.appendingPathComponent("G1.html"), encoding: .utf8)
        for part in ["<h2>推荐做法（10 项）</h2>", "按健康中国行动", "按来源地区类型", "class=\"hit\"", "成效：", "出处：", "<h2>相似案例</h2>"] {
            #expect(page.contains(part), "G1.html lacks \(part)")
        }
        #expect(page.components(separatedBy: "<circle").count - 1 == 65)  // every case on the map
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"G3.html\"") && index.contains("9/15"))
    }

    /// One bad row among good ones: named by its line, skipped; the good rows are reported and
    /// the exit status says that something failed.
    @Test func aBrokenRowIsReportedAndTheOthersAreWritten() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try practiced(["report", "--profiles", fixtures.appendingPathComponent("broken.csv").path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("broken.csv:4: terrain[0]: 'volcano' is not one of"), "\(result.errors)")
        #expect(result.errors.contains("1 row skipped"))
        #expect(result.output.contains("3 reports"))
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(files.isSuperset(of: ["C1.html", "C1.md", "C2.html", "C2.md", "C4.html", "C4.md", "index.html", "summary.csv"]))
        #expect(!files.contains("C3.html"))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        let regions = Set(summary.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" })
        #expect(regions == ["C1", "C2", "C4"])
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8).contains("broken.csv:4"))
    }

    /// The development profiles: one report per profile, the overview and the summary.
    @Test func aReportPerDevelopmentProfile() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try practiced(["report", "--profiles", projectRoot.appendingPathComponent("eval/dev-profiles.jsonl").path, "--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        let ids = (1...25).map { String(format: "D%02d", $0) }
        #expect(files == Set(ids.flatMap { ["\($0).html", "\($0).md"] } + ["index.html", "index.md", "summary.csv"]))
        let bytes = try Data(contentsOf: out.appendingPathComponent("summary.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))  // UTF-8 BOM: spreadsheets on Chinese Windows read it right
        let summary = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(summary.hasPrefix("region,name,rank,practice_id,case_id,score\r\n"))
        #expect(summary.split(separator: "\r\n").count == 1 + ids.count * 10)
    }

    @Test func badArguments() throws {
        let result = try practiced(["report", "--profiles", "x.jsonl", "--out", "/tmp/x", "--format", "pdf"])
        #expect(result.status != 0 && result.errors.contains("unknown format 'pdf'"))
    }
}
