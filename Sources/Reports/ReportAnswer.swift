import Foundation

/// `POST /v1/reports`: the reports of a request's profiles as one JSON answer —
/// `{"format", "reports": [{"id", "name", "file", "content"}], "overview", "summary": […],
/// "errors": [{"profile", "message"}]}`. `content` and `overview` are the rendered Markdown or
/// HTML (the same templates and bytes as `practiced report`); with format json, `report` holds
/// the report's data instead and `overview` is left out.
extension ReportBatch {
    public enum AnswerFormat: String, Sendable, CaseIterable {
        case json, markdown, html
    }

    public func answer(_ inputs: [Input], format: AnswerFormat) throws -> (data: Data, outcome: Outcome) {
        let outcome = reports(inputs)
        let (reports, failures) = (outcome.reports, outcome.failures)
        let answer = Answer(
            format: format.rawValue,
            reports: reports.map { report in
                Answer.Item(
                    id: report.id, name: report.title,
                    file: format == .json ? nil : report.file + (format == .html ? ".html" : ".md"),
                    content: format == .json ? nil : (format == .html ? renderer.html(report) : renderer.markdown(report)),
                    report: format == .json ? report : nil)
            },
            overview: format == .json ? nil : renderer.overview(Overview(reports: reports, failures: failures), markdown: format == .markdown),
            summary: reports.flatMap { report in
                report.summaryRows.map { Answer.Row(region: report.id ?? report.file, name: report.title, rank: $0.rank, practiceId: $0.practiceId, caseId: $0.caseId, score: $0.score) }
            },
            errors: failures.map { Answer.Failure(profile: $0.origin, message: $0.message) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try encoder.encode(answer), outcome)
    }

    struct Answer: Encodable {
        struct Item: Encodable {
            let id: String?
            let name: String
            let file: String?
            let content: String?
            let report: RegionReport?
        }
        struct Row: Encodable {
            let region, name: String
            let rank: Int
            let practiceId, caseId: String
            let score: Double
        }
        struct Failure: Encodable {
            let profile, message: String
        }
        let format: String
        let reports: [Item]
        let overview: String?
        let summary: [Row]
        let errors: [Failure]
    }
}
