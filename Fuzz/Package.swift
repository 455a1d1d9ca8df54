// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for practiced, kept out of the main package so that `swift build` and
// `make test` never build them. Built only by `make fuzz`:
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c release --sanitize=fuzzer
// Each executable defines libFuzzer's LLVMFuzzerTestOneInput and has no main of its own:
// under --sanitize=fuzzer SwiftPM compiles executables as libraries and links libFuzzer's main.
let package = Package(
    name: "practiced-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The parent directory is the product; its name, not the directory's, identifies it
        // (a clone or worktree may be called anything).
        .package(name: "practiced", path: ".."),
    ],
    targets: [
        // The configuration as the command line loads it, libFuzzer's driver, and the checks.
        .target(name: "FuzzSupport", dependencies: [.product(name: "PracticedModules", package: "practiced")]),
        // Raw document bytes → cases (the importer's whole pipeline).
        .executableTarget(name: "ImportFuzzer", dependencies: ["FuzzSupport"]),
        // Raw bytes → text (UTF-8 or GB18030), or refusal.
        .executableTarget(name: "DecodeFuzzer", dependencies: ["FuzzSupport"]),
        // Text → paragraphs → case blocks (the importer's internal stages, by @testable import).
        .executableTarget(name: "ParagraphFuzzer", dependencies: ["FuzzSupport"]),
        // The daemon's query bodies (RequestDecoding) → profile, top, filter → analysed profile.
        .executableTarget(name: "ProfileFuzzer", dependencies: ["FuzzSupport"]),
        // A profile file (JSON, JSON Lines, CSV) → profiles.
        .executableTarget(name: "ProfileFileFuzzer", dependencies: ["FuzzSupport"]),
        // POST /v1/cases' body (case objects or a raw collection) → cases → corpus lines → the same cases.
        .executableTarget(name: "NewCasesFuzzer", dependencies: ["FuzzSupport"]),
    ]
)
