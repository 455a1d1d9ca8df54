import ArgumentParser
import Engine
import Features
import EngineLoading
import Foundation
import Importer
import Profiles
import Reports
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One report per region profile (HTML page, Markdown), an overview (index.html) and summary.csv.",
        discussion: """
            Profiles: JSON Lines or CSV (columns named as the profile's fields; UTF-8 with or without BOM, \
            or GB18030). A row that cannot be read or analysed is reported with its line and skipped; the \
            others are written, and the exit status is 1 with a summary. A profile whose text runs to \
            \(PlanReview.minimumPlanCharacters) characters or more is read as the region's plan: its report \
            says which Healthy China actions and practice types it covers and which it misses. Templates: \
            config/reports/ (Mustache). The same profiles give the same files, byte for byte.
            """
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "Region profiles: .jsonl or .csv (also .json: one profile or an array).")
    var profiles: String

    @Option(name: .long, help: "Directory for the reports (created if missing; files of the same names are replaced).")
    var out: String

    @Option(name: .long, help: "Formats, comma-separated: html (pages and index.html), md (pages and index.md), csv (summary.csv).")
    var format: String = "html,md,csv"

    @Option(name: .long, help: "Practices per region (1–100).")
    var top: Int = 10

    func validate() throws {
        guard (1...100).contains(top) else { throw ValidationError("--top must be between 1 and 100 (got \(top))") }
        _ = try ReportFormats(list: format)
    }

    func run() async throws {
        let failures = try await reportingFailure { try await writeReports() }
        guard failures.isEmpty else {
            for failure in failures { printError("error: \(failure.origin): \(failure.message)") }
            printError("\(failures.count) row\(failures.count == 1 ? "" : "s") skipped; the other reports are written")
            throw ExitCode.failure
        }
    }

    /// Writes the reports; returns the rows that failed.
    private func writeReports() async throws -> [ReportFailure] {
        let settings = try await configOption.load()
        let formats = try ReportFormats(list: format)
        let url = URL(fileURLWithPath: profiles)
        let rows = try ProfileFile.read(url)
        guard !rows.isEmpty else { throw ProfileError(field: url.path, message: "holds no profile") }
        let engine = try LoadedEngine.open(settings)
        let builder = ReportBuilder(
            recommender: engine.recommender, similar: SimilarCases(recommender: engine.recommender, weights: try settings.similarityWeights()),
            profiles: engine.profiles, top: top)
        let batch = ReportBatch(builder: builder, renderer: try ReportRenderer(templates: settings.reportTemplatesDirectory), formats: formats)
        let inputs = rows.map { ReportBatch.Input(origin: "\(url.lastPathComponent):\($0.line)", profile: $0.profile) }
        let bar: ProgressBar? = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        var progress: (@Sendable (Int, Int) -> Void)?
        if let bar { progress = { done, total in bar.show(done, of: total) } }
        let outcome = try batch.run(inputs, to: URL(fileURLWithPath: out), progress: progress)
        bar?.finish()
        print("\(outcome.reports.count) reports in \(out)" + (outcome.failures.isEmpty ? "" : "; \(outcome.failures.count) of \(inputs.count) rows failed"))
        return outcome.failures
    }
}

/// A progress bar on standard error, redrawn in place (only when standard error is a terminal).
final class ProgressBar: Sendable {
    private let lastDrawn = Mutex(-1)

    func show(_ done: Int, of total: Int) {
        let width = 30, filled = total > 0 ? done * width / total : width
        // Redrawn only when the percentage moves: thousands of regions would flood the terminal.
        let percent = total > 0 ? done * 100 / total : 100
        let moved = lastDrawn.withLock { drawn in
            guard percent > drawn else { return false }
            drawn = percent
            return true
        }
        guard moved else { return }
        FileHandle.standardError.write(Data("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
