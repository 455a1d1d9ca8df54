import ArgumentParser
import Corpus
import Features
import EngineLoading
import Foundation
import LSA

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the feature space for cross-checks with scipy, scikit-learn or gensim.",
        discussion: """
            counts.mtx and tfidf.mtx: cases × terms (Matrix Market, 1-based), raw counts and \
            TF-IDF (sublinear tf, smoothed idf, rows of unit length); terms.txt: one term per \
            column; cases.txt: one case id per row; sigma.txt: the k singular values of the \
            TF-IDF matrix, descending; case_vectors.mtx: cases × k, the rows of U_k·Σ_k \
            (each case's TF-IDF row times V_k), whose cosines are the case similarities.
            """
    )

    @Option(name: .long, help: "Directory to write into (created if missing).")
    var out: String

    @OptionGroup var configOption: ConfigOption

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            let space = try settings.loadFeatureSpace()
            let directory = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            func write(_ name: String, _ text: String) throws {
                try CorpusFiles.writeAtomically(Data(text.utf8), to: directory.appendingPathComponent(name))
            }
            try write("counts.mtx", MatrixMarket.encode(space.caseCounts, comment: "practiced: term counts, cases × terms (rows: cases.txt, columns: terms.txt)"))
            try write("tfidf.mtx", MatrixMarket.encode(space.caseWeights, comment: "practiced: TF-IDF, sublinear tf, idf = ln((1+n)/(1+df)) + 1, rows l2-normalised"))
            try write("terms.txt", space.vocabulary.terms.joined(separator: "\n") + "\n")
            try write("cases.txt", space.caseIds.joined(separator: "\n") + "\n")
            let semantic = try SemanticSpace(features: space, options: settings.svdOptions(rows: space.caseWeights.rows, columns: space.caseWeights.columns))
            try write("sigma.txt", semantic.singularValues.map { "\($0)" }.joined(separator: "\n") + "\n")
            try write("case_vectors.mtx", MatrixMarket.encodeDense(
                rows: semantic.caseVectors.rows, columns: semantic.dimension, rowMajor: semantic.caseVectors.values,
                comment: "practiced: case vectors U_k·Σ_k (= tfidf · V_k), cases × k, k = \(semantic.dimension)"))
            print("wrote \(space.caseIds.count) cases × \(space.vocabulary.count) terms (\(space.caseCounts.nonZeroCount) non-zeros) to \(directory.path)")
        }
    }
}
