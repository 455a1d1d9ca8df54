import Foundation
import FuzzSupport
import Importer

/// Importer.importDocument on any bytes: cases that read back from the corpus, or an
/// ImportError naming the file (and a line inside it); never a crash, a hang or another error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(libFuzzerInput: bytes, count: count)
    let document: ImportedDocument
    do {
        document = try FuzzConfiguration.importer.importDocument(data, fileName: "fuzz.txt")
    } catch let error as ImportError {
        expect(error.file == "fuzz.txt", "the error names the file: \(error)")
        if let line = error.line { expect((1...lineCount(data)).contains(line), "line \(line) is in the file: \(error)") }
        return 0
    } catch {
        violated("importDocument threw \(type(of: error)), not ImportError: \(error)")
    }
    checkImported(document, lines: lineCount(data))
    return 0
}

/// The configuration is loaded before the first input, so that a broken one stops the run at once.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = FuzzConfiguration.importer
    return 0
}
