import Features
import Regions

/// Whether a case's source region agrees with the profile's place, fact by fact: +1 the same,
/// −1 different, 0 when the profile does not state the fact or the source's is not known (the
/// place features of `RankingFeature`).
struct PlaceAgreement {
    let profile: AnalyzedProfile.Attributes
    let ethnicArea: Bool

    init(_ profile: AnalyzedProfile.Attributes) {
        self.profile = profile
        ethnicArea = profile.ethnicMinority?.value == true
    }

    func agreement(_ feature: RankingFeature, _ source: RegionAttributes) -> Double {
        func sign(_ same: Bool?) -> Double { same.map { $0 ? 1 : -1 } ?? 0 }
        switch feature {
        case .terrain:
            // Only a county's terrain tells where its practice ran (RegionFit says why).
            guard let mine = profile.terrain?.value, !mine.isEmpty, RegionFit.isCountyLevel(source.level),
                  let theirs = source.terrain?.value else { return 0 }
            return sign(!Set(mine).isDisjoint(with: theirs))
        case .poverty:
            guard let economy = profile.economy?.value, economy == "poverty" || economy == "former_poverty" else { return 0 }
            return sign(source.formerPovertyCounty?.value)
        case .developed:
            guard profile.economy?.value == "developed", let poor = source.formerPovertyCounty?.value else { return 0 }
            return sign(!poor && source.urbanRural?.value != "rural")
        case .urbanRural:
            guard let mine = profile.urbanization?.value, let theirs = source.urbanRural?.value else { return 0 }
            // Mixed is neither like nor unlike urban or rural.
            return mine == theirs ? 1 : (mine == "mixed" || theirs == "mixed" ? 0 : -1)
        case .level:
            guard let mine = profile.level?.value else { return 0 }
            return sign(mine == source.level || (RegionFit.isCountyLevel(mine) && RegionFit.isCountyLevel(source.level)))
        case .ethnic:
            return ethnicArea ? sign(source.ethnicAutonomous?.value) : 0
        case .revolutionaryBase:
            return profile.revolutionaryBase?.value == true ? sign(source.revolutionaryBase?.value) : 0
        case .province:
            guard let mine = profile.province?.value, let theirs = source.province else { return 0 }
            return mine == theirs ? 1 : 0
        case .macroRegion:
            guard let mine = profile.macroRegion?.value, let theirs = source.macroRegion?.value else { return 0 }
            return sign(mine == theirs)
        default:
            return 0
        }
    }
}
