import Foundation
import Testing

/// The product as `make install` lays it out, met as a user meets it: `make test` installs into
/// a temporary DESTDIR (PRACTICED_INSTALLED) and these run the installed binary from `/`, under
/// systemd's socket activation, and read its help, man page and completions.
@Suite(.serialized, .enabled(if: InstalledTree.root != nil, "make test installs into PRACTICED_INSTALLED first"))
struct InstalledTests {
    let tree = InstalledTree(root: InstalledTree.root ?? URL(fileURLWithPath: "/nonexistent"))

    @Test func theInstalledBinaryAnswersFromTheRootFolderWithTheSystemConfiguration() throws {
        let result = try runProgram(tree.binary, ["recommend", "--config", tree.configuration.path, "--format", "json",
                                                  "--text", "山区贫困县，健康素养低，看病难"],
                                    environment: tree.stateEnvironment, directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(result.errors)")
        let answer = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect((answer?["practices"] as? [Any])?.count == 10)
        // The configuration names no shipped data: the binary found it in <prefix>/share/practiced.
        let configuration = try String(contentsOf: tree.configuration, encoding: .utf8)
        #expect(!configuration.contains("taxonomy:") && !configuration.contains("divisions:"))
    }

    @Test func theDaemonServesTheSocketSystemdPassesIt() throws {
        let daemon = try socketActivatedDaemon()
        let page = try daemon.request("GET", "/", extra: ["-i"])
        #expect(page.status == 200)
        #expect(page.body.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(page.body.contains("<form"), "GET / is the browser page")
        // With the words of config/labels.json and the taxonomy filled in, not a copy of them.
        #expect(page.body.contains(#""mountain":"山区""#) && page.body.contains(#""health_literacy":"健康知识普及""#))
        let answer = try daemon.json("POST", "/v1/recommend", #"{"terrain": ["mountain"], "text": "健康素养低", "top": 3}"#)
        #expect(answer.status == 200 && (answer.object["practices"] as? [Any])?.count == 3)
        #expect(try stop(daemon) == 0, "SIGTERM drains and exits 0: \(daemon.logText)")
        #expect(daemon.logText.contains("inherited from systemd"), "\(daemon.logText)")
        // The socket is systemd's: the daemon leaves it in place.
        #expect(FileManager.default.fileExists(atPath: daemon.socket))
    }

    /// The page as an official meets it: the shipped nginx configuration in front of the daemon
    /// (socket-activated), Chromium driven through its DevTools protocol
    /// (Tests/Browser/drive_page.py): a profile filled and sent shows ten practices with their
    /// sources, similar cases and the report; an empty form, an unknown word and an oversized
    /// plan show the daemon's message; no console error in any.
    @Test func thePageThroughNginxInChromium() throws {
        let daemon = try socketActivatedDaemon()
        let nginx = try NginxInFront(socket: daemon.socket, directory: daemon.directory)
        defer { nginx.stop() }
        let python = projectRoot.appendingPathComponent(".venv-test/bin/python")
        let driver = projectRoot.appendingPathComponent("Tests/Browser/drive_page.py")
        for scenario in ["good", "empty", "unknown-word", "oversized"] {
            let shot = daemon.directory.appendingPathComponent("page-\(scenario).png")
            let run = try runProgram(python, [driver.path, "--url", nginx.url, "--scenario", scenario, "--screenshot", shot.path])
            #expect(run.status == 0, "\(scenario): \(run.output) \(run.errors)")
            let summary = try? JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
            if scenario == "good" {
                #expect(summary?["practices"] as? Int == 10, "\(run.output)")
            } else {
                #expect((summary?["error"] as? String)?.isEmpty == false, "\(scenario) shows no error: \(run.output)")
            }
        }
        #expect(try stop(daemon) == 0)
    }

    /// The installed daemon started by systemd-socket-activate (Debian's systemd), which makes
    /// the socket and passes it as LISTEN_FDS; the daemon starts on the first connection. Under
    /// a Python parent that writes its pid (for `stop`) and clears the signal mask Foundation
    /// leaves its children (SIGTERM and SIGCHLD blocked): Foundation's `Process` watches a child
    /// through a descriptor the child inherits, and systemd-socket-activate closes every
    /// descriptor but the socket before its exec, which Foundation takes for an exit and then
    /// waits on in a blocking waitpid, stalling every other `Process` of the test run.
    func socketActivatedDaemon() throws -> ServedDaemon {
        try ServedDaemon(command: { socket in
            let activate = ["/usr/bin/systemd-socket-activate", "-l", socket] + tree.stateEnvironment.map { "--setenv=\($0.key)=\($0.value)" }
                + [tree.binary.path, "serve", "--config", tree.configuration.path]
            let pidFile = URL(fileURLWithPath: socket).deletingLastPathComponent().appendingPathComponent("daemon.pid").path
            let parent = """
                import signal, subprocess, sys
                signal.pthread_sigmask(signal.SIG_SETMASK, [])
                child = subprocess.Popen(sys.argv[2:])
                open(sys.argv[1], "w").write(str(child.pid))
                sys.exit(child.wait())
                """
            return (URL(fileURLWithPath: "/usr/bin/python3"), ["-c", parent, pidFile] + activate)
        }, directory: URL(fileURLWithPath: "/"))
    }

    /// SIGTERM to the daemon itself, then its exit status, which its parent passes on.
    func stop(_ daemon: ServedDaemon) throws -> Int32 {
        let pid = try String(contentsOf: daemon.directory.appendingPathComponent("daemon.pid"), encoding: .utf8)
        kill(pid_t(pid.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, SIGTERM)
        daemon.process.waitUntilExit()
        return daemon.process.terminationStatus
    }

    @Test func helpManPageAndCompletionsListEveryCommandAndOption() throws {
        let dump = try runProgram(tree.binary, ["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        let manualFile = tree.prefix.appendingPathComponent("share/man/man1/practiced.1")
        let manual = Self.decodedManual(try String(contentsOf: manualFile, encoding: .utf8))
        // As man shows it: the Chinese of the help is there (the escapes render).
        let rendered = try runProgram(URL(fileURLWithPath: "/usr/bin/man"), ["-l", manualFile.path], environment: ["LANG": "C.UTF-8", "MANWIDTH": "200"])
        #expect(rendered.output.contains("典型经验案例") && rendered.output.contains("山区贫困县"), "man -l: \(rendered.errors)")
        let completions = try ["bash-completion/completions/practiced", "zsh/site-functions/_practiced", "fish/vendor_completions.d/practiced.fish"]
            .map { (name: $0, text: try String(contentsOf: tree.prefix.appendingPathComponent("share/\($0)"), encoding: .utf8)) }
        let topHelp = try runProgram(tree.binary, ["--help"]).output
        func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for sub in command["subcommands"] as? [[String: Any]] ?? [] {
            let name = sub["commandName"] as? String ?? ""
            guard name != "help" else { continue }
            #expect(topHelp.contains(name), "practiced --help lacks \(name)")
            #expect(manual.contains(name), "the man page lacks \(name)")
            for completion in completions { #expect(completion.text.contains(name), "\(completion.name) lacks \(name)") }
            let help = flat(try runProgram(tree.binary, [name, "--help"]).output)
            for argument in sub["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
                let abstract = flat(argument["abstract"] as? String ?? "")
                // Its help text: the first words are enough to tell it is there (lines wrap).
                let lead = String(abstract.prefix(24))
                #expect(help.contains(lead), "practiced \(name) --help lacks the help of \(argument["names"] ?? argument["valueName"] ?? "?")")
                #expect(flat(manual).contains(lead), "the man page lacks the help '\(lead)' of \(name)")
                for long in (argument["names"] as? [[String: String]] ?? []).filter({ $0["kind"] == "long" }).compactMap({ $0["name"] }) {
                    #expect(help.contains("--\(long)"), "practiced \(name) --help lacks --\(long)")
                    #expect(manual.contains(long), "the man page lacks --\(long) of \(name)")
                    for completion in completions { #expect(completion.text.contains(long), "\(completion.name) lacks --\(long) of \(name)") }
                }
            }
        }
    }

    /// The man page's text with its escapes read back: \[uXXXX] a character, \e a backslash, \& nothing.
    static func decodedManual(_ source: String) -> String {
        var text = source.replacingOccurrences(of: "\\&", with: "").replacingOccurrences(of: "\\e", with: "\\")
        while let escape = text.range(of: #"\\\[u[0-9A-F]{4,5}\]"#, options: .regularExpression) {
            let hex = text[escape].dropFirst(3).dropLast()
            text.replaceSubrange(escape, with: String(Character(Unicode.Scalar(UInt32(hex, radix: 16)!)!)))
        }
        return text
    }
}

/// The tree `make install DESTDIR=… PREFIX=/usr` wrote.
struct InstalledTree {
    static let root = ProcessInfo.processInfo.environment["PRACTICED_INSTALLED"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
    let root: URL
    var prefix: URL { root.appendingPathComponent("usr") }
    var binary: URL { prefix.appendingPathComponent("bin/practiced") }
    var configuration: URL { root.appendingPathComponent("etc/practiced/practiced.yaml") }
    /// The installed configuration names /var/lib/practiced: inside DESTDIR, its copy.
    var stateEnvironment: [String: String] {
        let state = root.appendingPathComponent("var/lib/practiced").path
        return ["CORPUS_DIRECTORY": "\(state)/corpus", "MODEL_DIRECTORY": "\(state)/model",
                "ANALYSIS_LEXICON_CACHE": "\(state)/model/lexicon", "CORPUS_SOURCES": prefix.appendingPathComponent("share/practiced/sources").path,
                "PRACTICED_CONFIG": ""]
    }
}

/// nginx with the shipped server block (deploy/nginx-practiced.conf), its socket and port
/// pointed at a test daemon, in the foreground of a folder of its own.
final class NginxInFront {
    let process = Process()
    let url: String

    init(socket: String, directory: URL) throws {
        let port = Int.random(in: 20_000..<40_000)
        url = "http://127.0.0.1:\(port)/"
        let shipped = try String(contentsOf: projectRoot.appendingPathComponent("deploy/nginx-practiced.conf"), encoding: .utf8)
        let server = shipped.replacingOccurrences(of: "unix:/run/practiced/practiced.sock", with: "unix:\(socket)")
            .replacingOccurrences(of: "listen 127.0.0.1:8080;", with: "listen 127.0.0.1:\(port);")
        let work = directory.appendingPathComponent("nginx")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try server.write(to: work.appendingPathComponent("practiced.conf"), atomically: true, encoding: .utf8)
        // As root, the workers run as root too: the test daemon's socket is its owner's only
        // (in production they join the practiced group, as the shipped file says).
        try """
        \(getuid() == 0 ? "user root;" : "")
        daemon off;
        pid \(work.path)/nginx.pid;
        error_log \(work.path)/error.log;
        events { worker_connections 64; }
        http {
          access_log off;
          client_body_temp_path \(work.path)/body;
          proxy_temp_path \(work.path)/proxy;
          fastcgi_temp_path \(work.path)/fastcgi;
          uwsgi_temp_path \(work.path)/uwsgi;
          scgi_temp_path \(work.path)/scgi;
          include \(work.path)/practiced.conf;
        }
        """.write(to: work.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        process.arguments = ["-c", work.appendingPathComponent("nginx.conf").path, "-p", work.path]
        let errors = work.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        for _ in 0..<100 {
            if let answer = try? runProgram(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-o", "/dev/null", "-w", "%{http_code}", url]),
               answer.output == "200" { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw ServedDaemon.DaemonFailure(message: "nginx did not answer on \(url): \((try? String(contentsOf: work.appendingPathComponent("error.log"), encoding: .utf8)) ?? "")")
    }

    func stop() {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }
}
