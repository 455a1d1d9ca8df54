import Corpus
import Foundation
import FuzzSupport

/// `POST /v1/cases` with case objects ({"cases": [...]}), decoded as CorpusEditor.cases(from:)
/// decodes them today (until the daemon's public decoding entry point lands): the cases, or a
/// DecodingError; cases that decode are written as corpus lines and read back unchanged (the
/// daemon writes them to the corpus as they came).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseRecords(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(libFuzzerInput: bytes, count: count)
    let batch: Batch
    do {
        batch = try JSONDecoder().decode(Batch.self, from: data)
    } catch is DecodingError {
        return 0
    } catch {
        violated("decoding threw \(type(of: error)), not DecodingError: \(error)")
    }
    expect(readBack(batch.cases) == batch.cases, "the cases read back from corpus lines as they came")
    return 0
}

private struct Batch: Decodable {
    let cases: [CaseRecord]
}
