import Daemon
import Features
import Foundation
import FuzzSupport
import Importer
import Profiles

/// The bodies of the daemon's queries, through its decoding (RequestDecoding, the routes' own
/// entry point): POST /v1/recommend (a profile with `top` and `filter`, then analysed),
/// POST /v1/similar's options, and POST /v1/reports' `profiles`, each decoded on its own
/// (ProfileFile.rows(ofJSONArray:), then analysed). Each is read or refused as a client's error
/// (400, or 422 naming the field).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfileRequests(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(libFuzzerInput: bytes, count: count)
    do {
        let (profile, top, _) = try RequestDecoding.recommendation(from: data)
        expect((1...100).contains(top), "top is within 1...100: \(top)")
        checkAnalysis(of: profile)
    } catch {
        checkRefusal(error, by: "POST /v1/recommend")
    }
    let object: [String: Any]
    do { object = try RequestDecoding.object(from: data) } catch {
        checkRefusal(error, by: "a body as an object")
        return 0
    }
    do {
        let (top, _) = try RequestDecoding.options(from: data, defaultTop: 5)
        expect((1...100).contains(top), "top is within 1...100: \(top)")
    } catch {
        checkRefusal(error, by: "POST /v1/similar's options")
    }
    if let items = object["profiles"] as? [Any] { checkReportProfiles(items) }
    return 0
}

/// One row per item, in order; each a profile (then analysed) or an error naming the item and
/// the field in it (`[2].terrain[0]`).
func checkReportProfiles(_ items: [Any]) {
    let rows = ProfileFile.rows(ofJSONArray: items)
    expect(rows.map(\.line) == items.indices.map { $0 + 1 }, "one row per item, numbered from 1")
    for (index, row) in rows.enumerated() {
        switch row.profile {
        case .success(let profile):
            checkAnalysis(of: profile)
        case .failure(let error):
            let prefix = "[\(index)]."
            expect(error.field.hasPrefix(prefix) && error.field.count > prefix.count, "profiles[\(index)]'s error names a field: \(error)")
            expect(!saysSwiftTypes(error.message), "profiles[\(index)]'s error speaks JSON, not Swift: \(error)")
        }
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = FuzzConfiguration.profileAnalyzer
    return 0
}
