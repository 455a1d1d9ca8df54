import Analyzer
@testable import Answers
import Corpus
import Engine
import EngineLoading
import Features
import Foundation
import LSA
import Profiles
import Regions
import Settings
import Testing

/// The fast answer writer gives JSONEncoder's bytes exactly.
@Suite struct RecommendationWriterTests {
    /// The engine on the shipped corpus and configuration, opened as the command line opens it.
    static func shippedEngine() async throws -> (recommender: Recommender, profiles: ProfileAnalyzer, root: URL) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let engine = try LoadedEngine.open(try await Settings.load(from: root.appendingPathComponent("config/practiced.yaml")))
        return (engine.recommender, engine.profiles, root)
    }

    @Test func writesTheSameBytesAsThePlainEncoding() async throws {
        let (recommender, profiles, _) = try await Self.shippedEngine()
        let writer = try RecommendationWriter(recommender: recommender)
        for profile in [RegionProfile(id: "T1", name: "某县", terrain: ["mountain"], economy: "former_poverty", text: "山区贫困县，健康素养低，看病难"),
                        RegionProfile(text: "城市社区老年人多，智慧养老"), RegionProfile(focus: ["tobacco_control"]),
                        // Every attribute, from fields, the text and the gazetteer; quotes and a slash.
                        RegionProfile(id: "T4", name: "瑞金市", text: "老年人口多，\"健康/养老\""),
                        RegionProfile(level: "county", province: "河北省", terrain: ["mountain", "hill"], economy: "poverty", ethnicMinority: true,
                                      urbanization: "rural", agingShare: 0.2, focus: ["tobacco_control"], text: "山区农村")] {
            let analyzed = try profiles.analyze(profile)
            if profile.id == "T4" { #expect(analyzed.attributes.revolutionaryBase != nil && analyzed.attributes.macroRegion != nil) }
            let items = try recommender.recommend(analyzed, top: 20)
            #expect(!items.isEmpty)
            #expect(try writer.envelope(analyzed, items) == RecommendationJSON.envelope(analyzed, items, recommender: recommender))
        }
    }

    /// Candidate selection (`CaseScorer.best`: only the cases whose score bound can reach the
    /// list scored, the best kept as they come) gives the cases a full sort of every case gives,
    /// on every development profile: top 10, 3 and 1, with and without a filter.
    @Test func theBestCasesAreTheFullSortsFirstTen() async throws {
        let (recommender, profiles, root) = try await Self.shippedEngine()
        let lines = try String(contentsOf: root.appendingPathComponent("eval/dev-profiles.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 25)
        for line in lines {
            let profile = try JSONDecoder().decode(RegionProfile.self, from: Data(line.utf8))
            let analyzed = try profiles.analyze(profile)
            let all = recommender.scorer.score(analyzed, model: recommender.model)
                .sorted { $0.rawScore > $1.rawScore || ($0.rawScore == $1.rawScore && $0.row < $1.row) }
            for limit in [10, 3, 1] {
                let best = recommender.scorer.best(analyzed, model: recommender.model, limit: limit) { _ in true }
                let scanned = recommender.scorer.best(analyzed, model: recommender.model, limit: limit, candidates: false) { _ in true }
                #expect(best.map(\.row) == all.prefix(limit).map(\.row), "\(profile.id ?? "") top \(limit)")
                #expect(best.map(\.features) == all.prefix(limit).map(\.features))
                #expect(scanned.map(\.row) == best.map(\.row))
            }
            let odd = all.filter { $0.row % 2 == 1 }
            let bestOdd = recommender.scorer.best(analyzed, model: recommender.model, limit: 3) { $0 % 2 == 1 }
            #expect(bestOdd.map(\.row) == odd.prefix(3).map(\.row), "\(profile.id ?? "") odd rows")
        }
    }
}
