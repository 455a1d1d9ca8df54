import ArgumentParser
import Corpus
import EngineLoading
import Foundation
import LSA

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Rebuild the model from Models/corpus (no import).",
        discussion: "Reads the corpus, builds the features (TF-IDF, tags) and the LSA reduction, and writes the model file (Models/model/lsa.model by default). Other commands rebuild it by themselves when the corpus, the configuration or the lexicon changed."
    )

    @OptionGroup var configOption: ConfigOption

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            let clock = ContinuousClock()
            let started = clock.now
            let (model, features) = try settings.buildModel(analyseAgain: true)
            let elapsed = clock.now - started
            let top = model.singularValues.prefix(3).map { String(format: "%.4f", $0) }.joined(separator: ", ")
            print("model: \(model.caseIds.count) cases, \(model.practiceIds.count) practices, \(model.terms.count) terms (\(features.caseCounts.nonZeroCount) non-zeros), k = \(model.dimension); σ = \(top), …")
            print("wrote \(settings.modelFile.path) in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .abbreviated)))")
        }
    }
}
