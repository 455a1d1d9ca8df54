import Foundation
@testable import Importer
import Testing

/// A GB18030 file with one character cut short is refused at the line of the damage, with the
/// offset of the byte, whatever its line ends and wherever the damage is.
@Suite struct CutCharacterTests {
    /// encodings/table-gbk.txt as lines of bytes: 1 附件, 3 2023年度…, 5 序号 省份…, 6 1 江苏省…, 8 the last.
    static let lines: [[UInt8]] = {
        let data = try! Data(contentsOf: fixtures.appendingPathComponent("encodings/table-gbk.txt"))
        return [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }()

    func joined(_ lines: [[UInt8]], by lineEnd: String, endingWithIt: Bool = true) -> [UInt8] {
        let end = Array(lineEnd.utf8)
        return Array(lines.joined(separator: end)) + (endingWithIt ? end : [])
    }

    /// The refusal, with the offset its message gives.
    func refusal(_ bytes: [UInt8]) throws -> (error: ImportError, offset: Int) {
        do {
            _ = try importer.importDocument(Data(bytes), fileName: "cut.txt")
        } catch let error as ImportError {
            let offset = try #require(error.description.firstMatch(of: /offset ([0-9]+)/).flatMap { Int($0.1) }, "\(error)")
            return (error, offset)
        }
        throw CutNotNoticed()
    }

    struct CutNotNoticed: Error {}

    @Test(arguments: ["\n", "\r\n", "\r"])
    func twoByteCharacterCutInTheMiddleOfTheFile(lineEnd: String) throws {
        var lines = Self.lines
        #expect(lines[4][0] >= 0x81)  // 序, two bytes
        lines[4].remove(at: 1)
        let bytes = joined(lines, by: lineEnd)
        let lineStart = joined(Array(lines[0..<4]), by: lineEnd).count
        let (error, offset) = try refusal(bytes)
        #expect(error.line == 5)
        // The cut character's first byte pairs with the next one's: the byte that starts no
        // character comes a little later, on the same line.
        #expect((lineStart..<(lineStart + lines[4].count)).contains(offset))
        #expect(error.description.hasPrefix("cut.txt:5: the byte at offset \(offset) "))
    }

    @Test func lastCharacterCutAtTheEndOfTheFile() throws {
        var bytes = joined(Self.lines, by: "\n", endingWithIt: false)
        #expect(bytes.last! >= 0x40 && bytes[bytes.count - 2] >= 0x81)  // 。, two bytes
        bytes.removeLast()
        let (error, offset) = try refusal(bytes)
        #expect(error.line == 8)
        #expect(offset == bytes.count - 1)
        #expect(error.description.contains("of \(bytes.count) bytes"))
    }

    @Test func fourByteCharacterWithoutItsLastByte() throws {
        var lines = Self.lines
        // 𠀀 (U+20000) is 95 32 82 36 in GB18030; its last byte is missing before 江 on line 6.
        #expect(lines[5][0..<2] == [0x31, 0x09])
        lines[5].insert(contentsOf: [0x95, 0x32, 0x82], at: 2)
        let bytes = joined(lines, by: "\n")
        let (error, offset) = try refusal(bytes)
        #expect(error.line == 6)
        #expect(offset == joined(Array(lines[0..<5]), by: "\n").count + 2)
    }
}
