import Corpus
import Foundation
import Testing

/// The attacks of the adversarial test (issue 19), each kept as a test: the daemon on a temporary
/// copy of the corpus, every loop bounded.
@Suite(.serialized) struct DaemonAttackTests {
    /// A daemon serving a copy of the shipped corpus in a folder of its own.
    final class Sandbox {
        let work: URL
        let corpus: URL
        let daemon: ServedDaemon

        init(environment: [String: String] = [:]) throws {
            work = try temporaryDirectory()
            corpus = work.appendingPathComponent("data/corpus")
            try FileManager.default.createDirectory(at: corpus.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Models/corpus"), to: corpus)
            daemon = try ServedDaemon(environment: environment.merging([
                "CORPUS_DIRECTORY": corpus.path, "MODEL_DIRECTORY": work.appendingPathComponent("data/model").path,
            ]) { $1 })
        }

        /// Every file under the sandbox (but the model's and the daemon's own), relative.
        func files() -> Set<String> {
            let root = work.path + "/"
            let walker = FileManager.default.enumerator(atPath: work.path)
            var found = Set<String>()
            while let path = walker?.nextObject() as? String {
                if path.hasPrefix("data/model") || path.hasPrefix(String(daemon.directory.path.dropFirst(root.count))) { continue }
                found.insert(path)
            }
            return found
        }

        /// Case 000-05 as a case object with new ids (`id`, source `source`).
        func caseObject(id: String, source: String) throws -> [String: Any] {
            var record = try daemon.json("GET", "/v1/cases/000-05").object
            record["id"] = id
            var sourceInfo = try #require(record["source"] as? [String: Any])
            sourceInfo["id"] = source
            record["source"] = sourceInfo
            record["practices"] = try #require(record["practices"] as? [[String: Any]]).enumerated().map { index, practice in
                practice.merging(["id": "\(id)-p\(index + 1)"]) { $1 }
            }
            return record
        }

        deinit {
            _ = daemon.stop()
            try? FileManager.default.removeItem(at: work)
        }
    }

    /// Item 1: no id that names a file elsewhere gets in, by case objects or by raw text.
    @Test func idsThatNameAnotherFileAreRefused() throws {
        let sandbox = try Sandbox()
        let before = sandbox.files()
        let attacks: [(source: String, id: String)] = [
            ("../../evil", "../../evil-1"), ("../../../../../../x", "../../../../../../x-1"), ("", "-1"), ("/abs", "/abs-1"),
            ("a/b", "a/b-1"), ("..", "..-1"), (".hidden", ".hidden-1"), ("名称", "名称-1"), (String(repeating: "a", count: 65), String(repeating: "a", count: 65) + "-1"),
        ]
        for attack in attacks {
            let record = try sandbox.caseObject(id: attack.id, source: attack.source)
            let body = try JSONSerialization.data(withJSONObject: ["cases": [record]])
            let answer = try sandbox.daemon.request("POST", "/v1/cases", body: body)
            #expect(answer.status == 422, "source id '\(attack.source)': \(answer.status) \(answer.body)")
            #expect(answer.body.contains("cases[0].source.id"), "\(answer.body)")
        }
        // A good source id with a case id or practice id of another source.
        var stray = try sandbox.caseObject(id: "k9-01", source: "k9")
        stray["id"] = "../k9-01"
        #expect(try sandbox.daemon.request("POST", "/v1/cases", body: JSONSerialization.data(withJSONObject: ["cases": [stray]])).status == 422)
        var strayPractice = try sandbox.caseObject(id: "k9-01", source: "k9")
        strayPractice["practices"] = [["id": "../x", "heading": "h", "text": "t"]]
        let practiceAnswer = try sandbox.daemon.request("POST", "/v1/cases", body: JSONSerialization.data(withJSONObject: ["cases": [strayPractice]]))
        #expect(practiceAnswer.status == 422 && practiceAnswer.body.contains("practices[0].id"))
        // The raw-text way, with the same rule.
        let text = try String(contentsOf: URL(fileURLWithPath: seeds[0]), encoding: .utf8)
        for source in ["../../evil", "", "/abs", "空格 文件"] {
            let body = try JSONSerialization.data(withJSONObject: ["text": text, "source_id": source])
            #expect(try sandbox.daemon.request("POST", "/v1/cases", body: body).status == 422, "raw text, source '\(source)'")
        }
        #expect(sandbox.files() == before, "files appeared: \(sandbox.files().subtracting(before))")
        #expect(try CorpusFiles.readDirectory(sandbox.corpus).count == 65)
        #expect(try sandbox.daemon.json("GET", "/v1/health").status == 200)
    }

    /// Items 2 and 3: two edits at once each read, check and write the corpus in turn: both
    /// posts to one source survive; with an id in common, one is refused with 409, never 500.
    @Test func concurrentEditsLoseNothing() throws {
        let sandbox = try Sandbox()
        /// The batches posted at once, each over its own connection: their statuses in order.
        func postTogether(_ batches: [[[String: Any]]]) throws -> [String] {
            let config = sandbox.work.appendingPathComponent("race.curl")
            var entries: [String] = []
            for (index, cases) in batches.enumerated() {
                let file = sandbox.work.appendingPathComponent("race-\(index).json")
                try JSONSerialization.data(withJSONObject: ["cases": cases]).write(to: file)
                entries.append("""
                    url = "http://practiced/v1/cases"
                    unix-socket = "\(sandbox.daemon.socket)"
                    request = "POST"
                    header = "Content-Type: application/json"
                    data-binary = "@\(file.path)"
                    output = "/dev/null"
                    write-out = "%{http_code}\\n"
                    silent

                    """)
            }
            try Data(entries.joined(separator: "next\n").utf8).write(to: config)
            return try run("/usr/bin/curl", ["--parallel", "--parallel-immediate", "-K", config.path]).split(separator: "\n").map(String.init)
        }
        func cases(_ source: String, _ numbers: [Int]) throws -> [[String: Any]] {
            try numbers.map { try sandbox.caseObject(id: String(format: "%@-%02d", source, $0), source: source) }
        }
        // Three posts at once to one source: every case survives. (The code before the fix lost
        // cases in 4 rounds of 4, and answered 500 to an overlap in 3 of 3.)
        for round in 1...3 {
            let source = "race\(round)"
            let statuses = try postTogether([try cases(source, [1, 2]), try cases(source, [3]), try cases(source, [4, 5])])
            #expect(statuses == ["201", "201", "201"], "round \(round): \(statuses)")
            let saved = try CorpusFiles.readFile(sandbox.corpus.appendingPathComponent("\(source).jsonl")).map(\.id).sorted()
            #expect(saved == (1...5).map { String(format: "%@-%02d", source, $0) }, "round \(round): the file holds \(saved)")
        }
        // Two posts at once with an id in common: one is refused (409), the other's cases stay.
        for round in 1...2 {
            let source = "overlap\(round)"
            let statuses = try postTogether([try cases(source, [1, 2]), try cases(source, [2, 3])])
            #expect(statuses.sorted() == ["201", "409"], "round \(round): \(statuses)")
            let saved = try CorpusFiles.readFile(sandbox.corpus.appendingPathComponent("\(source).jsonl")).map(\.id).sorted()
            #expect(saved == ["\(source)-01", "\(source)-02"] || saved == ["\(source)-02", "\(source)-03"], "round \(round): \(saved)")
        }
        let health = try sandbox.daemon.json("GET", "/v1/health").object["model"] as? [String: Any]
        #expect(health?["cases"] as? Int == 65 + 15 + 4)
    }

    /// Item 4: SIGTERM while a long answer is being written: the client gets every byte.
    @Test func aDrainWritesTheWholeAnswer() throws {
        let sandbox = try Sandbox()
        let lines = try String(contentsOf: projectRoot.appendingPathComponent("eval/dev-profiles.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
        let profiles = (0..<60).map { lines[$0 % lines.count] }
        let bodyFile = sandbox.work.appendingPathComponent("reports.json")
        try JSONSerialization.data(withJSONObject: ["profiles": profiles, "format": "html"]).write(to: bodyFile)
        let headers = sandbox.work.appendingPathComponent("headers"), answer = sandbox.work.appendingPathComponent("answer")
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        // A client reading at 1 MB/s: the answer (megabytes) is still being written at the signal.
        curl.arguments = ["-s", "--max-time", "120", "--limit-rate", "1M", "--unix-socket", sandbox.daemon.socket, "-X", "POST",
                          "-H", "Content-Type: application/json", "--data-binary", "@\(bodyFile.path)",
                          "-D", headers.path, "-o", answer.path, "http://practiced/v1/reports"]
        curl.standardOutput = FileHandle.nullDevice
        try curl.run()
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline, ((try? FileManager.default.attributesOfItem(atPath: answer.path)[.size] as? Int) ?? 0) < 100_000 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(sandbox.daemon.stop() == 0)
        curl.waitUntilExit()
        let head = try String(contentsOf: headers, encoding: .utf8)
        #expect(head.hasPrefix("HTTP/1.1 200"), "\(head)")
        let declared = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        let received = try Data(contentsOf: answer).count
        #expect(declared != nil && received == declared, "received \(received) of \(declared ?? -1) bytes")
        #expect(received > 1_000_000, "the answer (\(received) bytes) is too short to test a drain")
        #expect(curl.terminationStatus == 0)
    }

    /// Item 5: a storm of SIGHUPs costs at most two reloads, and threads and memory stay bounded.
    @Test func aStormOfHangUpsCoalesces() throws {
        let sandbox = try Sandbox()
        let pid = sandbox.daemon.process.processIdentifier
        func status(_ field: String) -> Int {
            let text = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0
        }
        _ = try sandbox.daemon.json("POST", "/v1/recommend", #"{"text": "山区"}"#)
        let threadsBefore = status("Threads"), memoryBefore = status("VmRSS")
        var threadsMost = threadsBefore
        for _ in 0..<100 {
            kill(pid, SIGHUP)
            usleep(10_000)
            threadsMost = max(threadsMost, status("Threads"))
        }
        func reloads() -> (started: Int, ended: Int) {
            let log = sandbox.daemon.logText
            return (log.components(separatedBy: "reload started").count - 1,
                    log.components(separatedBy: "reload done").count + log.components(separatedBy: "reload failed").count - 2)
        }
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, reloads().started == 0 || reloads().started != reloads().ended {
            threadsMost = max(threadsMost, status("Threads"))
            Thread.sleep(forTimeInterval: 0.2)
        }
        let (started, ended) = reloads()
        #expect(started >= 1 && started <= 3, "\(started) reloads for 100 SIGHUPs")
        #expect(ended == started)
        #expect(threadsMost <= threadsBefore + 4, "threads \(threadsBefore) → \(threadsMost)")
        let memoryAfter = status("VmRSS")
        #expect(memoryAfter < memoryBefore + 150_000, "VmRSS \(memoryBefore) kB → \(memoryAfter) kB")
        #expect(try sandbox.daemon.json("GET", "/v1/health").status == 200)
    }

    /// Item 7: broken framing is the client's error (400, 411, 413 or 501), never 500, and the
    /// daemon goes on serving.
    @Test func brokenFramingIsTheClientsError() throws {
        let sandbox = try Sandbox()
        let head = "POST /v1/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        let chunked = head + "Transfer-Encoding: chunked\r\n\r\n"
        let attacks: [(name: String, bytes: String, finish: Bool)] = [
            ("Content-Length beyond the body", head + "Content-Length: 100\r\n\r\n{\"text\": \"山区\"}", true),
            ("Content-Length of 2 GB", head + "Content-Length: 2147483648\r\n\r\n{\"text\"", false),
            ("chunk size zz", chunked + "zz\r\n{\"text\": \"山区\"}\r\n0\r\n\r\n", false),
            ("chunk size -1", chunked + "-1\r\n{\"text\": \"山区\"}\r\n0\r\n\r\n", false),
            ("chunk size of 21 hex digits", chunked + "100000000000000000000\r\n{\"text\"\r\n0\r\n\r\n", false),
            ("a truncated final chunk", chunked + "10\r\n{\"text\": \"", true),
            ("no final chunk", chunked + "12\r\n{\"text\": \"山区\"}\r\n", true),
            ("Transfer-Encoding gzip", head + "Transfer-Encoding: gzip\r\n\r\n{\"text\": \"山区\"}", true),
        ]
        for attack in attacks {
            let connection = try RawConnection(socket: sandbox.daemon.socket)
            connection.send(attack.bytes)
            if attack.finish { connection.finishSending() }
            let answer = connection.receiveAll(seconds: 10)
            let status = RawConnection.status(of: answer.bytes)
            #expect(status.map { [400, 411, 413, 501].contains($0) } == true, "\(attack.name): \(String(decoding: answer.bytes.prefix(200), as: UTF8.self))")
        }
        #expect(!sandbox.daemon.logText.contains("status=500"))
        #expect(try sandbox.daemon.json("GET", "/v1/health").status == 200)
    }

    /// Item 8: numbers that are valid JSON but no valid value: 422 naming the field.
    @Test func bigNumbersAreBadValuesNotBadJSON() throws {
        let sandbox = try Sandbox()
        let cases: [(path: String, body: String, field: String)] = [
            ("/v1/recommend", #"{"text": "山区", "top": 1.5}"#, "top"),
            ("/v1/recommend", #"{"text": "山区", "top": 1e400}"#, "top"),
            ("/v1/recommend", #"{"text": "山区", "top": 99999999999999999999999999}"#, "top"),
            ("/v1/recommend", #"{"text": "山区", "filter": {"year": 1e20}}"#, "filter.year"),
            ("/v1/recommend", #"{"text": "山区", "population": 1e300}"#, "population"),
            ("/v1/recommend", #"{"text": "山区", "aging_share": 1e400}"#, "aging_share"),
            ("/v1/recommend", #"{"text": "山区", "aging_share": -1e-400}"#, "aging_share"),
            ("/v1/similar", #"{"text": "健康科普", "top": 1e400}"#, "top"),
            ("/v1/similar", #"{"text": "健康科普", "top": 2.5}"#, "top"),
            ("/v1/reports", #"{"profiles": [{"text": "山区", "population": 1e400}]}"#, "profiles[0].population"),
        ]
        for (path, body, field) in cases {
            let answer = try sandbox.daemon.json("POST", path, body)
            #expect(answer.status == 422, "\(body): \(answer.status) \(answer.object)")
            #expect(errorMessage(answer.object).hasPrefix(field), "\(body): \(errorMessage(answer.object))")
        }
        // Broken JSON is still 400, and says where.
        let broken = try sandbox.daemon.json("POST", "/v1/recommend", "{\"text\": \"山区\",\n \"top\": 1.}")
        #expect(broken.status == 400 && errorMessage(broken.object).contains("line 2"), "\(broken.object)")
    }

    /// Item 9: a body sent a byte at a time is cut off by the idle rule (here 2 s), with 408.
    @Test func aSlowBodyLosesItsConnection() throws {
        let sandbox = try Sandbox(environment: ["DAEMON_IDLE_TIMEOUT_SECONDS": "2"])
        let connection = try RawConnection(socket: sandbox.daemon.socket)
        connection.send("POST /v1/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n")
        let started = Date()
        var answer: [UInt8] = []
        var closed = false
        while !closed, Date().timeIntervalSince(started) < 20 {
            connection.send("{")
            let received = connection.receiveAll(seconds: 0.5)
            answer += received.bytes
            closed = received.closed
        }
        let waited = Date().timeIntervalSince(started)
        #expect(closed, "still open after \(waited) s")
        #expect(waited < 8, "closed after \(waited) s, not by the 2 s rule")
        #expect(RawConnection.status(of: answer) == 408, "\(String(decoding: answer, as: UTF8.self))")
        #expect(try sandbox.daemon.json("GET", "/v1/health").status == 200)
    }

    /// Item 10, the daemon's part: a filter that is not an object, a profile with nothing to rank
    /// by, a socket folder that other users could write.
    @Test func smallerHoles() throws {
        let sandbox = try Sandbox()
        for filter in ["null", #""山西""#, "[1]"] {
            let answer = try sandbox.daemon.json("POST", "/v1/recommend", #"{"text": "山区", "filter": \#(filter)}"#)
            #expect(answer.status == 422 && errorMessage(answer.object).hasPrefix("filter: expected an object"), "\(filter): \(answer.object)")
        }
        // null is no integer (found by schemathesis); an empty query parameter is no filter.
        for body in [#"{"text": "山区", "top": null}"#, #"{"text": "山区", "filter": {"year": null}}"#] {
            let answer = try sandbox.daemon.json("POST", "/v1/recommend", body)
            #expect(answer.status == 422 && errorMessage(answer.object).contains("found null"), "\(body): \(answer.object)")
        }
        #expect(try sandbox.daemon.json("GET", "/v1/cases/003-01/similar?province=&level=&category=&year=").status == 200)
        for text in ["，。！？……——", "!!! ??? ...", "hello world of public health"] {
            let answer = try sandbox.daemon.json("POST", "/v1/recommend", #"{"text": "\#(text)"}"#)
            #expect(answer.status == 422 && errorMessage(answer.object).hasPrefix("profile: empty"), "\(text): \(answer.object)")
        }
        // A folder every user may write, without the sticky bit: refused.
        let open = sandbox.work.appendingPathComponent("open")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: true)
        chmod(open.path, 0o777)
        let refused = try practiced(["serve", "--socket", open.appendingPathComponent("p.sock").path])
        #expect(refused.status != 0 && refused.errors.contains("writable by every user"), "\(refused.errors)")
        // A sticky one (as /tmp) is fine: only the owner may remove or replace a file there.
        chmod(open.path, 0o1777)
        let sticky = try ServedDaemon(socket: open.appendingPathComponent("p.sock").path)
        #expect(try sticky.json("GET", "/v1/health").status == 200)
        #expect(sticky.stop() == 0)
    }
}
