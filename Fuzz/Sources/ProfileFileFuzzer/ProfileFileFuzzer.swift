import Features
import Foundation
import FuzzSupport
import Importer
import Profiles

/// A profile file as `practiced recommend --profile F` and `practiced report --profiles F` read
/// it: the first byte of the input picks the kind (the extension decides how ProfileFile reads
/// it), the rest is the file. Rows come in the order of their lines, each a profile (then
/// analysed) or a ProfileError; the file as a whole is read or refused with a ProfileError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfileFile(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(libFuzzerInput: bytes, count: count)
    guard let kind = data.first else { return 0 }
    let file = scratchFile(extension: ["json", "jsonl", "csv", "txt"][Int(kind) % 4])
    do { try data.dropFirst().write(to: file) } catch { violated("cannot write \(file.path): \(error)") }
    let rows: [ProfileFile.Row]
    do {
        rows = try ProfileFile.read(file)
    } catch is ProfileError {
        return 0
    } catch {
        violated("ProfileFile.read threw \(type(of: error)), not ProfileError: \(error)")
    }
    expect(rows.allSatisfy { $0.line >= 1 }, "rows are on lines of the file: \(rows.map(\.line))")
    expect(zip(rows, rows.dropFirst()).allSatisfy { $0.line < $1.line }, "rows follow their lines: \(rows.map(\.line))")
    for row in rows {
        switch row.profile {
        case .success(let profile): checkAnalysis(of: profile)
        case .failure(let error): checkNamesItsField(error)
        }
    }
    return 0
}

/// One file per fuzzing process and kind, rewritten for each input.
func scratchFile(extension kind: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("practiced-fuzz-\(getpid()).\(kind)")
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = FuzzConfiguration.profileAnalyzer
    return 0
}
