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
}
