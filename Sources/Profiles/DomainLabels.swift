import Features
import Foundation

/// The Chinese words answers and reports show for the values the engine keeps as keys
/// (`config/labels.json`): terrain mountain → 山区, level county → 县级, tag group action →
/// 健康中国行动. Kept with the rest of the domain's words so that a province can reword them
/// without a build.
public struct DomainLabels: Sendable, Codable, Equatable {
    /// What a source region shares with a profile, in an answer's why.
    public struct Shared: Sendable, Codable, Equatable {
        public let formerPovertyCounty: String
        public let developed: String
        public let ethnicArea: String
        public let revolutionaryBase: String

        enum CodingKeys: String, CodingKey {
            case developed
            case formerPovertyCounty = "former_poverty_county"
            case ethnicArea = "ethnic_area"
            case revolutionaryBase = "revolutionary_base"
        }
    }

    /// Where a profile's fact or tag came from.
    public struct Sources: Sendable, Codable, Equatable {
        public let field: String
        public let text: String
        public let gazetteer: String
        public let focus: String
    }

    /// A profile attribute's own name (level → 行政级别), by its JSON key.
    public let attributes: [String: String]
    public let level: [String: String]
    public let terrain: [String: String]
    public let economy: [String: String]
    public let urbanization: [String: String]
    public let macroRegion: [String: String]
    public let tagGroups: [String: String]
    public let shared: Shared
    public let sources: Sources
    public let yes: String
    public let no: String

    enum CodingKeys: String, CodingKey {
        case attributes, level, terrain, economy, urbanization, shared, sources, yes, no
        case macroRegion = "macro_region"
        case tagGroups = "tag_groups"
    }

    /// The file read and checked: every value a profile field accepts and every tag group of
    /// the taxonomy has its word (a missing one would show a bare key to an official).
    public static func load(from url: URL, fieldWords: FieldWords, taxonomy: Taxonomy) throws -> DomainLabels {
        let labels: DomainLabels
        do {
            labels = try JSONDecoder().decode(DomainLabels.self, from: Data(contentsOf: url))
        } catch {
            throw FeatureError.badConfiguration(path: url.path, reason: "\(error)")
        }
        let needed: [(String, [String: String], [String])] = [
            ("level", labels.level, Array(fieldWords.level.keys)),
            ("terrain", labels.terrain, Array(fieldWords.terrain.keys)),
            ("economy", labels.economy, Array(fieldWords.economy.keys)),
            ("urbanization", labels.urbanization, Array(fieldWords.urbanization.keys)),
            ("tag_groups", labels.tagGroups, taxonomy.tags.map(\.group)),
            ("attributes", labels.attributes, AnalyzedProfile.Attributes.CodingKeys.allCases.map(\.rawValue)),
        ]
        for (section, words, keys) in needed {
            let missing = Set(keys).subtracting(words.keys).sorted()
            if !missing.isEmpty {
                throw FeatureError.badConfiguration(path: url.path, reason: "\(section) has no word for \(missing.joined(separator: ", "))")
            }
        }
        return labels
    }

    /// Terrain kinds in words, joined for reading (mountain, hill → 山区、丘陵).
    public func terrainWords(_ kinds: [String]) -> String {
        kinds.map { terrain[$0] ?? $0 }.joined(separator: "、")
    }
}
