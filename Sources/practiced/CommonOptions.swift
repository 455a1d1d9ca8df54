import ArgumentParser
import Engine
import NIOHTTP1
import SocketClient
import Foundation
import Settings

/// `--config F`, shared by every command that reads the configuration.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: $PRACTICED_CONFIG, else the first of ./config/practiced.yaml, $XDG_CONFIG_HOME/practiced/practiced.yaml, /etc/practiced/practiced.yaml).")
    var config: String?

    func load() async throws -> Settings {
        try await Settings.load(from: config.map { URL(fileURLWithPath: $0) })
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes to standard error (messages, warnings), keeping standard output for results.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs `body`, turning any error into one line on standard error and exit status 1.
func reportingFailure<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}

/// `--province --level --category --year`: which sources an answer may draw on.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: "Only cases from this province (山西省 or 山西).")
    var province: String?

    @Option(name: .long, help: "Only cases whose source region is at this level: province, prefecture, county, district, township.")
    var level: String?

    @Option(name: .long, help: "Only cases of this Healthy China action: a taxonomy key (health_literacy) or its label (健康知识普及).")
    var category: String?

    @Option(name: .long, help: "Only cases from documents of this year.")
    var year: Int?

    var filter: CaseFilter { CaseFilter(province: province, level: level, category: category, year: year) }

    /// The filter as a request's "filter" object.
    var json: [String: Any] {
        var fields: [String: Any] = [:]
        fields["province"] = province
        fields["level"] = level
        fields["category"] = category
        fields["year"] = year
        return fields
    }
}

/// `--socket P`: ask a running daemon instead of loading the engine here; the output is the same.
struct SocketOption: ParsableArguments {
    @Option(name: .long, help: "Ask the daemon listening on this Unix socket (practiced serve) instead of loading the engine here.")
    var socket: String?
}

/// A query sent to the daemon: its body printed as it comes (JSON or the text form), its error
/// message turned into this command's error.
enum DaemonQuery {
    static func run(socket: String, method: HTTPMethod, _ target: String, body: [String: Any]? = nil, format: OutputFormat) async throws -> String {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
        let response = try await SocketClient.send(
            to: socket, method: method, target, body: data, accept: format == .text ? "text/plain" : "application/json")
        let text = String(decoding: response.body, as: UTF8.self)
        guard (200..<300).contains(response.status) else {
            let error = (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any])?["error"] as? [String: Any]
            throw DaemonError(status: response.status, message: error?["message"] as? String ?? text)
        }
        return text
    }

    /// A target with its query parameters, percent-encoded.
    static func target(_ path: String, _ parameters: [(String, String?)]) -> String {
        var components = URLComponents()
        components.path = path
        let items = parameters.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }
}

struct DaemonError: Error, CustomStringConvertible {
    let status: Int
    let message: String
    var description: String { "\(message) (daemon answered \(status))" }
}
