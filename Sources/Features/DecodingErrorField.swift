import Foundation

/// What a decoding error says about the input, in the words of a field error: where
/// (`filter.year`, `terrain[0]`) and what was expected (`an integer`). Shared by the profile
/// reader and the daemon's request bodies.
extension DecodingError {
    /// The path of the value at fault; empty when it is the whole document.
    public var fieldPath: String {
        let path: [any CodingKey]
        switch self {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        return path.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    public var isDataCorrupted: Bool {
        if case .dataCorrupted = self { return true }
        return false
    }

    /// What the value should have been, e.g. "an integer".
    public var expected: String {
        switch self {
        case .typeMismatch(let type, _), .valueNotFound(let type, _): return Self.describe(type)
        case .keyNotFound: return "a value (the field is missing)"
        // Said by the decoder that checked the value (`decodeWholeNumberIfPresent`: "an integer (found 1.5)").
        case .dataCorrupted(let context) where !context.codingPath.isEmpty: return context.debugDescription
        default: return "a valid value"
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [String].Type, is [Any].Type: return "a list"
        case is [String: Any].Type: return "an object"
        default: return "\(type)"
        }
    }
}
