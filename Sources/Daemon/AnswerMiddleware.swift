import Foundation
import Hummingbird
import Logging
import NIOHTTP1

/// Around every request: a request id, errors as DESIGN.md's JSON with the right status (405
/// with Allow for a known path and a wrong method), one structured log line (request id,
/// route, status, duration) and the metrics.
struct AnswerMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let logger: Logger
    let metrics: DaemonMetrics

    init(logger: Logger, metrics: DaemonMetrics) {
        self.logger = logger
        self.metrics = metrics
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = metrics.nextRequestId()
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPParserError {
            // Hummingbird answers these itself (400 and the connection closed): logged here.
            log(id: id, request: request, route: "unmatched", status: 400, since: started)
            throw error
        } catch {
            response = answer(for: error, request: request)
        }
        response.headers[.init("X-Request-Id")!] = String(id)
        // The route's pattern (/v1/cases/{id}), not the path: one series per endpoint.
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        log(id: id, request: request, route: route, status: response.status.code, since: started)
        return response
    }

    private func log(id: Int, request: Request, route: String, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        metrics.record(route: route, status: status, seconds: seconds)
        logger.info("request", metadata: [
            "request_id": "\(id)", "method": "\(request.method)", "route": "\(route)",
            "status": "\(status)", "duration_us": "\(Int(seconds * 1e6))",
        ])
    }

    func answer(for error: any Error, request: Request) -> Response {
        switch error {
        case let error as APIError:
            return error.response
        case let error as HTTPError where error.status == .notFound:
            let segments = request.uri.path.split(separator: "/").map(String.init)
            if let known = Routes.methods.first(where: { Self.matches(segments, $0.pattern) }) {
                var response = APIError(.methodNotAllowed, "method_not_allowed",
                                        "\(request.method) is not allowed on \(request.uri.path); use \(known.allowed.map(\.rawValue).joined(separator: ", "))").response
                response.headers[.allow] = known.allowed.map(\.rawValue).joined(separator: ", ")
                return response
            }
            return APIError(.notFound, "not_found", "no endpoint \(request.uri.path) (see GET /v1/health, /v1/cases, POST /v1/recommend, /v1/similar)").response
        case let error as HTTPError:
            let code = error.status == .contentTooLarge ? "body_too_large" : "http_error"
            return APIError(error.status, code, error.body ?? error.status.reasonPhrase).response
        default:
            logger.error("unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return APIError(.internalServerError, "internal", "\(error)").response
        }
    }

    static func matches(_ segments: [String], _ pattern: [String]) -> Bool {
        segments.count == pattern.count && zip(segments, pattern).allSatisfy { $1 == "*" || $0 == $1 }
    }
}
