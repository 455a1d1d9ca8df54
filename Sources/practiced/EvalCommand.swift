import ArgumentParser
import Corpus
import Engine
import Features
import EngineLoading
import Foundation
import LSA

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Ranking quality on graded development profiles: nDCG@10 and P@5 per profile, cross-validated, beside the BM25 and TF-IDF floors.",
        discussion: """
            nDCG@10 is taken over the distinct cases of the ranked list (gain 2^grade − 1), P@5 over its \
            first five distinct cases (grade ≥ 2); see eval/README.md. The floors rank whole case texts by \
            the profile's text, with the product's own analyzer: BM25, and the TF-IDF cosine. "engine" is \
            the shipped ranking model (ranking.model, fitted on all the profiles); "held-out" is k-fold \
            cross-validation over whole profiles (profile i in fold i mod k), each fold ranked with \
            a model fitted on the other folds only, its penalty chosen by a cross-validation among \
            them — the figure to expect on profiles nobody tuned for. --fit refits the model on all \
            the profiles and writes it to ranking.model.
            """
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "Development profiles (JSON Lines; default: eval/dev-profiles.jsonl of the project).")
    var profiles: String?

    @Option(name: .long, help: "Graded judgments, {profile id: {case key: grade}} (default: eval/dev-qrels.json of the project).")
    var judgments: String?

    @Option(name: .long, help: "Graded similar cases, {query case key: {case key: grade}} (default: eval/similar-dev-qrels.json of the project, when present).")
    var similarJudgments: String?

    @Option(name: .long, help: "Output format: text (a table) or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Folds of the cross-validation over whole profiles.")
    var folds: Int = 5

    @Flag(name: .long, help: "Refit the ranking model on all the profiles, write it to ranking.model of the configuration, and stop.")
    var fit = false

    func validate() throws {
        guard folds >= 2 else { throw ValidationError("--folds: at least 2") }
    }

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            let set = try EvaluationSet(
                profiles: profiles.map { URL(fileURLWithPath: $0) } ?? settings.root.appendingPathComponent("eval/dev-profiles.jsonl"),
                judgments: judgments.map { URL(fileURLWithPath: $0) } ?? settings.root.appendingPathComponent("eval/dev-qrels.json"))
            // One engine, whose corpus, analyzer and features the floor and the text-only column share.
            let engine = try LoadedEngine.open(settings)
            let cases = engine.cases, analyzer = engine.profiles.analyzer
            let features = engine.recommender.scorer.features, text = engine.recommender.scorer.similarity
            let keys = cases.map(Judgments.key(of:))
            let floor = engine.recommender.scorer.bm25
            let caseKeyById = Dictionary(uniqueKeysWithValues: zip(cases.map(\.id), keys))
            let practiceCaseKeys = features.practiceCaseRows.map { caseKeyById[features.caseIds[$0]]! }
            var rows: [[String: Any]] = []
            // Each profile's features for the cases that can give a practice, for the fit.
            let scorer = engine.recommender.scorer, shipped = engine.recommender.model
            let withPractices = Set(features.practiceCaseRows)
            let fitted = try set.profiles.map { profile in
                let scored = scorer.score(try engine.profiles.analyze(profile), model: shipped)
                return RankingFitting.Profile(id: profile.id!, grades: set.judgments.grades[profile.id!]!, cases: scored
                    .filter { withPractices.contains($0.row) }.map { (keys[$0.row], $0.features) })
            }
            if fit {
                let model = try RankingFitting.fit(fitted, labels: shipped)
                try model.fileData(fitted: "practiced eval --fit: \(fitted.count) graded profiles over \(cases.count) cases")
                    .write(to: settings.ranking.modelFile, options: .atomic)
                print("ranking model fitted on \(fitted.count) profiles (penalty \(model.regularization)) written to \(settings.ranking.modelFile.path)")
                for (feature, weight) in zip(RankingFeature.allCases, model.weights) {
                    print("  " + feature.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%8.3f  ", weight) + model.label(feature))
                }
                return
            }
            let heldOut = Dictionary(uniqueKeysWithValues: try RankingFitting.crossValidate(fitted, folds: folds).map { ($0.id, $0) })
            for profile in set.profiles {
                let grades = set.judgments.grades[profile.id!]!
                let terms = analyzer.terms(profile.text ?? "")
                let ranked = floor.ranking(terms).map { keys[$0] }
                // The TF-IDF floor: the cosine of the whole case's weights with the profile's.
                let query = features.weights(of: terms)
                let cosines = features.caseIds.indices.map { query.dot(row: 0, with: features.caseWeights, row: $0) }
                let tfidfRanked = RankingMetrics.topPositions(cosines, count: 10).map { keys[$0] }
                let held = heldOut[profile.id!]!
                // The text component alone (LSA cosine of practices), before tags and region fit.
                let practiceScores = text.practiceScores(terms)
                let lsaRanked = practiceScores.indices.sorted { practiceScores[$0] > practiceScores[$1] }.prefix(10).map { practiceCaseKeys[$0] }
                let recommended = try engine.recommender.recommend(try engine.profiles.analyze(profile), top: 10).map { caseKeyById[$0.caseId]! }
                rows.append([
                    "cv_ndcg10": held.ndcg, "cv_p5": held.precision, "fold": held.fold,
                    "tfidf_ndcg10": RankingMetrics.ndcg(Array(tfidfRanked), grades: grades),
                    "tfidf_p5": RankingMetrics.precision(Array(tfidfRanked), grades: grades),
                    "engine_ndcg10": RankingMetrics.ndcg(recommended, grades: grades),
                    "engine_p5": RankingMetrics.precision(recommended, grades: grades),
                    "id": profile.id!, "name": profile.name ?? "",
                    "bm25_ndcg10": RankingMetrics.ndcg(ranked, grades: grades), "bm25_p5": RankingMetrics.precision(ranked, grades: grades),
                    "lsa_text_ndcg10": RankingMetrics.ndcg(Array(lsaRanked), grades: grades),
                    "lsa_text_p5": RankingMetrics.precision(Array(lsaRanked), grades: grades),
                ])
            }
            let similar = SimilarCases(recommender: engine.recommender, weights: try settings.similarityWeights())
            let similarity = try SimilarityEvaluation(similar, labels: engine.cases.map(\.category))
            let similarityByAction = try SimilarityEvaluation(similar, labels: engine.recommender.caseActions)
            let similarFile = similarJudgments.map { URL(fileURLWithPath: $0) } ?? settings.root.appendingPathComponent("eval/similar-dev-qrels.json")
            let judged = similarJudgments != nil || FileManager.default.fileExists(atPath: similarFile.path)
                ? try JudgedSimilarity(similar, judgments: try Judgments(contentsOf: similarFile), keys: keys, grid: JudgedSimilarity.grid) : nil
            let mean = { (key: String) in rows.map { $0[key] as! Double }.reduce(0, +) / Double(max(rows.count, 1)) }
            switch format {
            case .json:
                let columns = ["cv_ndcg10", "cv_p5", "engine_ndcg10", "engine_p5", "bm25_ndcg10", "bm25_p5", "tfidf_ndcg10", "tfidf_p5",
                               "lsa_text_ndcg10", "lsa_text_p5"]
                try printJSON([
                    "folds": folds,
                    "profiles": rows, "mean": Dictionary(uniqueKeysWithValues: columns.map { ($0, mean($0)) }),
                    "similar_cases": ["precision_at_3": similarity.precision, "ceiling": similarity.ceiling, "queries": similarity.queries],
                    "similar_cases_judged": judged.map { judged in [
                        "ndcg10": judged.ndcg, "tfidf_ndcg10": judged.floor, "cv_ndcg10": judged.heldOut ?? 0,
                        "best_weights": judged.best.map { Self.json($0.weights) } as Any, "best_ndcg10": judged.best?.ndcg as Any,
                        "queries": judged.queries.map { ["key": $0.key, "title": $0.title, "ndcg10": $0.ndcg, "tfidf_ndcg10": $0.floor,
                                                         "cv_ndcg10": $0.heldOut ?? 0, "cv_weights": $0.heldOutWeights.map(Self.json) as Any] },
                    ] } as Any,
                    "similar_cases_by_action": [
                        "precision_at_3": similarityByAction.precision, "ceiling": similarityByAction.ceiling, "queries": similarityByAction.queries,
                    ],
                ])
            case .text:
                print("nDCG@10 (P@5)  held-out: \(folds)-fold cross-validation over whole profiles; engine: the shipped model")
                print("profile   held-out        engine          BM25            TF-IDF          LSA text        name")
                func pair(_ row: [String: Any], _ name: String) -> String {
                    String(format: "%.3f (%.2f)", row[name + "_ndcg10"] as! Double, row[name + "_p5"] as! Double)
                }
                for row in rows {
                    let cells = ["cv", "engine", "bm25", "tfidf", "lsa_text"].map { pair(row, $0).padding(toLength: 16, withPad: " ", startingAt: 0) }
                    print("\((row["id"] as! String).padding(toLength: 10, withPad: " ", startingAt: 0))" + cells.joined() + (row["name"] as! String))
                }
                let means = ["cv", "engine", "bm25", "tfidf", "lsa_text"].map {
                    String(format: "%.3f (%.2f)", mean($0 + "_ndcg10"), mean($0 + "_p5")).padding(toLength: 16, withPad: " ", startingAt: 0)
                }
                print("mean      " + means.joined())
                if let judged {
                    print(String(format: "similar cases, nDCG@10 over %d judged queries: held-out %.3f (weights chosen on the other queries), shipped %.3f, TF-IDF cosine floor %.3f",
                                 judged.queries.count, judged.heldOut ?? 0, judged.ndcg, judged.floor))
                    for query in judged.queries {
                        print("  " + query.key + String(format: "  held-out %.3f  shipped %.3f  floor %.3f  ", query.heldOut ?? 0, query.ndcg, query.floor) + query.title)
                    }
                    if let best = judged.best {
                        print(String(format: "  best on all queries (in-sample %.3f): ", best.ndcg) + Self.describe(best.weights))
                    }
                }
                print(String(format: "similar cases, leave-one-out precision@3 over %d labelled cases: %.3f (ceiling with these labels %.3f)",
                             similarity.queries, similarity.precision, similarity.ceiling))
                print(String(format: "  the same over %d cases labelled by their main action (document label, else most mentioned): %.3f (ceiling %.3f)",
                             similarityByAction.queries, similarityByAction.precision, similarityByAction.ceiling))
            }
        }
    }

    static func json(_ weights: SimilarityWeights) -> [String: Any] {
        ["semantic": weights.semantic, "text": weights.text, "tags": weights.tags, "hubness": weights.hubness, "neighbours": weights.neighbours,
         "term_frequency_power": weights.termFrequencyPower, "subwords": weights.subwords, "place_weight": weights.placeWeight]
    }

    static func describe(_ weights: SimilarityWeights) -> String {
        String(format: "semantic %.2f, text %.2f, tags %.2f, hubness %.2f over %d neighbours; text space: count^%.2f, %@, places ×%.2f",
               weights.semantic, weights.text, weights.tags, weights.hubness, weights.neighbours,
               weights.termFrequencyPower, weights.subwords ? "pieces of long words" : "whole words", weights.placeWeight)
    }
}
