import Features
import Profiles

/// A profile that decoded is analysed as the daemon and the command line analyse it: an
/// analysed profile, or a ProfileError naming the field at fault (a text over
/// features.max_text_characters among them); never a crash or another error.
public func checkAnalysis(of profile: RegionProfile) {
    do {
        let analyzed = try FuzzConfiguration.profileAnalyzer.analyze(profile)
        expect(Set(analyzed.tags.map(\.key)).count == analyzed.tags.count, "each tag is listed once: \(analyzed.tags.map(\.key))")
        expect(!analyzed.terms.contains(""), "no empty term")
    } catch let error as ProfileError {
        checkNamesItsField(error)
    } catch {
        violated("analyze threw \(type(of: error)), not ProfileError: \(error)")
    }
}

/// A profile's error names the field at fault in the words of the request, not Swift's.
public func checkNamesItsField(_ error: ProfileError) {
    expect(!error.field.isEmpty && !error.field.hasSuffix("."), "a profile error names its field: \(error)")
    expect(!saysSwiftTypes(error.message), "a profile error speaks JSON, not Swift: \(error)")
}

/// Swift's names for types, which a client reading a message has no use for.
public func saysSwiftTypes(_ message: String) -> Bool {
    ["Dictionary<", "Array<", "Optional<", "Swift.", "Foundation."].contains(where: message.contains)
}
