import Corpus
import Engine
import Features
import Foundation
import Hummingbird
import Profiles

/// Request bodies (bytes) → what the routes work with, every failure as the client's error: 400
/// for what is not JSON (with its line and column), 422 naming the field for a wrong type or
/// value. Public for the fuzzer (Fuzz/), which feeds it arbitrary bytes.
public enum RequestDecoding {
    /// The body as a JSON object.
    public static func object(from data: Data) throws -> [String: Any] {
        let parsed: Any
        do { parsed = try JSONBody.value(from: data) } catch { throw apiError(error) }
        guard let object = parsed as? [String: Any] else { throw APIError.unprocessable(field: "body", "expected a JSON object") }
        return object
    }

    /// `T` from the body; the error names the field at fault (422), or says where the body is
    /// not JSON (400).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do { return try JSONBody.decode(type, from: data) } catch { throw apiError(error) }
    }

    /// A recommendation request — the profile with `top` and `filter` beside its fields — in
    /// one parse (it is the daemon's busiest request).
    public static func recommendation(from data: Data) throws -> (profile: RegionProfile, top: Int, filter: CaseFilter) {
        let body = try decode(RecommendationBody.self, from: data)
        return (body.profile, try checked(top: body.options.top ?? 10), body.options.caseFilter)
    }

    /// The options a query carries beside its profile or text: `top` (1…100) and `filter`.
    public static func options(from data: Data, defaultTop: Int) throws -> (top: Int, filter: CaseFilter) {
        let options = try decode(QueryOptions.self, from: data)
        return (try checked(top: options.top ?? defaultTop), options.caseFilter)
    }

    /// `top` within 1…100.
    public static func checked(top: Int) throws -> Int {
        guard (1...100).contains(top) else { throw APIError.unprocessable(field: "top", "must be between 1 and 100 (got \(top))") }
        return top
    }

    /// A decoding failure as the client's error: 400 for what is not JSON, else 422 with the path.
    static func apiError(_ error: any Error) -> any Error {
        switch error {
        case JSONBodyError.invalid(let problem):
            return APIError.badRequest("the body is not valid JSON: \(problem)")
        case JSONBodyError.numberOutOfRange(let path, let text):
            return APIError.unprocessable(field: path.isEmpty ? "body" : path, "the number \(text) is out of range")
        case let error as DecodingError:
            if case .typeMismatch(_, let context) = error, context.codingPath.isEmpty {
                return APIError.unprocessable(field: "body", "expected a JSON object")
            }
            let found = if case .valueNotFound = error { ", found null" } else { "" }
            return APIError.unprocessable(field: error.fieldPath.isEmpty ? "body" : error.fieldPath, "expected \(error.expected)\(found)")
        default:
            return error
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

        enum CodingKeys: String, CodingKey { case province, level, category, year }

        init(from decoder: any Decoder) throws {
            let container: KeyedDecodingContainer<CodingKeys>
            do { container = try decoder.container(keyedBy: CodingKeys.self) } catch DecodingError.typeMismatch(_, let context) {
                throw DecodingError.dataCorrupted(.init(codingPath: context.codingPath, debugDescription: "an object such as {\"province\": \"山西\"}"))
            }
            province = try container.decodeIfPresent(String.self, forKey: .province)
            level = try container.decodeIfPresent(String.self, forKey: .level)
            category = try container.decodeIfPresent(String.self, forKey: .category)
            year = try container.decodeWholeNumberIfPresent(forKey: .year)
        }
    }

    let top: Int?
    let filter: Filter?

    var caseFilter: CaseFilter {
        CaseFilter(province: filter?.province, level: filter?.level, category: filter?.category, year: filter?.year)
    }

    enum CodingKeys: String, CodingKey { case top, filter }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        top = try container.decodeWholeNumberIfPresent(forKey: .top)
        // null is not "no filter": a client that sends it meant something, and gets told.
        if container.contains(.filter), try container.decodeNil(forKey: .filter) {
            throw DecodingError.dataCorruptedError(forKey: .filter, in: container, debugDescription: "an object such as {\"province\": \"山西\"} (found null)")
        }
        filter = try container.decodeIfPresent(Filter.self, forKey: .filter)
    }
}

extension ProfileError {
    var apiError: APIError { APIError.unprocessable(field: field, message) }
}
