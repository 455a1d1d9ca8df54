import Corpus
import Foundation
import Testing

/// `practiced serve` driven over its real Unix socket by a real HTTP client (curl).
final class ServedDaemon {
    let directory: URL
    let socket: String
    let process = Process()
    let log: URL

    /// Starts the daemon on a fresh socket; `environment` overrides configuration keys
    /// (CORPUS_DIRECTORY, MODEL_DIRECTORY…). `command` starts it otherwise (the socket's path
    /// given): under systemd-socket-activate, say.
    init(environment: [String: String] = [:], socket path: String? = nil, socketFromEnvironment: Bool = false,
         command: ((String) -> (program: URL, arguments: [String]))? = nil, directory workingDirectory: URL = projectRoot) throws {
        directory = try temporaryDirectory()
        socket = path ?? directory.appendingPathComponent("practiced.sock").path
        log = directory.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = practicedBinary
        process.arguments = socketFromEnvironment ? ["serve"] : ["serve", "--socket", socket]
        if let (program, arguments) = command?(socket) {
            process.executableURL = program
            process.arguments = arguments
        }
        process.currentDirectoryURL = workingDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .merging(socketFromEnvironment ? ["PRACTICED_SOCKET": socket] : [:]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if process.isRunning == false { break }
            if (try? request("GET", "/v1/health").status) == 200 { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw DaemonFailure(message: "the daemon did not come up: \(logText)")
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    struct DaemonFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// One request through curl: status and body.
    func request(_ method: String, _ path: String, body: Data? = nil, extra: [String] = []) throws -> (status: Int, body: String) {
        var arguments = ["-s", "--max-time", "60", "--unix-socket", socket, "-X", method, "-w", "\n%{http_code}"] + extra
        var bodyFile: URL?
        if let body {
            let file = directory.appendingPathComponent("body-\(UUID().uuidString)")
            try body.write(to: file)
            bodyFile = file
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@\(file.path)"]
        }
        defer { bodyFile.map { try? FileManager.default.removeItem(at: $0) } }
        let output = try run("/usr/bin/curl", arguments + ["http://practiced\(path)"])
        guard let newline = output.lastIndex(of: "\n"), let status = Int(output[output.index(after: newline)...]) else {
            throw DaemonFailure(message: "curl gave no status: \(output)")
        }
        return (status, String(output[..<newline]))
    }

    func json(_ method: String, _ path: String, _ body: String? = nil) throws -> (status: Int, object: [String: Any]) {
        let answer = try request(method, path, body: body.map { Data($0.utf8) })
        let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any] ?? [:]
        return (answer.status, object)
    }

    /// SIGTERM, then the exit status once it has drained.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }
}

@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

func errorCode(_ object: [String: Any]) -> String? { (object["error"] as? [String: Any])?["code"] as? String }
func errorMessage(_ object: [String: Any]) -> String { (object["error"] as? [String: Any])?["message"] as? String ?? "" }

@Suite(.serialized) struct DaemonTests {
    @Test func everyEndpointAnswersAsTheCommandLineDoes() throws {
        let daemon = try ServedDaemon()
        let health = try daemon.json("GET", "/v1/health")
        #expect(health.status == 200 && health.object["status"] as? String == "ok")
        #expect((health.object["model"] as? [String: Any])?["cases"] as? Int == 65)
        let cases = try daemon.json("GET", "/v1/cases")
        #expect((cases.object["cases"] as? [[String: Any]])?.count == 65)
        let one = try daemon.json("GET", "/v1/cases/003-01")
        #expect(one.status == 200 && one.object["id"] as? String == "003-01")
        let similar = try daemon.json("GET", "/v1/cases/003-01/similar?top=3")
        #expect((similar.object["similar"] as? [[String: Any]])?.count == 3)
        let byText = try daemon.json("POST", "/v1/similar", #"{"text": "健康科普专家库", "top": 2}"#)
        #expect((byText.object["similar"] as? [[String: Any]])?.count == 2)

        // The words users write in the fields, through the socket; an unknown one names the accepted words.
        let words = try daemon.json("POST", "/v1/recommend", #"{"level": "地级市", "terrain": ["山区"], "economy": "脱贫县", "urbanization": "城市", "focus": ["控烟"], "top": 3}"#)
        #expect(words.status == 200, "\(words.object)")
        let unknown = try daemon.json("POST", "/v1/recommend", #"{"level": "metropolis", "text": "健康"}"#)
        #expect((400..<500).contains(unknown.status))
        #expect(errorMessage(unknown.object).contains("prefecture (city, prefecture-level city, 地级市"))

        // The daemon's answer is the command line's, byte for byte.
        let text = "山区贫困县，健康素养低，看病难"
        let served = try daemon.request("POST", "/v1/recommend", body: Data(#"{"text": "\#(text)", "top": 10}"#.utf8))
        let local = try practiced(["recommend", "--text", text, "--format", "json"])
        #expect(served.status == 200)
        #expect(served.body == local.output.trimmingCharacters(in: .newlines))

        // Every query command prints the same through --socket as in process.
        for arguments in [["recommend", "--text", text], ["recommend", "--text", "健康科普", "--province", "河南", "--format", "json"],
                          ["similar", "003-01", "--top", "3"], ["similar", "--text", "健康科普专家库", "--format", "json"],
                          ["cases"], ["cases", "--format", "json"]] {
            let inProcess = try practiced(arguments), throughSocket = try practiced(arguments + ["--socket", daemon.socket])
            #expect(throughSocket.status == 0, "\(throughSocket.errors)")
            #expect(inProcess.output == throughSocket.output, "\(arguments)")
        }
        let unknownThroughSocket = try practiced(["similar", "999-99", "--socket", daemon.socket])
        #expect(unknownThroughSocket.status != 0 && unknownThroughSocket.errors.contains("999-99"))

        let metrics = try daemon.request("GET", "/v1/metrics")
        #expect(metrics.body.contains("practiced_requests_total{route=\"/v1/recommend\",status=\"200\"} 4"))
        #expect(metrics.body.contains("practiced_request_duration_seconds_count") && metrics.body.contains("practiced_model_cases 65"))
        #expect(daemon.logText.contains("route=/v1/recommend") && daemon.logText.contains("request_id="))
        #expect(daemon.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socket))
    }

    @Test func badRequestsGetTheirStatusAndTheDaemonGoesOn() throws {
        let daemon = try ServedDaemon()
        #expect(try daemon.json("POST", "/v1/recommend", #"{"text": "#).status == 400)
        let invalidUTF8 = try daemon.request("POST", "/v1/recommend", body: Data([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]))
        #expect(invalidUTF8.status == 400 && invalidUTF8.body.contains("UTF-8"))
        let unknown = try daemon.json("GET", "/v1/cases/999-99")
        #expect(unknown.status == 404 && errorCode(unknown.object) == "unknown_case")
        #expect(try daemon.json("GET", "/v1/cases/999-99/similar").status == 404)
        let wrongMethod = try daemon.request("DELETE", "/v1/recommend", extra: ["-i"])
        #expect(wrongMethod.status == 405 && wrongMethod.body.lowercased().contains("allow: post"))
        let tooLarge = try daemon.request("POST", "/v1/recommend", body: Data(repeating: 0x61, count: (1 << 20) + 10))
        #expect(tooLarge.status == 413)
        let empty = try daemon.json("POST", "/v1/recommend", #"{"name": "某县"}"#)
        #expect(empty.status == 422 && errorMessage(empty.object).hasPrefix("profile"))
        let wrongType = try daemon.json("POST", "/v1/recommend", #"{"terrain": "mountain"}"#)
        #expect(wrongType.status == 422 && errorMessage(wrongType.object).hasPrefix("terrain"))
        let top = try daemon.json("POST", "/v1/recommend", #"{"text": "山区", "top": 0}"#)
        #expect(top.status == 422 && errorMessage(top.object).hasPrefix("top"))
        let longText = String(repeating: "山", count: 100_001)
        let long = try daemon.json("POST", "/v1/recommend", #"{"text": "\#(longText)"}"#)
        #expect(long.status == 422 && errorMessage(long.object).hasPrefix("text"))
        let contradiction = try daemon.json("POST", "/v1/recommend", #"{"urbanization": "urban", "text": "偏远农村"}"#)
        #expect(contradiction.status == 422 && errorMessage(contradiction.object).hasPrefix("urbanization"))
        let badFilter = try daemon.json("POST", "/v1/recommend", #"{"text": "山区", "filter": {"year": "2022"}}"#)
        #expect(badFilter.status == 422 && errorMessage(badFilter.object).hasPrefix("filter.year"))
        #expect(try daemon.json("POST", "/v1/similar", #"{"top": 3}"#).status == 422)
        // Still serving.
        #expect(try daemon.json("GET", "/v1/health").status == 200)
        #expect(daemon.stop() == 0)
    }

    /// 64 requests at once over their own connections, and a SIGHUP reload in the middle: every
    /// one answered 200.
    @Test func concurrentRequestsAndAReloadUnderLoad() throws {
        let daemon = try ServedDaemon()
        let config = daemon.directory.appendingPathComponent("requests.curl")
        var lines: [String] = []
        for index in 0..<64 {
            // `next` starts a new transfer with no options: each carries its socket and output.
            lines.append("""
                url = "http://practiced/v1/recommend"
                unix-socket = "\(daemon.socket)"
                request = "POST"
                data = "{\\"text\\": \\"山区健康素养\\", \\"top\\": \(index % 10 + 1)}"
                output = "/dev/null"
                write-out = "%{http_code}\\n"
                silent

                """)
        }
        try Data(lines.joined(separator: "next\n").utf8).write(to: config)
        let pid = daemon.process.processIdentifier
        let hangUp = Thread { Thread.sleep(forTimeInterval: 0.05); kill(pid, SIGHUP) }
        hangUp.start()
        let codes = try run("/usr/bin/curl", ["--parallel", "--parallel-max", "64", "-K", config.path])
        let statuses = codes.split(separator: "\n").map(String.init)
        #expect(statuses.count == 64)
        #expect(statuses.allSatisfy { $0 == "200" }, "\(statuses)")
        // The reload finished and was logged; the daemon still answers.
        let deadline = Date().addingTimeInterval(60)
        while !daemon.logText.contains("reload done"), Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        #expect(daemon.logText.contains("reload done"))
        #expect(try daemon.json("GET", "/v1/health").status == 200)
        #expect(daemon.stop() == 0)
    }

    /// A corrupt model file is rebuilt on reload; a corpus that cannot be read fails the reload,
    /// which says why and keeps the old model serving.
    @Test func reloadRebuildsACorruptModelAndKeepsTheOldOneWhenItFails() throws {
        let work = try temporaryDirectory()
        let corpus = work.appendingPathComponent("corpus"), model = work.appendingPathComponent("model")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Models/corpus"), to: corpus)
        let daemon = try ServedDaemon(environment: ["CORPUS_DIRECTORY": corpus.path, "MODEL_DIRECTORY": model.path])
        let modelFiles = try FileManager.default.contentsOfDirectory(atPath: model.path).filter { !$0.hasPrefix("lexicon") }
        #expect(!modelFiles.isEmpty)
        for name in modelFiles { try Data("not a model".utf8).write(to: model.appendingPathComponent(name)) }
        let rebuilt = try daemon.json("POST", "/v1/admin/reload")
        #expect(rebuilt.status == 200 && rebuilt.object["status"] as? String == "reloaded")

        try Data("{\"id\": \"broken\"\n".utf8).write(to: corpus.appendingPathComponent("999.jsonl"))
        let failed = try daemon.json("POST", "/v1/admin/reload")
        #expect(failed.status == 500 && errorCode(failed.object) == "reload_failed")
        #expect(errorMessage(failed.object).contains("999.jsonl"))
        #expect(daemon.logText.contains("reload failed"))
        let health = try daemon.json("GET", "/v1/health")
        #expect((health.object["model"] as? [String: Any])?["cases"] as? Int == 65)
        #expect(daemon.stop() == 0)
        try? FileManager.default.removeItem(at: work)
    }

    @Test func theSocketIsOursToCreateAndToRemove() throws {
        let daemon = try ServedDaemon()
        var info = stat()
        #expect(lstat(daemon.socket, &info) == 0 && (info.st_mode & 0o777) == 0o660)
        // A second daemon on the same, live socket is refused.
        let second = try practiced(["serve", "--socket", daemon.socket])
        #expect(second.status != 0 && second.errors.contains("another live process"))
        #expect(daemon.stop() == 0)
        // A regular file at the path is never replaced.
        let file = daemon.directory.appendingPathComponent("file.sock")
        try Data("keep me".utf8).write(to: file)
        let refused = try practiced(["serve", "--socket", file.path])
        #expect(refused.status != 0 && refused.errors.contains("not a socket"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
    }

    /// A daemon killed outright leaves its socket behind: the next one (here told its socket by
    /// PRACTICED_SOCKET) replaces the stale file and serves.
    @Test func aStaleSocketIsReplaced() throws {
        let first = try ServedDaemon()
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: first.socket))
        let second = try ServedDaemon(socket: first.socket, socketFromEnvironment: true)
        #expect(try second.json("GET", "/v1/health").status == 200)
        #expect(second.stop() == 0)
    }

    /// A collection posted while serving is persisted and searchable in the answer's wake; a
    /// duplicate is refused (409); a case deleted is gone from the corpus and the answers.
    @Test func casesAreAddedAndDeletedWhileServing() throws {
        let work = try temporaryDirectory()
        let corpus = work.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Models/corpus"), to: corpus)
        let daemon = try ServedDaemon(environment: ["CORPUS_DIRECTORY": corpus.path, "MODEL_DIRECTORY": work.appendingPathComponent("model").path])
        let text = try String(contentsOf: URL(fileURLWithPath: seeds[0]), encoding: .utf8)
        let body = try JSONSerialization.data(withJSONObject: ["text": text, "source_id": "k1", "year": 2023])
        let added = try daemon.request("POST", "/v1/cases", body: body)
        #expect(added.status == 201, "\(added.body)")
        #expect(try CorpusFiles.readFile(corpus.appendingPathComponent("k1.jsonl")).count == 20)
        let grown = try daemon.json("GET", "/v1/health").object["model"] as? [String: Any]
        #expect(grown?["cases"] as? Int == 85)
        // 20 new cases of 85 are more than lsa.refit_share (0.2): the model was built anew.
        #expect(grown?["folded_cases"] as? Int == 0)
        // Searchable at once: the new copy of 000-05 is the nearest case to 000-05.
        let similar = try daemon.json("GET", "/v1/cases/000-05/similar?top=1")
        #expect((similar.object["similar"] as? [[String: Any]])?.first?["case_id"] as? String == "k1-05")
        #expect(try daemon.request("POST", "/v1/cases", body: body).status == 409)
        #expect(try daemon.json("POST", "/v1/cases", #"{"text": "不是案例集"}"#).status == 422)

        #expect(try daemon.json("DELETE", "/v1/cases/k1-05").status == 200)
        #expect(try daemon.json("GET", "/v1/cases/k1-05").status == 404)
        #expect(try CorpusFiles.readFile(corpus.appendingPathComponent("k1.jsonl")).count == 19)
        #expect(try daemon.json("DELETE", "/v1/cases/k1-05").status == 404)
        #expect(daemon.stop() == 0)
        try? FileManager.default.removeItem(at: work)
    }

    /// A raw collection over import.max_bytes is refused as too large (413), naming the limit.
    @Test func aCollectionOverTheImportLimitIsRefused() throws {
        let work = try temporaryDirectory()
        let corpus = work.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Models/corpus"), to: corpus)
        let daemon = try ServedDaemon(environment: [
            "CORPUS_DIRECTORY": corpus.path, "MODEL_DIRECTORY": work.appendingPathComponent("model").path, "IMPORT_MAX_BYTES": "1000",
        ])
        let text = try String(contentsOf: URL(fileURLWithPath: seeds[0]), encoding: .utf8)
        let body = try JSONSerialization.data(withJSONObject: ["text": text, "source_id": "k9"])
        let refused = try daemon.request("POST", "/v1/cases", body: body)
        #expect(refused.status == 413, "\(refused.body)")
        #expect(refused.body.contains("over the import limit of 1000 bytes"))
        #expect(!FileManager.default.fileExists(atPath: corpus.appendingPathComponent("k9.jsonl").path))
        #expect(daemon.stop() == 0)
        try? FileManager.default.removeItem(at: work)
    }

    /// One case posted while serving is folded into the model (no SVD): searchable at once,
    /// counted as folded, saved so that a reload finds it; deleting it leaves the built model.
    /// The analysed corpus is updated, not analysed again: a later start reads it as it is.
    @Test func aCaseIsFoldedInWithoutARebuild() throws {
        let work = try temporaryDirectory()
        let corpus = work.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Models/corpus"), to: corpus)
        let daemon = try ServedDaemon(environment: ["CORPUS_DIRECTORY": corpus.path, "MODEL_DIRECTORY": work.appendingPathComponent("model").path])
        // 000-05 again, under a new source: its folded vector must land on the original's.
        var record = try daemon.json("GET", "/v1/cases/000-05").object
        record["id"] = "k3-01"
        var source = try #require(record["source"] as? [String: Any])
        source["id"] = "k3"
        record["source"] = source
        record["practices"] = try #require(record["practices"] as? [[String: Any]]).enumerated().map { index, practice in
            practice.merging(["id": "k3-01-p\(index + 1)"]) { $1 }
        }
        let body = try JSONSerialization.data(withJSONObject: ["cases": [record]])
        let added = try daemon.request("POST", "/v1/cases", body: body)
        #expect(added.status == 201, "\(added.body)")
        func model() throws -> [String: Any]? { try daemon.json("GET", "/v1/health").object["model"] as? [String: Any] }
        #expect(try model()?["cases"] as? Int == 66)
        #expect(try model()?["folded_cases"] as? Int == 1)
        #expect(!daemon.logText.contains("analysing the corpus again"), "\(daemon.logText)")
        let similar = try daemon.json("GET", "/v1/cases/000-05/similar?top=1")
        let nearest = (similar.object["similar"] as? [[String: Any]])?.first
        #expect(nearest?["case_id"] as? String == "k3-01")
        #expect(((nearest?["components"] as? [String: Any])?["semantic"] as? Double ?? 0) > 0.999)
        let recommended = try daemon.json("POST", "/v1/recommend", #"{"text": "山区贫困县，健康素养低，看病难"}"#)
        #expect(recommended.status == 200)
        // Saved: a reload reads the grown model (same inputs, no rebuild).
        #expect(try daemon.json("POST", "/v1/admin/reload").status == 200)
        #expect(try model()?["folded_cases"] as? Int == 1)
        #expect(try daemon.json("DELETE", "/v1/cases/k3-01").status == 200)
        #expect(try model()?["folded_cases"] as? Int == 0)
        #expect(try model()?["cases"] as? Int == 65)
        #expect(!daemon.logText.contains("analysing the corpus again"), "\(daemon.logText)")
        #expect(daemon.stop() == 0)
        let later = try practiced(["recommend", "--text", "山区贫困县，健康素养低，看病难"],
                                  environment: ["CORPUS_DIRECTORY": corpus.path, "MODEL_DIRECTORY": work.appendingPathComponent("model").path])
        #expect(later.status == 0 && !later.errors.contains("analysing") && !later.errors.contains("building"), "\(later.errors)")
        try? FileManager.default.removeItem(at: work)
    }

    /// `POST /v1/reports` answers the pages `practiced report` writes (same templates, same
    /// bytes but for where each profile came from), lists a bad profile among good ones in
    /// `errors`, and refuses a request where none can be reported, an unknown format and too
    /// many profiles.
    @Test func reportsAreTheCommandLinesPages() throws {
        let daemon = try ServedDaemon()
        let fixtures = projectRoot.appendingPathComponent("Tests/CLITests/Fixtures/reports")
        let lines = try String(contentsOf: fixtures.appendingPathComponent("profiles.jsonl"), encoding: .utf8).split(separator: "\n")
        var profiles = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
        profiles.append(["id": "bad", "terrain": ["volcano"]])
        let body = try JSONSerialization.data(withJSONObject: ["profiles": profiles, "format": "html"])
        let answer = try daemon.request("POST", "/v1/reports", body: body)
        #expect(answer.status == 200, "\(answer.body)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports.map { $0["file"] as? String } == ["G1.html", "G2.html", "G3.html"])
        for (index, report) in reports.enumerated() {
            let file = try String(contentsOf: fixtures.appendingPathComponent("golden/G\(index + 1).html"), encoding: .utf8)
            #expect(report["content"] as? String == file.replacingOccurrences(of: "profiles.jsonl:\(index + 1)", with: "profiles[\(index)]"))
        }
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count == 1 && errors.first?["profile"] as? String == "profiles[3]")
        #expect((errors.first?["message"] as? String)?.hasPrefix("terrain[0]: 'volcano'") == true)
        #expect((object["summary"] as? [Any])?.count == 30)
        #expect((object["overview"] as? String)?.contains("profiles[3]") == true)

        let data = try daemon.json("POST", "/v1/reports", #"{"profiles": [{"text": "山区贫困县"}]}"#)
        #expect(data.status == 200 && ((data.object["reports"] as? [[String: Any]])?.first?["report"] as? [String: Any])?["groups"] != nil)
        let none = try daemon.json("POST", "/v1/reports", #"{"profiles": [{"terrain": ["volcano"]}]}"#)
        #expect(none.status == 422 && "\(none.object)".contains("profiles[0].terrain[0]"))
        #expect(try daemon.json("POST", "/v1/reports", #"{"profiles": [{"text": "x"}], "format": "pdf"}"#).status == 422)
        #expect(try daemon.json("POST", "/v1/reports", #"{"profiles": []}"#).status == 422)
        let many = try JSONSerialization.data(withJSONObject: ["profiles": Array(repeating: ["text": "山区"], count: 201)])
        #expect(try daemon.request("POST", "/v1/reports", body: many).status == 422)
        #expect(try daemon.json("GET", "/v1/health").status == 200)
        #expect(daemon.stop() == 0)
    }

    /// Killed at any moment of a corpus write, the daemon leaves the corpus as it was or with the
    /// whole new collection, never a broken file.
    @Test func aKillDuringACorpusWriteLeavesTheOldOrTheNewCorpus() throws {
        let work = try temporaryDirectory()
        let corpus = work.appendingPathComponent("corpus"), model = work.appendingPathComponent("model")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Models/corpus"), to: corpus)
        let text = try String(contentsOf: URL(fileURLWithPath: seeds[1]), encoding: .utf8)
        let body = try JSONSerialization.data(withJSONObject: ["text": text, "source_id": "k2"])
        for delay in [0.0, 0.02, 0.05, 0.1, 0.2, 0.4] {
            try? FileManager.default.removeItem(at: corpus.appendingPathComponent("k2.jsonl"))
            let daemon = try ServedDaemon(environment: ["CORPUS_DIRECTORY": corpus.path, "MODEL_DIRECTORY": model.path])
            let pid = daemon.process.processIdentifier
            let killer = Thread { Thread.sleep(forTimeInterval: delay); kill(pid, SIGKILL) }
            killer.start()
            _ = try? daemon.request("POST", "/v1/cases", body: body)
            daemon.process.waitUntilExit()
            // Every file reads whole; the new source is absent or complete (18 cases).
            let cases = try CorpusFiles.readDirectory(corpus)
            let added = cases.filter { $0.source.id == "k2" }.count
            #expect(added == 0 || added == 18, "after a kill at \(delay) s: \(added) cases of k2")
            #expect(cases.count - added == 65)
        }
        try? FileManager.default.removeItem(at: work)
    }

    /// docs/openapi.json says what the daemon does: each operation, called with its example,
    /// answers a documented status with the documented fields; other methods answer 405.
    @Test func openAPIDocumentMatchesTheDaemon() throws {
        let document = try #require(JSONSerialization.jsonObject(
            with: Data(contentsOf: projectRoot.appendingPathComponent("docs/openapi.json"))) as? [String: Any])
        let schemas = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
        func resolve(_ schema: Any?) -> [String: Any] {
            guard let schema = schema as? [String: Any] else { return [:] }
            if let reference = schema["$ref"] as? String { return schemas[String(reference.split(separator: "/").last!)] as? [String: Any] ?? [:] }
            return schema
        }
        let daemon = try ServedDaemon()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        #expect(Set(paths.keys) == Set(["/", "/v1/health", "/v1/metrics", "/v1/cases", "/v1/cases/{id}", "/v1/cases/{id}/similar", "/v1/similar", "/v1/recommend", "/v1/reports", "/v1/admin/reload"]))
        for (template, item) in paths.sorted(by: { $0.key < $1.key }) {
            let methods = ["get", "post", "delete", "put", "patch"]
            for method in methods {
                guard let operation = item[method] as? [String: Any] else {
                    // Not documented: the daemon refuses it.
                    let concrete = template.replacingOccurrences(of: "{id}", with: "003-01")
                    #expect(try daemon.request(method.uppercased(), concrete).status == 405, "\(method) \(template)")
                    continue
                }
                let parameters = ((operation["parameters"] as? [[String: Any]]) ?? []) + ((item["parameters"] as? [[String: Any]]) ?? [])
                var path = template
                for parameter in parameters where parameter["in"] as? String == "path" {
                    let name = parameter["name"] as! String
                    if path.contains("{\(name)}") { path = path.replacingOccurrences(of: "{\(name)}", with: parameter["example"] as! String) }
                }
                let example = (((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["example"]
                let body = try example.map { try JSONSerialization.data(withJSONObject: $0) }
                let answer = try daemon.request(method.uppercased(), path, body: body)
                let responses = operation["responses"] as? [String: Any] ?? [:]
                #expect(responses[String(answer.status)] != nil, "\(method) \(path) answered \(answer.status), not documented")
                guard (200..<300).contains(answer.status),
                      let content = (responses[String(answer.status)] as? [String: Any])?["content"] as? [String: Any],
                      let json = content["application/json"] as? [String: Any] else { continue }
                let schema = resolve(json["schema"])
                let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any] ?? [:]
                for field in schema["required"] as? [String] ?? [] { #expect(object[field] != nil, "\(method) \(path): no \(field)") }
                // The items of the answer's list carry their documented fields too.
                for (name, property) in schema["properties"] as? [String: Any] ?? [:] {
                    let items = resolve((property as? [String: Any])?["items"])
                    guard let first = (object[name] as? [[String: Any]])?.first else { continue }
                    for field in items["required"] as? [String] ?? [] { #expect(first[field] != nil, "\(method) \(path): \(name)[0] has no \(field)") }
                }
            }
        }
        #expect(daemon.stop() == 0)
    }

    /// A client that connects and stalls (half a request, then nothing) is cut off after the
    /// idle timeout (here 1 s: DAEMON_IDLE_TIMEOUT_SECONDS overrides the configuration).
    @Test func idleAndSlowClientsAreTimedOut() throws {
        let daemon = try ServedDaemon(environment: ["DAEMON_IDLE_TIMEOUT_SECONDS": "1"])
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in daemon.socket.utf8.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(connected == 0)
        let partial = Array("POST /v1/recommend HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"te".utf8)
        #expect(write(descriptor, partial, partial.count) == partial.count)
        // The daemon closes the connection: read returns 0 (end of stream) within a few seconds.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var received = read(descriptor, &buffer, buffer.count)
        while received > 0 { received = read(descriptor, &buffer, buffer.count) }
        #expect(received == 0, "the connection was not closed")
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= 0.5 && waited < 8, "closed after \(waited) s, not by the 1 s timeout")
        // Others are served meanwhile and after.
        #expect(try daemon.json("GET", "/v1/health").status == 200)
        #expect(daemon.stop() == 0)
    }
}
