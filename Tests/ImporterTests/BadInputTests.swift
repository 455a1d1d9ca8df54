import Foundation
@testable import Importer
import Testing

/// Each bad input is refused with the file (and line where there is one), never half-read.
@Suite struct BadInputTests {
    func reason(of data: Data, name: String = "doc.txt") -> ImportError? {
        do {
            _ = try importer.importDocument(data, fileName: name)
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            return nil
        }
    }

    @Test func emptyFile() {
        #expect(reason(of: Data())?.reason == .empty)
        #expect(reason(of: Data(" \n\n\t\n".utf8))?.reason == .empty)
        #expect(reason(of: Data())?.description.hasPrefix("doc.txt") == true)
    }

    @Test func binaryFile() throws {
        // A PNG header: NUL bytes on line 1.
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        png.append(contentsOf: (0..<200).map { UInt8(($0 * 37) % 256) })
        let error = try #require(reason(of: png, name: "scan.png"))
        #expect(error.reason == .binary)
        #expect(error.description.contains("scan.png"))
    }

    @Test func gb18030FileIsConvertedAndReadLikeUTF8() throws {
        let gbk = try Data(contentsOf: fixtures.appendingPathComponent("encodings/table-gbk.txt"))
        let utf8 = try Data(contentsOf: fixtures.appendingPathComponent("layouts/table-one-row.txt"))
        #expect(String(data: gbk, encoding: .utf8) == nil)  // really not UTF-8
        let converted = try importer.importDocument(gbk, fileName: "t.txt")
        let original = try importer.importDocument(utf8, fileName: "t.txt")
        #expect(converted.encoding == "GB18030")
        #expect(converted.cases == original.cases)
    }

    @Test func textInNoKnownEncodingIsRefusedWithItsLine() throws {
        let bad = try Data(contentsOf: fixtures.appendingPathComponent("encodings/broken-gbk.txt"))
        let error = try #require(reason(of: bad, name: "broken.txt"))
        #expect(error.reason == .undecodable(offset: 31, byte: 0xFF, size: 44))
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("broken.txt:3:"))
    }

    @Test func documentWithoutCases() throws {
        let notice = Data("关于开展爱国卫生月活动的通知\n\n各单位：\n\n  请认真组织开展爱国卫生月活动，做好环境卫生整治。\n".utf8)
        let error = try #require(reason(of: notice, name: "notice.txt"))
        #expect(error.reason == .noCase)
        #expect(error.description.hasPrefix("notice.txt:1:"))
    }

    /// Found by ImportFuzzer: a table row whose text was lost (the last row of a page, here) or a
    /// ——line with nothing after it made a case with no title and no text.
    @Test func caseWithoutTextIsRefusedWithItsLine() throws {
        let lostText = """
            序号\t省\t市\t县\t典型经验
            1\t河北省\t保定市\t易县\t典型经验：一是建立健康科普专家库，开展健康讲座进社区活动。二是推进健康村建设。
            2\t河北省\t承德市\t丰宁满族自治县

            """
        let error = try #require(reason(of: Data(lostText.utf8)))
        #expect(error.reason == .emptyCase)
        #expect(error.description.hasPrefix("doc.txt:3:"))
        // A ——line with no title above it and no text after it opens no case at all.
        #expect(reason(of: Data("--①①".utf8))?.reason == .noCase)
    }

    /// A 序号 cell that is no case number (4294967297 = 2³² + 1) was taken as the case's number,
    /// which %02d printed as 1: two cases with id t-01, and a crash on the duplicate id (in
    /// `practiced import`, and in the daemon for POST /v1/cases). Found while writing
    /// ImportFuzzer's promise that ids are the source id and the ordinal.
    @Test func numberCellThatIsNoCaseNumberDoesNotNumberTheCase() throws {
        let table = """
            序号\t省\t市\t县\t典型经验
            1\t河北省\t保定市\t易县\t典型经验：一是建立健康科普专家库，开展健康讲座进社区活动。二是推进健康村建设。
            4294967297\t河南省\t信阳市\t罗山县\t典型经验：一是建立县乡村三级健康教育网络。二是推进慢性病综合防控示范区建设。

            """
        let document = try importer.importDocument(Data(table.utf8), fileName: "t.txt")
        #expect(document.cases.map(\.id) == ["t-01", "t-02"])
        #expect(document.cases.map(\.region.county) == ["易县", "罗山县"])
    }
}
