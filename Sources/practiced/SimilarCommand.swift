import Answers
import ArgumentParser
import Corpus
import Engine
import Features
import EngineLoading
import Foundation
import Importer

struct SimilarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Cases like a case of the corpus (by id) or like a pasted text, with the terms and tags they share.",
        discussion: "The JSON form is DESIGN.md's envelope {\"query\": …, \"similar\": [{rank, case_id, title, region, score, why}]}."
    )

    @OptionGroup var configOption: ConfigOption

    @Argument(help: "A case id of the corpus, e.g. 000-05 (`practiced cases` lists them).")
    var caseId: String?

    @Option(name: .long, help: "A text to compare with the corpus, e.g. a new case or a region's report.")
    var text: String?

    @Option(name: .long, help: "How many cases (1–100).")
    var top: Int = 5

    @OptionGroup var filterOptions: FilterOptions

    @OptionGroup var socketOption: SocketOption

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (caseId == nil) != (text == nil) else { throw ValidationError("give either a CASE_ID or --text \"…\"") }
        if let text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--text is empty") }
        guard (1...100).contains(top) else { throw ValidationError("--top must be between 1 and 100 (got \(top))") }
    }

    func run() async throws {
        try await reportingFailure {
            if let socket = socketOption.socket {
                let filter = filterOptions
                if let caseId {
                    let target = DaemonQuery.target("/v1/cases/\(caseId)/similar", [
                        ("top", String(top)), ("province", filter.province), ("level", filter.level),
                        ("category", filter.category), ("year", filter.year.map(String.init)),
                    ])
                    print(try await DaemonQuery.run(socket: socket, method: .GET, target, format: format))
                } else {
                    let body: [String: Any] = ["text": text!, "top": top, "filter": filter.json]
                    print(try await DaemonQuery.run(socket: socket, method: .POST, "/v1/similar", body: body, format: format))
                }
                return
            }
            let settings = try await configOption.load()
            let engine = try LoadedEngine.open(settings)
            let similar = SimilarCases(recommender: engine.recommender, weights: try settings.similarityWeights())
            let query: SimilarAnswer.Query
            let found: [SimilarCase]
            if let caseId {
                found = try similar.similar(toCase: caseId, top: top, filter: filterOptions.filter)
                query = SimilarAnswer.query(case: engine.cases.record(id: caseId)!)
            } else {
                let analyzer = engine.profiles
                try analyzer.checkLength(of: text)
                // Read as the importer reads a case, analysed as the corpus's cases are.
                let read = PastedCaseReader(rules: try ImportRules.load(from: settings.importRulesFile)).read(text!)
                let pasted = AnalysedCase(text: read.text, practices: read.practices, analyzer: analyzer.analyzer, tagger: analyzer.tagger)
                found = try similar.similar(to: pasted, top: top, filter: filterOptions.filter)
                query = SimilarAnswer.query(text: text!, tags: pasted.tags, practices: read.practices)
            }
            switch format {
            case .json: print(String(decoding: try SimilarAnswer.envelope(query: query, found, cases: engine.cases), as: UTF8.self))
            case .text:
                let labels = Dictionary(uniqueKeysWithValues: engine.profiles.tagger.taxonomy.tags.map { ($0.key, $0.label) })
                print(SimilarAnswer.render(found, cases: engine.cases, labels: labels))
            }
        }
    }
}
