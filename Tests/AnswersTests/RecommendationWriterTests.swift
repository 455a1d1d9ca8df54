import Analyzer
@testable import Answers
import Corpus
import Engine
import Features
import Foundation
import LSA
import Regions
import Testing

/// The fast answer writer gives JSONEncoder's bytes exactly.
@Suite struct RecommendationWriterTests {
    /// The engine on the shipped corpus, wired by hand (k = 20, exact SVD).
    static func shippedEngine() throws -> (recommender: Recommender, profiles: ProfileAnalyzer, root: URL) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = root.appendingPathComponent("config")
        let sources = LexiconSources(
            jiebaDictionary: URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/dict.txt"),
            hmmDirectory: URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/finalseg"),
            domainDictionary: config.appendingPathComponent("domain-dictionary.txt"))
        let lexicon = try LexiconLoader.load(sources, cache: root.appendingPathComponent("Models/model/lexicon/jieba+domain.lexicon"))
        let analyzer = TermAnalyzer(segmenter: Segmenter(lexicon: lexicon), stopWords: try StopWords(contentsOf: config.appendingPathComponent("stop-words.txt")))
        let tagger = Tagger(taxonomy: try Taxonomy.load(from: config.appendingPathComponent("taxonomy.json")))
        let cases = try CorpusFiles.readDirectory(root.appendingPathComponent("Models/corpus"))
        let features = FeatureSpace(cases: cases, analyzer: analyzer, tagger: tagger)
        let space = try SemanticSpace(features: features, options: .init(k: 20, method: .exact))
        let gazetteer = try Gazetteer(
            resolver: RegionResolver(directory: config.appendingPathComponent("divisions")),
            factsFile: config.appendingPathComponent("region-facts.csv"),
            macroRegionsFile: config.appendingPathComponent("divisions/macro-regions.csv"))
        let regions = cases.map {
            gazetteer.attributes(province: $0.region.province, prefecture: $0.region.prefecture, county: $0.region.county, subUnit: $0.region.subUnit)
        }
        let scorer = CaseScorer(features: features, space: space, caseRegions: regions, taxonomy: tagger.taxonomy)
        let recommender = Recommender(scorer: scorer, cases: CaseCatalogue(records: cases), model: try RankingModel.load(from: config.appendingPathComponent("ranking-model.json")), practicesPerCase: 2)
        let profiles = ProfileAnalyzer(analyzer: analyzer, tagger: tagger, gazetteer: gazetteer,
                                       cues: try ProfileCues.load(from: config.appendingPathComponent("profile-cues.json")))
        return (recommender, profiles, root)
    }

    @Test func writesTheSameBytesAsThePlainEncoding() throws {
        let (recommender, profiles, _) = try Self.shippedEngine()
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
    @Test func theBestCasesAreTheFullSortsFirstTen() throws {
        let (recommender, profiles, root) = try Self.shippedEngine()
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
