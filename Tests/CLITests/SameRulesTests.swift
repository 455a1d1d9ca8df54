import Foundation
import Testing

/// One rule whichever way a value comes in (issue 19, item 10): the command line refuses what the
/// daemon refuses.
@Suite struct SameRulesTests {
    /// The daemon's text limit (features.max_text_characters) holds on the command line too.
    @Test func aProfileTextOverTheLimitIsRefused() throws {
        let long = String(repeating: "a", count: 100_001)
        let byText = try practiced(["recommend", "--text", long])
        #expect(byText.status != 0 && byText.errors.contains("over 100000 characters"), "\(byText.errors.prefix(300))")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("p.json")
        try JSONSerialization.data(withJSONObject: ["text": "山区" + long]).write(to: file)
        let byFile = try practiced(["recommend", "--profile", file.path])
        #expect(byFile.status != 0 && byFile.errors.contains("over 100000 characters"), "\(byFile.errors.prefix(300))")
        let similar = try practiced(["similar", "--text", long])
        #expect(similar.status != 0 && similar.errors.contains("over 100000 characters"))
    }

    /// Punctuation only, or words no case has: nothing to rank by, refused as the empty profile.
    @Test func aProfileWithNothingToRankByIsRefused() throws {
        for text in ["，。！？", "hello world of public health"] {
            let result = try practiced(["recommend", "--text", text])
            #expect(result.status != 0 && result.errors.contains("empty"), "\(text): \(result.output.prefix(200)) \(result.errors)")
        }
    }

    /// A source id taken from a file's name follows the rule of --source-id.
    @Test func aSourceIdFromAFileNameFollowsTheRule() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("空格 文件 名称 中文.txt")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: seeds[0]), to: file)
        let fromName = try practiced(["import", file.path, "--out", directory.appendingPathComponent("out").path])
        #expect(fromName.status != 0 && fromName.errors.contains("source id '空格 文件 名称 中文' is not valid"), "\(fromName.errors)")
        let given = try practiced(["import", file.path, "--source-id", "空格 文件 名称 中文", "--out", directory.appendingPathComponent("out").path])
        #expect(given.status != 0 && given.errors.contains("source id '空格 文件 名称 中文' is not valid"), "\(given.errors)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
        let renamed = try practiced(["import", file.path, "--source-id", "k7", "--out", directory.appendingPathComponent("out").path])
        #expect(renamed.status == 0, "\(renamed.errors)")
    }
}
