import Foundation
import Hummingbird

/// An error answer: the status, a stable code and a message naming what is wrong, as DESIGN.md's
/// {"error": {"code": "…", "message": "…"}}.
public struct APIError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "bad_request", message) }
    static func unprocessable(field: String, _ message: String) -> APIError {
        APIError(.unprocessableContent, "invalid_field", "\(field): \(message)")
    }

    var response: Response {
        let body = try! JSONSerialization.data(withJSONObject: ["error": ["code": code, "message": message]], options: [.sortedKeys])
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
