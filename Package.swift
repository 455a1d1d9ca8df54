// swift-tools-version: 6.1
import PackageDescription

// One module per stage of the data flow (see ../shared/DESIGN.md):
// Importer → Corpus → Analyzer → Features → LSA → Engine → faces (`practiced`).
let package = Package(
    name: "practiced",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "practiced", targets: ["practiced"]),
        // The stages the fuzz targets drive (Fuzz/, a package of its own that depends on this one
        // by path, so that `swift build` and `make test` never build them).
        .library(name: "PracticedModules", targets: ["Analyzer", "Corpus", "Daemon", "Engine", "Features", "Importer", "Profiles", "Regions", "Settings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Cases as the rest of the product sees them, and the JSONL files that hold them.
        .target(name: "Corpus"),
        // The table of administrative divisions and the resolution of written region names.
        .target(name: "Regions", dependencies: [.product(name: "SwiftCSV", package: "SwiftCSV")]),
        // Raw documents (PDF text) → cases; profile files (JSON, JSON Lines, CSV, a plan's text) → profiles.
        .target(name: "Importer", dependencies: ["Corpus", "Features", "Regions", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // Normalisation and Chinese word segmentation (jieba's algorithm, jieba's dictionary).
        .target(name: "Analyzer"),
        // Region profiles: read from the files users bring (JSON, JSON Lines, CSV, a plan's text) and analysed.
        .target(name: "Profiles", dependencies: ["Analyzer", "Features", "Importer", "Regions", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // The feature space: TF-IDF over cases and practices, tags, region attributes.
        .target(name: "Features", dependencies: ["Analyzer", "Corpus", "Regions"]),
        // BLAS and LAPACK through their C interfaces (system libraries, see Sources/C*/shim.h).
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CLAPACKE", path: "Sources/CLAPACKE"),
        // glibc's malloc_trim, for the daemon to give a replaced model's memory back.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // The scan of one neighbour query, in C for AVX2 dispatch (see vector_kernels.c).
        .target(name: "VectorKernels"),
        // The LSA core: truncated SVD, case/practice/term vectors, similarity, the model file.
        .target(name: "LSA", dependencies: ["CBLAS", "CLAPACKE", "Features", "VectorKernels"]),
        // Recommendation and similarity over the LSA model, and how well it ranks.
        .target(name: "Engine", dependencies: ["Analyzer", "CMalloc", "Corpus", "Features", "LSA", "Profiles", "Regions"]),
        // The answers' shapes (DESIGN.md's envelopes), the same from the command line and the daemon.
        .target(name: "Answers", dependencies: ["Corpus", "Engine", "Features", "Profiles"]),
        // Batch reports: one page per region and an overview, rendered from templates in config/.
        .target(
            name: "Reports",
            dependencies: ["Answers", "Corpus", "Engine", "Features", "Profiles", "Regions", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The daemon: HTTP/JSON on a Unix socket, the model swapped atomically on reload.
        .target(
            name: "Daemon",
            dependencies: [
                "Answers", "CMalloc", "Corpus", "Engine", "Features", "Importer", "LSA", "Profiles", "Reports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // HTTP/1.1 over a Unix socket, for `--socket` and the load benchmark.
        .target(
            name: "SocketClient",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The engine opened from the settings: the saved stages read, or built and saved.
        .target(name: "EngineLoading", dependencies: ["Analyzer", "Corpus", "Engine", "Features", "LSA", "Profiles", "Regions", "Settings"]),
        // config/practiced.yaml and the paths it names.
        .target(name: "Settings", dependencies: [.product(name: "Configuration", package: "swift-configuration")]),
        .executableTarget(
            name: "practiced",
            dependencies: [
                "Analyzer", "Answers", "Corpus", "Daemon", "Engine", "EngineLoading", "Features", "Importer", "LSA", "Profiles", "Regions", "Reports",
                "Settings", "SocketClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"]),
        .testTarget(name: "RegionsTests", dependencies: ["Regions"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importer", "Corpus", "Features", "Profiles", "Regions"]),
        .testTarget(name: "AnalyzerTests", dependencies: ["Analyzer"]),
        .testTarget(name: "FeaturesTests", dependencies: ["Analyzer", "Corpus", "Features", "Profiles", "Regions"]),
        .testTarget(name: "LSATests", dependencies: ["Features", "LSA"]),
        .testTarget(name: "EngineTests", dependencies: ["Corpus", "Engine", "Features", "Profiles", "Regions"]),
        .testTarget(name: "AnswersTests", dependencies: ["Analyzer", "Answers", "Corpus", "Engine", "EngineLoading", "Features", "LSA", "Profiles", "Regions", "Settings"]),
        .testTarget(name: "CLITests", dependencies: ["Corpus"]),
    ]
)
