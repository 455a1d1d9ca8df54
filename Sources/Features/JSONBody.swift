import Foundation

/// Why a JSON body cannot be read, when Foundation's answer ("not valid JSON", no path) does not
/// say: the body is not JSON (a client error of syntax: 400), or it is JSON with a number no
/// field can take (a bad value: 422 naming where it is).
public enum JSONBodyError: Error, Equatable, CustomStringConvertible {
    case invalid(JSONSyntax.Problem)
    case numberOutOfRange(path: String, text: String)

    public var description: String {
        switch self {
        case .invalid(let problem): return "not valid JSON: \(problem)"
        case .numberOutOfRange(let path, let text): return "\(path.isEmpty ? "body" : path): the number \(text) is out of range"
        }
    }
}

/// JSON bodies decoded with Foundation, and its path-less failures explained by `JSONSyntax`.
public enum JSONBody {
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch let error as DecodingError {
            throw explained(error, in: data)
        }
    }

    /// The body as JSONSerialization reads it (dictionaries and arrays).
    public static func value(from data: Data) throws -> Any {
        do { return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw explained(nil, in: data)
        }
    }

    /// `error` (or nil: a JSONSerialization failure) as what went wrong: the syntax error with its
    /// line and column, the number out of range with its path, or `error` as it was when it
    /// already says where.
    public static func explained(_ error: DecodingError?, in data: Data) -> any Error {
        if let error {
            guard case .dataCorrupted(let context) = error, context.codingPath.isEmpty else { return error }
        }
        switch JSONSyntax.check(data) {
        case .failure(let problem):
            return JSONBodyError.invalid(problem)
        case .success(let numbers):
            if let number = numbers.first(where: { !$0.fitsADouble }) { return JSONBodyError.numberOutOfRange(path: number.path, text: number.text) }
            return error ?? JSONBodyError.invalid(JSONSyntax.Problem(line: 1, column: 1, message: "Foundation could not read it"))
        }
    }
}

extension KeyedDecodingContainer {
    /// An integer field read as a number first, then checked: Foundation's JSONDecoder refuses
    /// 1.5 or 1e20 for an `Int` without saying which field; this names it.
    public func decodeWholeNumberIfPresent(forKey key: Key) throws -> Int? {
        // null is not a number: the client sent the field and gets told (as OpenAPI's integer says).
        if contains(key), try decodeNil(forKey: key) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "an integer (found null)")
        }
        guard let number = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        // Integers beyond 2^53 are not exact in a Double: no field here needs them.
        guard number.rounded() == number, abs(number) <= 9_007_199_254_740_992 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "an integer (found \(number))")
        }
        return Int(number)
    }
}
