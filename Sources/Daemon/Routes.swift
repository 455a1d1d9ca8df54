import Answers
import Corpus
import Engine
import Features
import Foundation
import Hummingbird
import Profiles

/// The endpoints of DESIGN.md's socket API, answering from the store's current model.
struct Routes: Sendable {
    let store: ModelStore
    let reloader: Reloader
    let corpus: CorpusEditor
    let reader: RequestBodyReader
    let metrics: DaemonMetrics
    /// The browser page (`GET /`), read at start.
    let page: Data?

    /// Paths and the methods each allows: for 405 and its Allow header.
    static let methods: [(pattern: [String], allowed: [HTTPRequest.Method])] = [
        (["v1", "health"], [.get]), (["v1", "cases"], [.get, .post]), (["v1", "cases", "*"], [.get, .delete]),
        (["v1", "cases", "*", "similar"], [.get]), (["v1", "similar"], [.post]), (["v1", "recommend"], [.post]), (["v1", "reports"], [.post]),
        (["v1", "admin", "reload"], [.post]), (["v1", "metrics"], [.get]), ([], [.get]),
    ]

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            guard let page else { throw APIError(.notFound, "not_found", "no page: daemon.page names no file (the shipped one is page/index.html beside the configuration)") }
            // One self-contained page: no outside assets, nothing for a browser to fetch elsewhere.
            let model = store.current
            let filled = model.browserPage.value(0) { BrowserPage.render(page, labels: model.recommender.scorer.labels, tagLabels: model.tagLabels) }
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(bytes: filled)))
        }
        router.get("/v1/health") { _, _ in jsonResponse(store.current.healthAnswer) }
        router.get("/v1/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.exposition(model: store.current))))
        }
        router.get("/v1/cases") { request, _ in
            let cases = Array(store.current.cases)
            return wantsText(request) ? textResponse(CasesAnswer.text(cases)) : jsonResponse(try CasesAnswer.json(cases))
        }
        router.get("/v1/cases/:id") { _, context in
            let model = store.current
            let id = context.parameters.get("id") ?? ""
            guard let record = model.cases.record(id: id) else { throw unknownCase(id) }
            return jsonResponse(try CorpusFiles.lineEncoder().encode(record))
        }
        router.get("/v1/cases/:id/similar") { request, context in
            let model = store.current
            let id = context.parameters.get("id") ?? ""
            guard let record = model.cases.record(id: id) else { throw unknownCase(id) }
            // ?top=N&province=…&level=…&category=…&year=…
            let query = request.uri.queryParameters
            func integer(_ name: String, field: String) throws -> Int? {
                guard let text = query.get(name), !text.isEmpty else { return nil }
                guard let number = Int(text) else { throw APIError.unprocessable(field: field, "expected an integer, found '\(text)'") }
                return number
            }
            let top = try RequestDecoding.checked(top: try integer("top", field: "top") ?? 5)
            // An empty parameter (?province=) is no filter, as a form leaves it.
            func text(_ name: String) -> String? { query.get(name).flatMap { $0.isEmpty ? nil : $0 } }
            let filter = CaseFilter(province: text("province"), level: text("level"), category: text("category"),
                                    year: try integer("year", field: "filter.year"))
            let found = try profileErrors { try model.similar.similar(toCase: id, top: top, filter: filter) }
            if wantsText(request) { return textResponse(SimilarAnswer.render(found, cases: model.cases, labels: model.tagLabels)) }
            return jsonResponse(try SimilarAnswer.envelope(query: SimilarAnswer.query(case: record), found, cases: model.cases))
        }
        router.post("/v1/similar") { request, _ in
            let model = store.current
            let body = try await reader.object(request)
            guard let text = body.object["text"] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIError.unprocessable(field: "text", body.object["text"] == nil ? "missing: give the text to compare" : "expected a non-empty string")
            }
            try profileErrors { try model.profiles.checkLength(of: text) }
            let options = try RequestDecoding.options(from: body.data, defaultTop: 5)
            // Read as the importer reads a case, analysed as the corpus's cases are.
            let read = corpus.pastedCases.read(text)
            let pasted = AnalysedCase(text: read.text, practices: read.practices, analyzer: model.profiles.analyzer, tagger: model.profiles.tagger)
            let found = try profileErrors { try model.similar.similar(to: pasted, top: options.top, filter: options.filter) }
            if wantsText(request) { return textResponse(SimilarAnswer.render(found, cases: model.cases, labels: model.tagLabels)) }
            return jsonResponse(try SimilarAnswer.envelope(query: SimilarAnswer.query(text: text, tags: pasted.tags, practices: read.practices),
                                                           found, cases: model.cases))
        }
        router.post("/v1/recommend") { request, _ in
            let model = store.current
            let (profile, top, filter) = try await reader.recommendation(request)
            let (analyzed, items) = try profileErrors {
                let analyzed = try model.profiles.analyze(profile)
                return (analyzed, try model.recommender.recommend(analyzed, top: top, filter: filter))
            }
            if wantsText(request) { return textResponse(RecommendationText.render(analyzed, items, recommender: model.recommender)) }
            return jsonResponse(try model.writer.envelope(analyzed, items))
        }
        router.post("/v1/reports") { request, _ in try await ReportRoute(store: store, reader: reader).answer(request) }
        router.post("/v1/cases") { request, _ in
            let body = try await reader.object(request)
            let added = try corpus.cases(from: body.object, data: body.data)
            let model = try await reloader.edit { try corpus.add(added) }
            var response = try json(["added": added.map(\.id), "model": model.summary])
            response.status = .created
            return response
        }
        router.delete("/v1/cases/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            let model = try await reloader.edit {
                guard let undo = try corpus.remove(id) else { throw unknownCase(id) }
                return undo
            }
            return try json(["deleted": id, "model": model.summary])
        }
        router.post("/v1/admin/reload") { _, _ in
            let outcome = await reloader.reload(reason: "POST /v1/admin/reload")
            switch outcome {
            case .success(let model): return try json(["status": "reloaded", "model": model.summary])
            case .failure(let error): throw APIError(.internalServerError, "reload_failed", "the old model is still serving: \(error)")
            }
        }
    }

    func unknownCase(_ id: String) -> APIError {
        APIError(.notFound, "unknown_case", "\(EngineError.unknownCase(id))")
    }

    /// Runs engine work, turning a profile's or a filter's error into 422.
    func profileErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ProfileError { throw error.apiError } catch EngineError.unknownCase(let id) {
            throw unknownCase(id)
        }
    }
}

/// `Accept: text/plain` asks for the command line's text form (what `--socket` prints).
func wantsText(_ request: Request) -> Bool {
    request.headers[.accept]?.contains("text/plain") ?? false
}

func textResponse(_ text: String) -> Response {
    Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
}

func json(_ object: [String: Any]) throws -> Response {
    jsonResponse(try answerJSON(object))
}

func jsonResponse(_ data: Data) -> Response {
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
}
