import Features
import Foundation
import FuzzSupport
import Importer

/// Request bodies that carry region profiles, decoded as the daemon decodes them today (until
/// the daemon's public decoding entry point lands): a profile object (the body of
/// POST /v1/recommend, `--profile F.json`) through RegionProfile's decoding, and the
/// `profiles` array of POST /v1/reports one item at a time (ProfileFile.rows(ofJSONArray:)).
/// Each is a profile, which is then analysed, or a ProfileError naming the field.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfile(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(libFuzzerInput: bytes, count: count)
    do {
        checkAnalysis(of: try RegionProfile.decode(data))
    } catch let error as ProfileError {
        expect(!error.field.isEmpty, "a profile error names its field: \(error)")
    } catch {
        violated("RegionProfile.decode threw \(type(of: error)), not ProfileError: \(error)")
    }
    guard let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let items = body["profiles"] as? [Any] else { return 0 }
    let rows = ProfileFile.rows(ofJSONArray: items)
    expect(rows.map(\.line) == items.indices.map { $0 + 1 }, "one row per item, numbered from 1")
    for row in rows {
        if case .success(let profile) = row.profile { checkAnalysis(of: profile) }
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = FuzzConfiguration.profileAnalyzer
    return 0
}
