import Analyzer
import ArgumentParser
import Foundation

/// Timed kernels on given inputs, one JSON line each, load time excluded, so that reference
/// tools can be run on the very same inputs (Benchmarks/).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time a kernel on a given input (one JSON line).",
        subcommands: [BenchTokenize.self]
    )
}

struct BenchTokenize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Segment a text file line by line on one thread; print mb_per_s and the lexicon's load time.",
        discussion: "The lexicon is loaded from its cache first (load_ms); the timed part is the segmentation of every line into word strings, as a Python tokenizer returns them."
    )

    @Option(name: .long, help: "UTF-8 text file to segment.")
    var input: String

    @Flag(name: .long, help: "Leave the domain dictionary out (jieba's dictionary alone).")
    var noDomain = false

    @Option(name: .long, help: "Timed repetitions; the fastest is reported.")
    var repeats: Int = 3

    @OptionGroup var configOption: ConfigOption

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() async throws {
        try await reportingFailure {
            let settings = try await configOption.load()
            _ = try settings.loadLexicon(domain: !noDomain)  // make sure the cache exists
            let clock = ContinuousClock()
            var loadTimes: [Duration] = []
            var lexicon: Lexicon?
            for _ in 0..<5 {
                let started = clock.now
                lexicon = try settings.loadLexicon(domain: !noDomain)
                loadTimes.append(clock.now - started)
            }
            let segmenter = Segmenter(lexicon: lexicon!)
            let data = try Data(contentsOf: URL(fileURLWithPath: input))
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            let workspace = SegmentationWorkspace()
            var best = Duration.seconds(1_000_000)
            var tokens = 0
            for _ in 0..<repeats {
                let started = clock.now
                tokens = 0
                for line in lines { tokens += segmenter.words(line, workspace: workspace).count }
                best = min(best, clock.now - started)
            }
            let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
            let load = loadTimes.min()!
            let loadMs = (Double(load.components.seconds) + Double(load.components.attoseconds) / 1e18) * 1000
            let result: [String: Any] = [
                "kernel": "tokenize", "bytes": data.count, "tokens": tokens, "seconds": seconds,
                "mb_per_s": Double(data.count) / 1_000_000 / seconds, "load_ms": loadMs,
            ]
            let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}
