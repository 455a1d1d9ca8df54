import Engine
import Foundation
import Testing

/// The fit of the ranking model and its cross-validation: a held-out profile is never seen by
/// the fit that ranks it.
@Suite struct RankingFittingTests {
    /// Features with `text` at the TF-IDF cosine and `place` at the province agreement, 0 elsewhere.
    static func features(text: Double, place: Double) -> [Double] {
        RankingFeature.allCases.map { $0 == .tfidf ? text : $0 == .province ? place : 0 }
    }

    /// Profiles whose relevant case is found by one feature only: the text for P0–P3, the place
    /// for P4–P9 (one case strong in text, one in place, one middling in both).
    static let profiles: [RankingFitting.Profile] = (0..<10).map { index in
        RankingFitting.Profile(
            id: "P\(index)", grades: [index < 4 ? "text-case" : "place-case": 3],
            cases: [("text-case", features(text: 1, place: 0.1)), ("place-case", features(text: 0.2, place: 1)),
                    ("other", features(text: 0.5, place: 0.5))])
    }

    @Test func theFitFollowsWhatTheProfilesReward() throws {
        let placeProfiles = Array(Self.profiles[4...])
        let placeModel = try RankingFitting.fit(placeProfiles)
        #expect(RankingFitting.ranking(placeProfiles[0], model: placeModel).first == "place-case")
        let textProfiles = Array(Self.profiles[..<4])
        #expect(RankingFitting.ranking(textProfiles[0], model: try RankingFitting.fit(textProfiles)).first == "text-case")
    }

    /// Newton's method reaches the minimum: the gradient of the penalised pairwise log-loss is 0.
    @Test func theWeightsMinimiseThePenalisedLoss() throws {
        let penalty = 5.0
        let w = try RankingFitting.weights(Self.profiles, penalty: penalty)
        let tfidf = RankingFeature.allCases.firstIndex(of: .tfidf)!, province = RankingFeature.allCases.firstIndex(of: .province)!
        // ∂/∂w_j: penalty·w_j − Σ_pairs σ(−w·d)·d_j, over the pairs (better − worse) of each profile.
        var gradient = [penalty * w[tfidf], penalty * w[province]]
        for profile in Self.profiles {
            let best = profile.cases.first { profile.grades[$0.key] != nil }!
            for other in profile.cases where other.key != best.key {
                let d = zip(best.features, other.features).map { $0 - $1 }
                let z = zip(w, d).reduce(0) { $0 + $1.0 * $1.1 }
                let pull = 1 / (1 + exp(z))
                gradient[0] -= pull * d[tfidf]
                gradient[1] -= pull * d[province]
            }
        }
        #expect(abs(gradient[0]) < 1e-6 && abs(gradient[1]) < 1e-6, "gradient \(gradient)")
        // Features no pair tells apart keep weight 0.
        #expect(w.indices.filter { $0 != tfidf && $0 != province }.allSatisfy { w[$0] == 0 })
    }

    @Test func aHeldOutProfileIsNeverSeenByTheFitThatRanksIt() throws {
        var seenByFold: [[String]] = []
        let results = try RankingFitting.crossValidate(Self.profiles, folds: 5) { training in
            seenByFold.append(training.map(\.id))
            return try RankingFitting.fit(training)
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
    /// lone text profile among place profiles is ranked by the place the others reward.
    @Test func crossValidationCannotLearnTheHeldOutProfile() throws {
        let lone = RankingFitting.Profile(id: "lone", grades: ["text-case": 3],
                                          cases: [("text-case", Self.features(text: 1, place: 0.1)), ("place-case", Self.features(text: 0.2, place: 1))])
        let others = Array(Self.profiles[4...])
        let heldOut = try RankingFitting.crossValidate([lone] + others, folds: 7).first { $0.id == "lone" }!
        #expect(heldOut.ndcg < 1)
        let inSample = RankingFitting.ranking(lone, model: try RankingFitting.fit([lone]))
        #expect(inSample.first == "text-case")
    }

    /// The shipped file names every feature once, with a label; a file missing one is refused by name.
    @Test func theModelFileNamesEveryFeature() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try RankingModel.load(from: root.appendingPathComponent("config/ranking-model.json"))
        #expect(RankingFeature.allCases.allSatisfy { shipped.label($0) != $0.rawValue })
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("ranking-model-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: broken) }
        let text = try String(contentsOf: root.appendingPathComponent("config/ranking-model.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"lsa\"", with: "\"lsa2\"")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        #expect { try RankingModel.load(from: broken) } throws: { "\($0)".contains("unknown feature \"lsa2\"") }
        // A refit keeps the labels; its file reads back to the same model.
        let refit = shipped.with(weights: shipped.weights.map { $0 * 2 }, regularization: 5)
        try refit.fileData(fitted: "test").write(to: broken)
        #expect(try RankingModel.load(from: broken) == refit)
    }
}

/// The scorer writes each case's features as text, place, tags: the order of `allCases`.
@Test func theFeatureGroupsAreAllCasesInOrder() {
    #expect(RankingFeature.text + RankingFeature.place + RankingFeature.tags == RankingFeature.allCases)
}
