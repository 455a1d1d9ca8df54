import Analyzer
import Answers
import ArgumentParser
import Features
import EngineLoading
import Foundation
import LSA

/// Timed kernels on given inputs, one JSON line each, load time excluded, so that reference
/// tools can be run on the very same inputs (Benchmarks/).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time a kernel on a given input (one JSON line).",
        subcommands: [BenchTokenize.self, BenchSVD.self, BenchNeighbours.self, BenchLoad.self]
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
            let elapsed = seconds(best)
            let loadMs = seconds(loadTimes.min()!) * 1000
            let result: [String: Any] = [
                "kernel": "tokenize", "bytes": data.count, "tokens": tokens, "seconds": elapsed,
                "mb_per_s": Double(data.count) / 1_000_000 / elapsed, "load_ms": loadMs,
            ]
            let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}

/// Seconds of a Duration.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Peak resident memory of this process so far, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func printJSON(_ object: [String: Any]) throws {
    print(String(decoding: try answerJSON(object), as: UTF8.self))
}

struct BenchSVD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svd",
        abstract: "TF-IDF and truncated SVD of a counts matrix; print tfidf_seconds and svd_seconds.",
        discussion: "Loading the file is not timed. The SVD is the randomized one (the method for large corpora) unless --exact."
    )

    @Option(name: .long, help: "documents × terms counts (Matrix Market), e.g. from `practiced synth`.")
    var counts: String

    @Option(name: .long, help: "Dimensions kept.")
    var k: Int = 128

    @Option(name: .long, help: "Power iterations.")
    var powerIterations: Int = 5

    @Option(name: .long, help: "Oversampling (extra random dimensions).")
    var oversampling: Int = 10

    @Flag(name: .long, help: "Exact SVD (LAPACK dgesdd on the dense matrix) instead of randomized.")
    var exact = false

    func run() async throws {
        try await reportingFailure {
            var matrix: SparseMatrix? = try MatrixMarket.read(contentsOf: URL(fileURLWithPath: counts))
            let loaded = peakMemoryMiB()
            let clock = ContinuousClock()
            var started = clock.now
            let weights = TfidfWeighting.fit(matrix!).transform(matrix!)
            let tfidf = clock.now - started
            // The counts are not needed once weighted (the reference releases them too).
            matrix = nil
            started = clock.now
            let svd = try TruncatedSVD.compute(weights, options: .init(
                k: k, method: exact ? .exact : .randomized, oversampling: oversampling, powerIterations: powerIterations))
            let reduction = clock.now - started
            try printJSON([
                "kernel": "svd", "blas": BLASThreads.current == nil ? "reference" : "OpenBLAS", "documents": weights.rows, "terms": weights.columns, "nonzeros": weights.nonZeroCount, "k": k,
                "tfidf_seconds": seconds(tfidf), "svd_seconds": seconds(reduction),
                "peak_mib": peakMemoryMiB(), "peak_mib_after_load": loaded, "sigma_1": svd.singularValues.first ?? 0,
            ])
        }
    }
}

struct BenchNeighbours: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbours",
        abstract: "Top-T neighbours by cosine: all pairs, and single queries; print all_pairs_seconds and query_median_ms.",
        discussion: "Vectors: row-major little-endian float32 (.f32), D per row. Loading is not timed. Queries are 200 rows of the file, each against all rows."
    )

    @Option(name: .long, help: "Row-major little-endian float32 vectors.")
    var vectors: String

    @Option(name: .long, help: "Dimensions per vector.")
    var dim: Int

    @Option(name: .long, help: "Neighbours per vector.")
    var top: Int = 10

    @Flag(name: .long, help: "Time only the single queries (skip all pairs).")
    var queriesOnly = false

    func run() async throws {
        try await reportingFailure {
            let data = try Data(contentsOf: URL(fileURLWithPath: vectors))
            guard dim >= 1, data.count % (4 * dim) == 0 else {
                throw ValidationError("\(vectors): \(data.count) bytes is not a whole number of \(dim)-dimensional float32 rows")
            }
            let rows = data.count / (4 * dim)
            let values: [Double] = data.withUnsafeBytes { raw in
                (0..<(rows * dim)).map { Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))) }
            }
            let index = NeighbourIndex(vectors: RowMajorMatrix(rows: rows, columns: dim, values: values))
            let clock = ContinuousClock()
            var allPairs = 0.0
            if !queriesOnly {
                let started = clock.now
                _ = index.allTopK(top)
                allPairs = seconds(clock.now - started)
            }
            // One thread per query, as the reference is timed (and as the daemon serves queries).
            var times: [Double] = []
            BLASThreads.single {
                for query in stride(from: 0, to: rows, by: max(rows / 200, 1)).prefix(200) {
                    let vector = index.unitRow(query)
                    let started = clock.now
                    _ = index.query(vector, top: top, excluding: [query])
                    times.append(seconds(clock.now - started) * 1000)
                }
            }
            times.sort()
            try printJSON([
                "kernel": "neighbours", "blas": BLASThreads.current == nil ? "reference" : "OpenBLAS", "vectors": rows, "dim": dim, "top": top,
                "all_pairs_seconds": allPairs, "query_median_ms": times.isEmpty ? 0 : times[times.count / 2], "peak_mib": peakMemoryMiB(),
            ])
        }
    }
}
