import Corpus
@testable import Engine
import Foundation
import Testing

let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct RankingMetricsTests {
    @Test func ndcgCountsEachCaseOnceAndUsesExponentialGain() {
        let grades = ["a": 3.0, "b": 2, "c": 0]
        // Distinct cases: c, a, b. DCG = 0 + 7/log₂3 + 3/log₂4; ideal = 7 + 3/log₂3.
        let expected = (7 / log2(3.0) + 3 / 2) / (7 + 3 / log2(3.0))
        #expect(abs(RankingMetrics.ndcg(["c", "a", "a", "b"], grades: grades) - expected) < 1e-12)
        #expect(RankingMetrics.ndcg(["a", "b", "c"], grades: grades) == 1)
        #expect(RankingMetrics.ndcg(["x"], grades: ["x": 0]) == 0)
    }

    @Test func precisionAtFiveIsOutOfFive() {
        let grades = ["a": 3.0, "b": 2, "c": 1.5, "d": 2.5]
        #expect(RankingMetrics.precision(["a", "a", "c", "b"], grades: grades) == 0.4)
        #expect(RankingMetrics.precision(["a", "b", "c", "d", "e", "d"], grades: grades) == 0.6)
    }
}

@Suite struct BM25Tests {
    @Test func scoresMatchTheFormulaByHand() {
        let bm25 = BM25(documents: [["a", "b"], ["a", "a", "c"]])
        // "c": N = 2, n = 1, idf = ln 2; document 1 has length 3 against an average of 2.5.
        let expected = log(2.0) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 3 / 2.5))
        let scores = bm25.scores(["c"])
        #expect(scores[0] == 0)
        #expect(abs(scores[1] - expected) < 1e-12)
        #expect(bm25.ranking(["c"]) == [1, 0])
        // A term in every document still counts a little; one in none not at all.
        #expect(bm25.idf("a") > 0 && bm25.idf("zzz") > bm25.idf("c"))
    }
}

@Suite struct EvaluationSetTests {
    @Test func everyShippedCaseHasAJudgmentKeyAndEveryKeyACase() throws {
        let set = try EvaluationSet(profiles: projectRoot.appendingPathComponent("eval/dev-profiles.jsonl"),
                                    judgments: projectRoot.appendingPathComponent("eval/dev-qrels.json"))
        #expect(set.profiles.map(\.id) == (1...25).map { String(format: "D%02d", $0) })
        let cases = try CorpusFiles.readDirectory(projectRoot.appendingPathComponent("Models/corpus"))
        let keys = Set(cases.map(Judgments.key(of:)))
        #expect(keys.count == cases.count)
        for (profile, grades) in set.judgments.grades { #expect(Set(grades.keys) == keys, "profile \(profile)") }
    }

    @Test func aProfileWithoutJudgmentsNamesItsLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let profiles = directory.appendingPathComponent("p.jsonl"), judgments = directory.appendingPathComponent("q.json")
        try Data("{\"id\":\"A\",\"text\":\"山区\"}\n\n{\"id\":\"B\",\"text\":\"城市\"}\n".utf8).write(to: profiles)
        try Data("{\"A\":{\"000-01\":3}}".utf8).write(to: judgments)
        #expect(throws: EngineError.badInput(path: profiles.path + ":3", reason: "profile B has no judgments in q.json")) {
            try EvaluationSet(profiles: profiles, judgments: judgments)
        }
    }
}
