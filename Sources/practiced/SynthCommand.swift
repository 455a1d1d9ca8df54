import ArgumentParser
import Corpus
import Features
import Foundation

struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write the term counts of a synthetic corpus shaped like the real one, for benchmarks.",
        discussion: "Documents about Zipf-popular topics with Zipf-distributed words (see SyntheticCorpus). Writes DIR/counts.mtx (documents × terms, Matrix Market). Same seed, same corpus."
    )

    @Option(name: .long, help: "Number of documents.")
    var cases: Int

    @Option(name: .long, help: "Vocabulary size.")
    var terms: Int = 60_000

    @Option(name: .long, help: "Words per document on average (distinct terms are fewer).")
    var words: Int = 450

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Directory to write counts.mtx into.")
    var out: String

    func validate() throws {
        guard cases >= 1 else { throw ValidationError("--cases must be at least 1") }
        guard terms >= 1 else { throw ValidationError("--terms must be at least 1") }
        guard words >= 1 else { throw ValidationError("--words must be at least 1") }
    }

    func run() async throws {
        try await reportingFailure {
            let counts = SyntheticCorpus(documents: cases, terms: terms, wordsPerDocument: words, seed: seed).counts()
            let directory = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let text = MatrixMarket.encode(counts, comment: "practiced synth --cases \(cases) --terms \(terms) --words \(words) --seed \(seed)")
            try CorpusFiles.writeAtomically(Data(text.utf8), to: directory.appendingPathComponent("counts.mtx"))
            print("wrote \(cases) documents × \(terms) terms (\(counts.nonZeroCount) non-zeros) to \(directory.appendingPathComponent("counts.mtx").path)")
        }
    }
}
