import ArgumentParser
import Engine
import Foundation
import Settings

/// `--config F`, shared by every command that reads the configuration.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: $PRACTICED_CONFIG, else ./config/practiced.yaml).")
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
}
