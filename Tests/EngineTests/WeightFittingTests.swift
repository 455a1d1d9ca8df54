import Engine
import Foundation
import Testing

/// The fit of the ranking weights and its cross-validation: a held-out profile is never seen by
/// the fit that ranks it.
@Suite struct WeightFittingTests {
    /// Profiles whose relevant case is found by one component only: the text for P0–P3, the
    /// region for P4–P9 (the first three cases: one strong in text, one in region, one neither).
    static let profiles: [WeightFitting.Profile] = (0..<10).map { index in
        let byText = index < 4
        return WeightFitting.Profile(
            id: "P\(index)", grades: [byText ? "text-case" : "region-case": 3],
            cases: [("text-case", [1, 0, 0.1, 0]), ("region-case", [0.2, 0, 1, 0]), ("other", [0.5, 0.5, 0.5, 0.5])])
    }

    @Test func theFitFollowsWhatTheProfilesReward() {
        let regionProfiles = Array(Self.profiles[4...])
        let weights = WeightFitting.fit(regionProfiles)
        #expect(WeightFitting.ranking(regionProfiles[0], weights: weights).first == "region-case")
        let textProfiles = Array(Self.profiles[..<4])
        #expect(WeightFitting.ranking(textProfiles[0], weights: WeightFitting.fit(textProfiles)).first == "text-case")
    }

    @Test func aHeldOutProfileIsNeverSeenByTheFitThatRanksIt() {
        var seenByFold: [[String]] = []
        let results = WeightFitting.crossValidate(Self.profiles, folds: 5) { training in
            seenByFold.append(training.map(\.id))
            return WeightFitting.fit(training)
        }
        #expect(seenByFold.count == 5)
        #expect(results.count == Self.profiles.count)
        for result in results {
            #expect(!seenByFold[result.fold].contains(result.id), "\(result.id) was in the fit of its own fold")
            #expect(seenByFold[result.fold].count == 8)
        }
        // Every profile is held out exactly once.
        #expect(Set(results.map(\.id)).count == Self.profiles.count)
    }

    /// A fit that could see the held-out profile would learn it; one that cannot, does not: a
    /// lone text profile among region profiles is ranked by the region the others reward.
    @Test func crossValidationCannotLearnTheHeldOutProfile() {
        let lone = WeightFitting.Profile(id: "lone", grades: ["text-case": 3],
                                         cases: [("text-case", [1, 0, 0.1, 0]), ("region-case", [0.2, 0, 1, 0])])
        let others = Array(Self.profiles[4...])
        let heldOut = WeightFitting.crossValidate([lone] + others, folds: 7).first { $0.id == "lone" }!
        #expect(heldOut.ndcg < 1)
        let inSample = WeightFitting.ranking(lone, weights: WeightFitting.fit([lone]))
        #expect(inSample.first == "text-case")
    }
}
