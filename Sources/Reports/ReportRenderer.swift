import Foundation
import Mustache

/// Renders reports with the Mustache templates of `config/reports/` (the page is the
/// templates' business, the data the builder's): `region_html` and `region_md` per region,
/// `index_html` and `index_md` for the overview; `bars_svg` and `map_svg` are partials.
/// summary.csv is data, written here.
public struct ReportRenderer: Sendable {
    let library: MustacheLibrary
    static let required = ["region_html", "region_md", "index_html", "index_md", "bars_svg", "map_svg"]

    /// Reads the templates (synchronously: the daemon builds a renderer with each model).
    public init(templates directory: URL) throws {
        var templates: [String: MustacheTemplate] = [:]
        for name in Self.required {
            let file = directory.appendingPathComponent(name + ".mustache")
            do {
                templates[name] = try MustacheTemplate(string: String(contentsOf: file, encoding: .utf8))
            } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
                throw ReportError.templates(directory.path, "\(name).mustache is missing")
            } catch {
                throw ReportError.templates(file.path, "\(error)")
            }
        }
        library = MustacheLibrary(templates: templates)
    }

    public func html(_ report: RegionReport) -> String { render(report, "region_html") }
    public func markdown(_ report: RegionReport) -> String { render(report, "region_md") }

    /// A region's pages in the given formats, by file suffix, from one conversion of the report.
    public func pages(_ report: RegionReport, _ formats: ReportFormats) -> [(suffix: String, text: String)] {
        let tree = Self.tree(report)
        var pages: [(suffix: String, text: String)] = []
        if formats.contains(.html) { pages.append((".html", library.render(tree, withTemplate: "region_html") ?? "")) }
        if formats.contains(.markdown) { pages.append((".md", library.render(tree, withTemplate: "region_md") ?? "")) }
        return pages
    }

    public func overview(_ overview: Overview, markdown: Bool) -> String {
        render(overview, markdown ? "index_md" : "index_html")
    }

    private func render(_ object: some Encodable, _ template: String) -> String {
        // The template exists (checked at init): render gives nil only for a missing template.
        library.render(Self.tree(object), withTemplate: template) ?? ""
    }

    /// The value as nested dictionaries and arrays (through its JSON form): swift-mustache looks
    /// a dictionary's names up directly, a struct's through `Mirror`, which was 58 % of a batch's
    /// time (type metadata demangled on every lookup).
    static func tree(_ object: some Encodable) -> Any {
        guard let data = try? JSONEncoder().encode(object), let tree = try? JSONSerialization.jsonObject(with: data) else { return [String: Any]() }
        return tree
    }

    /// summary.csv: one row per recommended practice (RFC 4180 quoting), UTF-8 with a BOM so
    /// that spreadsheet programs on Chinese Windows read it as UTF-8.
    public static func summaryCSV(_ reports: [RegionReport]) -> String {
        var lines = ["region,name,rank,practice_id,case_id,score"]
        for report in reports {
            for row in report.summaryRows {
                lines.append([report.id ?? report.file, report.title, String(row.rank), row.practiceId, row.caseId, String(format: "%.4f", row.score)]
                    .map(csvField).joined(separator: ","))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The overview's data: every region's line, and the rows that could not be reported.
public struct Overview: Sendable, Encodable {
    public struct Line: Sendable, Encodable {
        public let file, title, origin: String
        public let topHeadings: [String]
        public let needCoverage: String
        public let planCoverage: String?
        public let practiceCount: Int
    }
    public let lines: [Line]
    public let failures: [ReportFailure]
    public let hasFailures: Bool
    public let regionCount: Int

    public init(reports: [RegionReport], failures: [ReportFailure]) {
        lines = reports.map {
            Line(file: $0.file, title: $0.title, origin: $0.origin, topHeadings: $0.topHeadings, needCoverage: $0.needCoverage,
                 planCoverage: $0.plan?.actionCoverage, practiceCount: $0.practiceCount)
        }
        self.failures = failures
        hasFailures = !failures.isEmpty
        regionCount = reports.count
    }
}

/// A profile row that gave no report, with where it is and why.
public struct ReportFailure: Error, Sendable, Equatable, Encodable {
    public let origin: String
    public let message: String

    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }
}

public enum ReportError: Error, CustomStringConvertible {
    case templates(String, String)
    case output(String, String)

    public var description: String {
        switch self {
        case .templates(let path, let reason): return "\(path): report templates: \(reason)"
        case .output(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }
}
