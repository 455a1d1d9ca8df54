import Features
import Foundation
import Hummingbird
import Importer
import Profiles
import Reports

/// `POST /v1/reports` `{"profiles": [...], "format": "json|markdown|html", "top": N}`: the
/// reports of up to `maximumProfiles` profiles (a province's counties go to `practiced report`),
/// built on a thread of their own. A profile that cannot be read or analysed is listed in
/// `errors` and the others are answered (200); when none can be, 422.
struct ReportRoute {
    static let maximumProfiles = 200
    let store: ModelStore
    let reader: RequestBodyReader

    func answer(_ request: Request) async throws -> Response {
        let model = store.current
        let body = try await reader.object(request)
        guard let items = body.object["profiles"] as? [Any], !items.isEmpty else {
            throw APIError.unprocessable(field: "profiles", "expected a non-empty list of profiles")
        }
        guard items.count <= Self.maximumProfiles else {
            throw APIError.unprocessable(field: "profiles", "\(items.count) profiles: at most \(Self.maximumProfiles) per request (`practiced report` takes any number)")
        }
        let formatName = body.object["format"].map { $0 as? String ?? "" } ?? "json"
        guard let format = ReportBatch.AnswerFormat(rawValue: formatName == "md" ? "markdown" : formatName) else {
            throw APIError.unprocessable(field: "format", "'\(formatName)' is not one of json, markdown, html")
        }
        var builder = model.reports.builder
        builder.top = try RequestDecoding.options(from: body.data, defaultTop: 10).top
        let inputs = ProfileFile.rows(ofJSONArray: items).map { row in
            let index = row.line - 1
            return ReportBatch.Input(origin: "profiles[\(index)]", profile: row.profile.mapError { error in
                // The row's field starts with its index, already in the origin.
                ProfileError(field: String(error.field.dropFirst("[\(index)].".count)), message: error.message)
            })
        }
        let batch = ReportBatch(builder: builder, renderer: model.reports.renderer, formats: .all)
        let (data, outcome) = try await onThreadOfItsOwn { try batch.answer(inputs, format: format) }
        guard !outcome.reports.isEmpty else {
            throw APIError(.unprocessableContent, "no_report", outcome.failures.map { "\($0.origin).\($0.message)" }.joined(separator: "; "))
        }
        return jsonResponse(data)
    }
}
