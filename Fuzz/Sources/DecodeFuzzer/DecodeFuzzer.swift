import Foundation
import FuzzSupport
import Importer

/// DocumentDecoder.decode on any bytes: UTF-8 taken as it is (without a BOM), else GB18030
/// converted, else refused as empty, binary or undecodable with the file and a line inside it
/// (and, for undecodable text, the offset of a byte that is there).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(libFuzzerInput: bytes, count: count)
    let decoded: DocumentDecoder.Decoded
    do {
        decoded = try DocumentDecoder.decode(data, file: "fuzz.txt")
    } catch let error as ImportError {
        switch error.reason {
        case .empty, .binary: break
        case .undecodable(let offset, let byte, let size):
            expect(size == data.count && (0..<size).contains(offset) && data[offset] == byte,
                   "the undecodable byte is where it is said to be: \(error)")
        default: violated("a decoding error is empty, binary or undecodable: \(error)")
        }
        if let line = error.line { expect((1...lineCount(data)).contains(line), "line \(line) is in the file: \(error)") }
        return 0
    } catch {
        violated("decode threw \(type(of: error)), not ImportError: \(error)")
    }
    let withoutBOM = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
    if let text = String(validating: withoutBOM, as: UTF8.self) {
        expect(decoded.encoding == "UTF-8" && decoded.text == text, "UTF-8 is taken as it is")
    } else {
        expect(decoded.encoding == "GB18030", "text that is not UTF-8 was GB18030: \(decoded.encoding)")
    }
    expect(!decoded.text.unicodeScalars.contains("\0"), "decoded text has no NUL")
    expect(!decoded.text.allSatisfy { " \t\r\n".contains($0) }, "decoded text is not empty")
    return 0
}
