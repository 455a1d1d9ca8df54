import Features

/// A profile that decoded is analysed as the daemon analyses it: an analysed profile, or a
/// ProfileError naming the field at fault; never a crash or another error.
public func checkAnalysis(of profile: RegionProfile) {
    // The daemon refuses longer texts (daemon.max_text_characters) before analysing them.
    guard (profile.text?.count ?? 0) <= FuzzConfiguration.settings.daemon.maxTextCharacters else { return }
    do {
        let analyzed = try FuzzConfiguration.profileAnalyzer.analyze(profile)
        expect(Set(analyzed.tags.map(\.key)).count == analyzed.tags.count, "each tag is listed once: \(analyzed.tags.map(\.key))")
        expect(!analyzed.terms.contains(""), "no empty term")
    } catch let error as ProfileError {
        expect(!error.field.isEmpty, "a profile error names its field: \(error)")
    } catch {
        violated("analyze threw \(type(of: error)), not ProfileError: \(error)")
    }
}
