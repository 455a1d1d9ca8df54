import Features
import Profiles
import Regions

/// How well a source region's situation matches a profile's: the mean, over the attributes the
/// profile states, of 1 (same), 0 (different) or ½ (the source's is unknown), and the shared
/// ones in words for the explanation (e.g. 山区、原国家级贫困县).
public struct RegionFit: Sendable, Equatable {
    public let score: Double
    /// Shared attributes, in Chinese, in a fixed order.
    public let shared: [String]

    /// nil when the profile states nothing about its situation.
    /// A county or a district (compared by hand: this runs for every case of every request).
    static func isCountyLevel(_ level: String?) -> Bool {
        level == "county" || level == "district"
    }

    /// `labels` gives the shared attributes their words.
    public static func compare(_ profile: AnalyzedProfile.Attributes, with source: RegionAttributes?, labels: DomainLabels) -> RegionFit? {
        var parts: [Double] = []
        var shared: [String] = []
        func add(_ agreement: Bool?, _ words: @autoclosure () -> String) {
            guard let agreement else { return parts.append(0.5) }
            parts.append(agreement ? 1 : 0)
            if agreement { shared.append(words()) }
        }
        if let terrain = profile.terrain?.value, !terrain.isEmpty {
            // Only a county's terrain tells where its practice ran: a province or a city spans
            // mountains and plains alike (四川省 is not a mountain county), so theirs is unknown here.
            let sourceTerrain = isCountyLevel(source?.level) ? source?.terrain?.value : nil
            let common = terrain.filter { sourceTerrain?.contains($0) ?? false }
            add(sourceTerrain.map { _ in !common.isEmpty }, labels.terrainWords(common))
        }
        if let economy = profile.economy?.value {
            let poor = source?.formerPovertyCounty?.value
            switch economy {
            case "poverty", "former_poverty": add(poor, labels.shared.formerPovertyCounty)
            case "developed": add(poor.map { !$0 && source?.urbanRural?.value != "rural" }, labels.shared.developed)
            default: break
            }
        }
        if let urbanization = profile.urbanization?.value, let theirs = source?.urbanRural?.value {
            if urbanization == theirs { add(true, labels.urbanization[theirs] ?? theirs) }
            else { parts.append(urbanization == "mixed" || theirs == "mixed" ? 0.5 : 0) }
        } else if profile.urbanization != nil {
            add(nil, "")
        }
        if let level = profile.level?.value {
            let theirs = source?.level
            if let theirs, level != theirs, isCountyLevel(level), isCountyLevel(theirs) {
                parts.append(0.75)
            } else {
                add(theirs.map { $0 == level }, labels.level[level] ?? level)
            }
        }
        if let ethnic = profile.ethnicMinority?.value, ethnic { add(source?.ethnicAutonomous?.value, labels.shared.ethnicArea) }
        if let base = profile.revolutionaryBase?.value, base { add(source?.revolutionaryBase?.value, labels.shared.revolutionaryBase) }
        guard !parts.isEmpty else { return nil }
        return RegionFit(score: parts.reduce(0, +) / Double(parts.count), shared: shared)
    }
}
