import Engine
import Features
import Foundation
import Hummingbird
import NIOCore

/// Limits on what a request may carry (`daemon:` in the configuration).
public struct RequestLimits: Sendable {
    /// Bodies beyond this are refused with 413.
    public var maxBodyBytes: Int
    /// A profile's or a query's text beyond this many characters is refused with 422.
    public var maxTextCharacters: Int

    public init(maxBodyBytes: Int = 1 << 20, maxTextCharacters: Int = 100_000) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTextCharacters = maxTextCharacters
    }
}

/// A request body as a JSON object: 413 when too large, 400 when not UTF-8 or not JSON,
/// 422 when a field has the wrong type or value.
struct RequestBodyReader {
    let limits: RequestLimits

    func object(_ request: Request) async throws -> (object: [String: Any], data: Data) {
        let data = try await bytes(request)
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
            throw APIError.badRequest("the body is not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
        }
        guard let object = parsed as? [String: Any] else { throw APIError.unprocessable(field: "body", "expected a JSON object") }
        return (object, data)
    }

    /// A recommendation request — the profile with `top` and `filter` beside its fields — in
    /// one parse (it is the daemon's busiest request).
    func recommendation(_ request: Request) async throws -> (profile: RegionProfile, top: Int, filter: CaseFilter) {
        let data = try await bytes(request)
        let body: RecommendationBody
        do { body = try JSONDecoder().decode(RecommendationBody.self, from: data) } catch let error as DecodingError {
            switch error {
            case .dataCorrupted(let context) where context.codingPath.isEmpty:
                throw APIError.badRequest("the body is not valid JSON: \((context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] ?? context.debugDescription)")
            case .typeMismatch(_, let context) where context.codingPath.isEmpty:
                throw APIError.unprocessable(field: "body", "expected a JSON object")
            default:
                throw APIError.unprocessable(field: error.fieldPath.isEmpty ? "body" : error.fieldPath, "expected \(error.expected)")
            }
        }
        let filter = body.options.filter
        return (body.profile, try checked(top: body.options.top ?? 10),
                CaseFilter(province: filter?.province, level: filter?.level, category: filter?.category, year: filter?.year))
    }

    /// The body's bytes: 413 when too large, 400 when not UTF-8.
    private func bytes(_ request: Request) async throws -> Data {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limits.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "body_too_large", "the body is over \(limits.maxBodyBytes) bytes")
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "body_too_large", "the body is over \(limits.maxBodyBytes) bytes")
        }
        let bytes = Array(buffer.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else { throw APIError.badRequest("the body is not valid UTF-8") }
        return Data(bytes)
    }

    /// The options a query carries beside its profile or text: `top` (1…100) and `filter`.
    func options(_ data: Data, defaultTop: Int) throws -> (top: Int, filter: CaseFilter) {
        let options: QueryOptions
        do { options = try JSONDecoder().decode(QueryOptions.self, from: data) } catch let error as DecodingError {
            throw APIError.unprocessable(field: error.fieldPath.isEmpty ? "body" : error.fieldPath, "expected \(error.expected)")
        }
        let top = try checked(top: options.top ?? defaultTop)
        let filter = options.filter
        return (top, CaseFilter(province: filter?.province, level: filter?.level, category: filter?.category, year: filter?.year))
    }

    /// `top` within 1…100.
    func checked(top: Int) throws -> Int {
        guard (1...100).contains(top) else { throw APIError.unprocessable(field: "top", "must be between 1 and 100 (got \(top))") }
        return top
    }

    func text(_ value: String?, field: String) throws {
        if let value, value.count > limits.maxTextCharacters {
            throw APIError.unprocessable(field: field, "over \(limits.maxTextCharacters) characters (\(value.count))")
        }
    }
}

/// `POST /v1/recommend`'s body: a profile and the query's options, decoded from one parse.
struct RecommendationBody: Decodable {
    let profile: RegionProfile
    let options: QueryOptions

    init(from decoder: any Decoder) throws {
        profile = try RegionProfile(from: decoder)
        options = try QueryOptions(from: decoder)
    }
}

struct QueryOptions: Decodable {
    struct Filter: Decodable {
        let province: String?
        let level: String?
        let category: String?
        let year: Int?
    }

    let top: Int?
    let filter: Filter?
}

extension ProfileError {
    var apiError: APIError { APIError.unprocessable(field: field, message) }
}
