import Answers
import ArgumentParser
import Corpus
import Engine
import Features
import EngineLoading
import Foundation
import Importer
import Profiles

struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Practices that suit a region's profile, best first, with why, evidence and source.",
        discussion: """
            A profile as JSON (../shared/DESIGN.md), several as JSON Lines or CSV (columns named as the \
            profile's fields), a region's own plan as a text document, or free text. The JSON form is \
            DESIGN.md's envelope {"profile": …, "practices": […]}, one line per profile when there are several.
            """
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "Region profiles: .json (one, or an array), .jsonl or .csv.")
    var profile: String?

    @Option(name: .long, help: "A region's own plan or report as a text file (UTF-8 or GB18030): its words are the profile.")
    var document: String?

    @Option(name: .long, help: "A region described in words, e.g. \"山区贫困县，健康素养低，看病难\".")
    var text: String?

    @Option(name: .long, help: "How many practices (1–100).")
    var top: Int = 10

    @OptionGroup var filterOptions: FilterOptions

    @OptionGroup var socketOption: SocketOption

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard [profile, document, text].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give one of --profile FILE, --document FILE or --text \"…\"")
        }
        guard (1...100).contains(top) else { throw ValidationError("--top must be between 1 and 100 (got \(top))") }
    }

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            // Each profile with where it came from ("file:line"), for the error that names it.
            let requests: [(place: String?, profile: RegionProfile)]
            if let profile {
                let url = URL(fileURLWithPath: profile)
                requests = try ProfileFile.readAll(url).map { ("\(url.path):\($0.line)", $0.profile) }
            } else if let document {
                let url = URL(fileURLWithPath: document)
                requests = [(nil, RegionProfile(name: url.deletingPathExtension().lastPathComponent, text: try ProfileFile.documentText(url)))]
            } else {
                requests = [(nil, RegionProfile(text: text))]
            }
            if let socket = socketOption.socket {
                for (place, request) in requests {
                    var body = try JSONSerialization.jsonObject(with: JSONEncoder().encode(request)) as? [String: Any] ?? [:]
                    body["top"] = top
                    body["filter"] = filterOptions.json
                    do {
                        let answer = try await DaemonQuery.run(socket: socket, method: .POST, "/v1/recommend", body: body, format: format)
                        if format == .text, requests.count > 1 { print("== \(request.id ?? "") \(request.name ?? "")") }
                        print(answer)
                    } catch let error as DaemonError where place != nil {
                        throw DaemonError(status: error.status, message: "\(place!): \(error.message)")
                    }
                }
                return
            }
            let engine = try LoadedEngine.open(settings)
            var answers: [(AnalyzedProfile, [Recommendation])] = []
            for (place, request) in requests {
                do {
                    let analyzed = try engine.profiles.analyze(request)
                    answers.append((analyzed, try engine.recommender.recommend(analyzed, top: top, filter: filterOptions.filter)))
                } catch let error as ProfileError where place != nil && !error.field.hasPrefix("filter.") {
                    throw ProfileError(field: "\(place!): \(error.field)", message: error.message)
                }
            }
            // The writer encodes every practice's fixed JSON once: worth it for JSON answers only.
            let writer = format == .json ? try RecommendationWriter(recommender: engine.recommender) : nil
            for (analyzed, items) in answers {
                switch format {
                case .json: print(String(decoding: try writer!.envelope(analyzed, items), as: UTF8.self))
                case .text:
                    if answers.count > 1 { print("== \(analyzed.profile.id ?? "") \(analyzed.profile.name ?? "")") }
                    print(RecommendationText.render(analyzed, items, recommender: engine.recommender))
                }
            }
        }
    }
}
