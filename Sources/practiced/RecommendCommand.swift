import ArgumentParser
import Corpus
import Engine
import Features
import Foundation

struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Practices that suit a region's profile, best first, with why.",
        discussion: "A profile as JSON (../shared/DESIGN.md) or as free text. The JSON form is the response envelope of DESIGN.md: {\"profile\": …, \"practices\": […]}."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "A region profile (JSON file).")
    var profile: String?

    @Option(name: .long, help: "A region described in words, e.g. \"山区贫困县，健康素养低，看病难\".")
    var text: String?

    @Option(name: .long, help: "How many practices (1–100).")
    var top: Int = 10

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (profile == nil) != (text == nil) else { throw ValidationError("give either --profile FILE or --text \"…\"") }
        guard (1...100).contains(top) else { throw ValidationError("--top must be between 1 and 100 (got \(top))") }
    }

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            let request = try profile.map { try RegionProfile.decode(Data(contentsOf: URL(fileURLWithPath: $0))) }
                ?? RegionProfile(text: text)
            let engine = try settings.loadRecommender()
            let analyzed = try engine.profiles.analyze(request)
            let items = engine.recommender.recommend(analyzed, top: top)
            let records = Dictionary(engine.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            switch format {
            case .json: try printJSON(RecommendationJSON.envelope(analyzed, items, records: records))
            case .text: print(RecommendationText.render(analyzed, items, records: records))
            }
        }
    }
}
