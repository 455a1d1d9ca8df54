import Corpus
import Foundation
import Testing

/// The project root, found from this file's path (Tests/CLITests/…).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let seeds = ["000_fec52221f5d9a716.txt", "001_2c0caaffe9a8f491.txt", "002_2981d96b5dd7e7bf.txt", "003_4a8c5636681108ed.txt"]
    .map { projectRoot.appendingPathComponent("Models/sources/\($0)").path }

/// The built `practiced` next to the test bundle (swift build --build-tests builds both).
let practicedBinary: URL = {
    if let path = ProcessInfo.processInfo.environment["PRACTICED_BIN"] { return URL(fileURLWithPath: path) }
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("practiced")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    return projectRoot.appendingPathComponent(".build/debug/practiced")
}()

struct RunResult {
    let status: Int32
    let output: String
    let errors: String
}

func practiced(_ arguments: [String], environment: [String: String] = [:], directory: URL = projectRoot) throws -> RunResult {
    try runProgram(practicedBinary, arguments, environment: environment, directory: directory)
}

/// Runs a program (from the project root unless told) to its end: its status, standard output and error.
func runProgram(_ program: URL, _ arguments: [String], environment: [String: String] = [:], directory: URL = projectRoot) throws -> RunResult {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self), errors: String(decoding: errorData, as: UTF8.self))
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("practiced-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file of a directory with its bytes: "untouched" means this does not change.
func snapshot(_ directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
        result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return result
}

@Suite(.serialized) struct ImportCommandTests {
    @Test func importingTheSeedsReproducesTheShippedCorpus() throws {
        let out = try temporaryDirectory()
        let result = try practiced(["import"] + seeds + ["--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("000_fec52221f5d9a716.txt: 20 cases"))
        #expect(result.output.contains("5  000-05  line 20  (no title)\n       河北省 承德市 丰宁满族自治县 (county)  ·  2 practices"))
        for id in ["000", "001", "002", "003"] {
            let fresh = try Data(contentsOf: out.appendingPathComponent("\(id).jsonl"))
            let shipped = try Data(contentsOf: projectRoot.appendingPathComponent("Models/corpus/\(id).jsonl"))
            #expect(fresh == shipped, "\(id).jsonl differs from Models/corpus")
        }
    }

    @Test func reimportThatWouldDuplicateIdsIsRefusedAndLeavesTheCorpus() throws {
        let out = try temporaryDirectory()
        #expect(try practiced(["import", seeds[0], "--out", out.path]).status == 0)
        let before = try snapshot(out)
        let again = try practiced(["import", seeds[1], seeds[0], "--out", out.path])
        #expect(again.status != 0)
        #expect(again.errors.contains("\(seeds[0]):"))
        #expect(again.errors.contains("case id 000-01 is already in"))
        #expect(try snapshot(out) == before)  // 001.jsonl was not written either
        // --replace is the explicit way to re-import a source.
        #expect(try practiced(["import", seeds[0], "--out", out.path, "--replace"]).status == 0)
    }

    @Test func appendingToOneFileChecksIdsToo() throws {
        let out = try temporaryDirectory()
        let file = out.appendingPathComponent("all.jsonl")
        #expect(try practiced(["import", seeds[0], "--out", file.path]).status == 0)
        #expect(try practiced(["import", seeds[1], "--out", file.path]).status == 0)
        #expect(try CorpusFiles.readFile(file).count == 38)
        let before = try Data(contentsOf: file)
        #expect(try practiced(["import", seeds[0], "--out", file.path]).status != 0)
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aBadFileInTheBatchWritesNothing() throws {
        let out = try temporaryDirectory()
        let empty = out.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let binary = out.appendingPathComponent("scan.pdf")
        try Data([0x25, 0x50, 0x44, 0x46, 0x0A, 0x00, 0x01, 0x02, 0xFF]).write(to: binary)
        let corpus = out.appendingPathComponent("corpus")
        for bad in [empty, binary] {
            let result = try practiced(["import", seeds[0], bad.path, "--out", corpus.path])
            #expect(result.status != 0)
            #expect(result.errors.contains(bad.path))
            #expect(!FileManager.default.fileExists(atPath: corpus.path))
        }
    }

    @Test func sourceIdNamesOneFile() throws {
        let result = try practiced(["import", seeds[0], seeds[1], "--source-id", "x", "--out", "-"])
        #expect(result.status != 0)
        #expect(result.errors.contains("--source-id"))
    }

    @Test func standardOutputGetsTheJSONLines() throws {
        let result = try practiced(["import", seeds[0], "--source-id", "zj", "--out", "-"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 20)
        #expect(lines.first?.contains("\"id\":\"zj-01\"") == true)
    }
}

@Suite struct CasesCommandTests {
    @Test func jsonCarriesEveryField() throws {
        let result = try practiced(["cases", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let cases = try #require(object?["cases"] as? [[String: Any]])
        #expect(cases.count == 65)
        let first = cases[0]
        for field in ["id", "source", "ordinal", "title", "region", "category", "background", "practices", "outcomes", "lessons", "figures", "text"] {
            #expect(first.keys.contains(field), "missing \(field)")
        }
        let source = try #require(first["source"] as? [String: Any])
        #expect(source["file"] as? String == "000_fec52221f5d9a716.txt")
        #expect(first["ordinal"] as? Int == 1)
    }

    @Test func textListsOneLinePerCase() throws {
        let result = try practiced(["cases"])
        #expect(result.status == 0)
        #expect(result.output.contains("001-01  北京市 西城区 新街口街道  3 practices  健康手拉手“街巷小管家在行动”"))
        #expect(result.output.contains("65 cases from 4 documents"))
    }

    @Test func corpusDirectoryFollowsTheEnvironment() throws {
        let empty = try temporaryDirectory()
        let result = try practiced(["cases"], environment: ["CORPUS_DIRECTORY": empty.path])
        #expect(result.output.contains("0 cases"))
    }
}
