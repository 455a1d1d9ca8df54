import Corpus
import Daemon
import Foundation
import FuzzSupport

/// The body of POST /v1/cases through the daemon's own reading (RequestDecoding.object, then
/// CorpusEditor.cases(from:data:)): case objects (`{"cases": [...]}`) or a raw collection
/// (`{"text": …, "source_id": …}`, imported). The cases, each with ids that follow the one id
/// rule and that the corpus writes and reads back unchanged, or a client's error (400, or 422
/// naming the field). Nothing is written: only the cases are read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNewCases(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(libFuzzerInput: bytes, count: count)
    let cases: [CaseRecord]
    do {
        cases = try editor.cases(from: try RequestDecoding.object(from: data), data: data)
    } catch {
        checkRefusal(error, by: "POST /v1/cases")
        return 0
    }
    expect(!cases.isEmpty, "a body that is read adds cases")
    for record in cases {
        expect(CaseIdentifiers.problem(with: record) == nil, "case \(record.id) follows the id rule: \(String(describing: CaseIdentifiers.problem(with: record)))")
    }
    expect(readBack(cases) == cases, "the cases read back from corpus lines as they came")
    return 0
}

/// Reading a body touches no file: the directory is where `add` would write.
private let editor = CorpusEditor(directory: FileManager.default.temporaryDirectory.appendingPathComponent("practiced-fuzz-corpus"),
                                  importer: FuzzConfiguration.importer)

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = editor
    return 0
}
