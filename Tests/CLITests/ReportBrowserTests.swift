import Foundation
import Testing

/// The reports looked at as a reader would: Debian's headless Chromium (installed by
/// `make test`) opens a region's page and the overview; a console message (a script error, a
/// resource that failed to load) or a page without its content fails the test. A screenshot is
/// taken too (`docs/screenshots.sh` keeps them under docs/).
@Suite struct ReportBrowserTests {
    static let chromium = "/usr/bin/chromium"

    @Test func aRegionPageAndTheOverviewRenderInChromium() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.chromium), "Chromium is missing: `make test` installs Debian's chromium")
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let fixtures = projectRoot.appendingPathComponent("Tests/CLITests/Fixtures/reports")
        let result = try practiced(["report", "--profiles", fixtures.appendingPathComponent("profiles.jsonl").path, "--out", out.path, "--format", "html"])
        #expect(result.status == 0, "\(result.errors)")
        for (page, mustShow) in [("G3.html", ["偏关县健康规划", "规划评估", "推荐做法", "相似案例"]), ("index.html", ["总览", "山区县", "城市社区"])] {
            let url = out.appendingPathComponent(page)
            let dom = try Self.browse(url, ["--dump-dom"])
            #expect(dom.console.isEmpty, "\(page): console says \(dom.console)")
            // The body as rendered holds the page's content (not an empty or broken page).
            let body = dom.output.range(of: "<body").map { String(dom.output[$0.lowerBound...]) } ?? ""
            for words in mustShow { #expect(body.contains(words), "\(page) as rendered lacks \(words)") }
            let shot = out.appendingPathComponent(page + ".png")
            let picture = try Self.browse(url, ["--screenshot=\(shot.path)", "--window-size=1000,1400"])
            #expect(picture.console.isEmpty, "\(page): console says \(picture.console)")
            let png = try Data(contentsOf: shot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "\(page): screenshot of \(png.count) bytes")
        }
    }

    /// Runs headless Chromium on a page; its standard output, and the console lines it logged
    /// (under `timeout`: a browser that hangs fails the test in a minute instead of holding CI).
    static func browse(_ page: URL, _ arguments: [String]) throws -> (output: String, console: [String]) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("practiced-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try runProgram(
            URL(fileURLWithPath: "/usr/bin/timeout"),
            ["60", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--user-data-dir=\(profile.path)"]
                + arguments + [page.absoluteString])
        #expect(result.status == 0, "chromium on \(page.lastPathComponent) ended with status \(result.status) (124: timed out)")
        return (result.output, result.errors.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init))
    }
}
