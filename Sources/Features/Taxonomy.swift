import Foundation

/// The tags of `config/taxonomy.json`: the 15 Healthy China special actions, cross-cutting
/// themes, populations and mechanisms, each with the text that triggers it.
public struct Taxonomy: Sendable, Codable {
    public struct Tag: Sendable, Codable, Equatable {
        public let key: String
        public let label: String
        /// action, theme, population or mechanism.
        public let group: String
        public let patterns: [String]
        /// Text that, where it covers a match, cancels it.
        public let exclude: [String]?
    }

    /// When a tag applies to a text: its patterns match at least `minimumCount` times, or once
    /// in the text's lead (title or first sentence). A word in passing is not a topic.
    public struct Salience: Sendable, Codable, Equatable {
        public let minimumCount: Int

        public init(minimumCount: Int) {
            self.minimumCount = minimumCount
        }

        enum CodingKeys: String, CodingKey {
            case minimumCount = "minimum_count"
        }
    }

    public let salience: Salience
    public let tags: [Tag]

    public init(tags: [Tag], salience: Salience = Salience(minimumCount: 2)) {
        self.tags = tags
        self.salience = salience
    }

    public static func load(from url: URL) throws -> Taxonomy {
        let taxonomy: Taxonomy
        do {
            taxonomy = try JSONDecoder().decode(Taxonomy.self, from: Data(contentsOf: url))
        } catch {
            throw FeatureError.badConfiguration(path: url.path, reason: "\(error)")
        }
        var seen = Set<String>()
        for tag in taxonomy.tags {
            guard seen.insert(tag.key).inserted else {
                throw FeatureError.badConfiguration(path: url.path, reason: "tag key \(tag.key) appears twice")
            }
            guard taxonomy.salience.minimumCount >= 1 else {
                throw FeatureError.badConfiguration(path: url.path, reason: "salience.minimum_count must be at least 1")
            }
            guard !tag.patterns.isEmpty else {
                throw FeatureError.badConfiguration(path: url.path, reason: "tag \(tag.key) has no patterns")
            }
        }
        return taxonomy
    }

    public var keys: [String] { tags.map(\.key) }

    public func tag(_ key: String) -> Tag? { tags.first { $0.key == key } }
}

public enum FeatureError: Error, CustomStringConvertible {
    case badConfiguration(path: String, reason: String)

    public var description: String {
        switch self {
        case .badConfiguration(let path, let reason): return "\(path): \(reason)"
        }
    }
}
