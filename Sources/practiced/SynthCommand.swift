import ArgumentParser
import Corpus
import Features
import Foundation
import Regions

struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic corpus for benchmarks: realistic cases (--corpus) or term counts (--cases).",
        discussion: """
            --corpus N: N cases as corpus JSON Lines, DIR/<source id>.jsonl — each a shipped case's background \
            and outcomes with practices drawn from the shipped cases, placed in a real county-level division \
            of the gazetteer (its place names replaced), ids <source id>-1… (see CaseSynthesizer); DIR can be \
            served as a corpus directory. --cases N: documents about Zipf-popular topics with Zipf-distributed \
            words (see SyntheticCorpus), DIR/counts.mtx (documents × terms, Matrix Market). Same seed, same output.
            """
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "Number of realistic cases to write as corpus JSON Lines.")
    var corpus: Int?

    @Option(name: .long, help: "Source id of the realistic cases (their file name and id prefix).")
    var sourceId = "synth"

    @Option(name: .long, help: "Number of documents of term counts.")
    var cases: Int?

    @Option(name: .long, help: "Vocabulary size.")
    var terms: Int = 60_000

    @Option(name: .long, help: "Words per document on average (distinct terms are fewer).")
    var words: Int = 450

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Directory to write into.")
    var out: String

    func validate() throws {
        guard (corpus == nil) != (cases == nil) else { throw ValidationError("give one of --corpus N (cases) or --cases N (term counts)") }
        guard (corpus ?? cases ?? 0) >= 1 else { throw ValidationError("--corpus or --cases must be at least 1") }
        if let problem = CaseIdentifiers.problem(withSourceId: sourceId) { throw ValidationError("--source-id: \(problem)") }
        guard terms >= 1 else { throw ValidationError("--terms must be at least 1") }
        guard words >= 1 else { throw ValidationError("--words must be at least 1") }
    }

    func run() async throws {
        try await reportingFailure {
            let directory = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            if let corpus {
                let settings = try await configOption.load()
                let synthesizer = CaseSynthesizer(
                    cases: try CorpusFiles.readDirectory(settings.corpusDirectory),
                    places: CaseSynthesizer.places(in: try DivisionTable(directory: settings.divisionsDirectory, includeTownships: false)),
                    seed: seed)
                let file = try CorpusFiles.file(forSource: sourceId, in: directory)
                try CorpusFiles.writeAtomically(try CorpusFiles.encodeLines(synthesizer.cases(count: corpus, sourceId: sourceId)), to: file)
                print("wrote \(corpus) cases to \(file.path)")
                return
            }
            let cases = cases!
            let counts = SyntheticCorpus(documents: cases, terms: terms, wordsPerDocument: words, seed: seed).counts()
            let text = MatrixMarket.encode(counts, comment: "practiced synth --cases \(cases) --terms \(terms) --words \(words) --seed \(seed)")
            try CorpusFiles.writeAtomically(Data(text.utf8), to: directory.appendingPathComponent("counts.mtx"))
            print("wrote \(cases) documents × \(terms) terms (\(counts.nonZeroCount) non-zeros) to \(directory.appendingPathComponent("counts.mtx").path)")
        }
    }
}
