import Features
import Foundation
import Profiles
import Synchronization

/// The formats a batch writes: per region HTML and Markdown, and summary.csv.
public struct ReportFormats: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let html = ReportFormats(rawValue: 1)
    public static let markdown = ReportFormats(rawValue: 2)
    public static let csv = ReportFormats(rawValue: 4)
    public static let all: ReportFormats = [.html, .markdown, .csv]

    /// "html,md,csv" (any of them, in any order).
    public init(list: String) throws {
        self = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            switch name {
            case "html": insert(.html)
            case "md", "markdown": insert(.markdown)
            case "csv": insert(.csv)
            default: throw ReportError.output(list, "unknown format '\(name)' (html, md, csv)")
        }
        }
        if isEmpty { throw ReportError.output(list, "no format given (html, md, csv)") }
    }
}

/// A batch of reports: every profile in parallel on all cores, each written as it is done;
/// then the overview (index.html, index.md) and summary.csv, in the input's order. A profile
/// that cannot be read or analysed is a `ReportFailure` (with its file and line); the others
/// are still reported. The output depends only on the input: same profiles, same bytes.
public struct ReportBatch: Sendable {
    /// A profile as read from its file: `origin` is "file:line".
    public struct Input: Sendable {
        public let origin: String
        public let profile: Result<RegionProfile, ProfileError>

        public init(origin: String, profile: Result<RegionProfile, ProfileError>) {
            self.origin = origin
            self.profile = profile
        }
    }

    public struct Outcome: Sendable {
        public let reports: [RegionReport]
        public let failures: [ReportFailure]

        /// The reports and the failures of a batch's results, each in input order.
        init(_ results: [Result<RegionReport, ReportFailure>]) {
            reports = results.compactMap { try? $0.get() }
            failures = results.compactMap { result in
                if case .failure(let failure) = result { return failure }
                return nil
            }
        }
    }

    public let builder: ReportBuilder
    public let renderer: ReportRenderer
    public let formats: ReportFormats

    public init(builder: ReportBuilder, renderer: ReportRenderer, formats: ReportFormats) {
        self.builder = builder
        self.renderer = renderer
        self.formats = formats
    }

    /// The reports of the inputs, built in parallel (nothing written), in the inputs' order.
    public func reports(_ inputs: [Input]) -> Outcome {
        Outcome(build(inputs, writingTo: nil, progress: nil))
    }

    /// Writes the reports under `directory`; `progress(done, total)` after each profile.
    public func run(_ inputs: [Input], to directory: URL, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Outcome {
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw ReportError.output(directory.path, error.localizedDescription)
        }
        let outcome = Outcome(build(inputs, writingTo: directory, progress: progress))
        let (reports, failures) = (outcome.reports, outcome.failures)
        let overview = Overview(reports: reports, failures: failures)
        if formats.contains(.html) { try write(renderer.overview(overview, markdown: false), to: directory.appendingPathComponent("index.html")) }
        if formats.contains(.markdown) { try write(renderer.overview(overview, markdown: true), to: directory.appendingPathComponent("index.md")) }
        if formats.contains(.csv) { try write(ReportRenderer.summaryCSV(reports), to: directory.appendingPathComponent("summary.csv")) }
        return outcome
    }

    /// Every input's report on all cores (each written as soon as it is built, when a directory
    /// is given), in the inputs' order.
    private func build(_ inputs: [Input], writingTo directory: URL?, progress: (@Sendable (Int, Int) -> Void)?) -> [Result<RegionReport, ReportFailure>] {
        let names = Self.fileNames(inputs)
        let results = Mutex([Result<RegionReport, ReportFailure>?](repeating: nil, count: inputs.count))
        let done = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let outcome = report(inputs[index], file: names[index], directory: directory)
            results.withLock { $0[index] = outcome }
            progress?(done.add(1, ordering: .relaxed).newValue, inputs.count)
        }
        return results.withLock { $0 }.compactMap { $0 }
    }

    /// One input's report, written under `directory` in the batch's formats (when given).
    private func report(_ input: Input, file: String, directory: URL?) -> Result<RegionReport, ReportFailure> {
        do {
            let report = try builder.report(for: input.profile.get(), file: file, origin: input.origin)
            guard let directory else { return .success(report) }
            for page in renderer.pages(report, formats) { try write(page.text, to: directory.appendingPathComponent(file + page.suffix)) }
            return .success(report)
        } catch let error as ProfileError {
            return .failure(ReportFailure(origin: input.origin, message: "\(error)"))
        } catch {
            return .failure(ReportFailure(origin: input.origin, message: "\(error)"))
        }
    }

    private func write(_ text: String, to url: URL) throws {
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            throw ReportError.output(url.path, error.localizedDescription)
        }
    }

    /// A file name per input: its id, else its name, else its line; characters a file system
    /// or a URL would trip on replaced; a name taken twice gets its line appended.
    static func fileNames(_ inputs: [Input]) -> [String] {
        var taken = Set<String>()
        return inputs.map { input in
            let profile = try? input.profile.get()
            let line = input.origin.split(separator: ":").last.map(String.init) ?? "0"
            var name = String((profile?.id ?? profile?.name ?? "").map { "/\\:*?\"<>|#%&{}$!'@+`= \t\n".contains($0) ? "_" : $0 })
            if name.isEmpty || name.hasPrefix(".") { name = "row-\(line)" }
            if name == "index" || name == "summary" { name = "region-" + name }  // the overview's names
            if !taken.insert(name).inserted { name += "-\(line)" }
            taken.insert(name)
            return name
        }
    }
}
