@testable import Answers
import Foundation
import Testing

/// `JSONText` writes what JSONEncoder writes, for the values an answer holds and for the awkward ones.
@Suite struct JSONTextTests {
    let encoder = AnswerEncoding.encoder

    @Test func numbersAsJSONEncoder() throws {
        var values: [Double] = [0, 1, 0.5, 1e-5, 1e-7, 0.1, 1.0 / 3, 2.5e-10, 1e16, 1e17, 1e22, 0.000123, 5e-324, 0.9999999999999999]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 { values.append(pow(Double.random(in: 0...1, using: &generator), 6)) }
        for value in values {
            var written: [UInt8] = []
            JSONText.append(value, to: &written)
            #expect(Data(written) == (try encoder.encode(value)), "\(value)")
        }
    }

    @Test func stringsAsJSONEncoder() throws {
        let strings = ["", "山区贫困县", "a/b", "q\"x", "back\\slash", "\n\t\r\u{08}\u{0C}\u{01}\u{1F}\u{7F}", "\u{2028}\u{2029}", "😀 emoji", "健康/卫生\n"]
        for string in strings {
            var written: [UInt8] = []
            JSONText.append(string, to: &written)
            #expect(Data(written) == (try encoder.encode(string)), "\(string.debugDescription)")
        }
        var list: [UInt8] = []
        JSONText.append(strings, to: &list)
        #expect(Data(list) == (try encoder.encode(strings)))
    }
}
