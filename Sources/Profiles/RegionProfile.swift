import Features
import Foundation

/// A region as a user describes it (DESIGN.md, "Region profile"): every field optional, but at
/// least one of text, terrain, economy and focus.
public struct RegionProfile: Sendable, Codable, Equatable {
    public var id: String?
    public var name: String?
    public var level: String?
    public var province: String?
    public var terrain: [String]?
    public var economy: String?
    public var ethnicMinority: Bool?
    public var urbanization: String?
    public var population: Int?
    public var agingShare: Double?
    public var focus: [String]?
    public var text: String?

    public init(
        id: String? = nil, name: String? = nil, level: String? = nil, province: String? = nil, terrain: [String]? = nil,
        economy: String? = nil, ethnicMinority: Bool? = nil, urbanization: String? = nil, population: Int? = nil,
        agingShare: Double? = nil, focus: [String]? = nil, text: String? = nil
    ) {
        self.id = id
        self.name = name
        self.level = level
        self.province = province
        self.terrain = terrain
        self.economy = economy
        self.ethnicMinority = ethnicMinority
        self.urbanization = urbanization
        self.population = population
        self.agingShare = agingShare
        self.focus = focus
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, name, level, province, terrain, economy, urbanization, population, focus, text
        case ethnicMinority = "ethnic_minority"
        case agingShare = "aging_share"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        level = try container.decodeIfPresent(String.self, forKey: .level)
        province = try container.decodeIfPresent(String.self, forKey: .province)
        terrain = try container.decodeIfPresent([String].self, forKey: .terrain)
        economy = try container.decodeIfPresent(String.self, forKey: .economy)
        ethnicMinority = try container.decodeIfPresent(Bool.self, forKey: .ethnicMinority)
        urbanization = try container.decodeIfPresent(String.self, forKey: .urbanization)
        population = try container.decodeWholeNumberIfPresent(forKey: .population)
        agingShare = try container.decodeIfPresent(Double.self, forKey: .agingShare)
        focus = try container.decodeIfPresent([String].self, forKey: .focus)
        text = try container.decodeIfPresent(String.self, forKey: .text)
    }

    public static let levels = ["province", "prefecture", "county", "district", "township"]
    public static let terrains = ["mountain", "hill", "plain", "plateau", "basin", "coastal", "island", "grassland", "desert"]
    public static let economies = ["poverty", "former_poverty", "developing", "developed"]
    public static let urbanizations = ["rural", "mixed", "urban"]

    /// Reads a profile from JSON; a wrong type names the field.
    public static func decode(_ data: Data) throws -> RegionProfile {
        do {
            return try JSONBody.decode(RegionProfile.self, from: data)
        } catch let error as JSONBodyError {
            switch error {
            case .invalid: throw ProfileError(field: "profile", message: "\(error)")
            case .numberOutOfRange(let path, let text): throw ProfileError(field: path, message: "the number \(text) is out of range")
            }
        } catch let error as DecodingError {
            switch error {
            // The whole document (3, "x", [1], null) is not an object.
            case _ where error.fieldPath.isEmpty && !error.isDataCorrupted:
                throw ProfileError(field: "profile", message: "expected a JSON object such as {\"text\": \"…\"}")
            case .typeMismatch: throw ProfileError(field: error.fieldPath, message: "expected \(error.expected)")
            case .dataCorrupted(let context) where !context.codingPath.isEmpty:
                throw ProfileError(field: error.fieldPath, message: "expected \(error.expected)")
            case .valueNotFound: throw ProfileError(field: error.fieldPath, message: "expected \(error.expected), found null")
            case .dataCorrupted(let context):
                throw ProfileError(field: context.codingPath.isEmpty ? "profile" : error.fieldPath, message: "not valid JSON: \(context.debugDescription)")
            default: throw error
            }
        }
    }

    /// Checks every field against what DESIGN.md allows; the error names the field and the
    /// accepted values. `focusKeys` are the taxonomy's tag keys.
    /// Checks the fields (in canonical words: see `inCanonicalWords`); a refusal lists the
    /// accepted words, with the other words `fieldWords` takes for each.
    public func validate(focusKeys: Set<String>, fieldWords: FieldWords = FieldWords()) throws {
        func refuse(_ field: String, _ value: String, _ canonical: [String], _ aliases: [String: [String]]) -> ProfileError {
            ProfileError(field: field, message: "'\(value)' is not one of \(FieldWords.accepted(canonical, aliases: aliases))")
        }
        if let level, !Self.levels.contains(level) {
            throw refuse("level", level, Self.levels, fieldWords.level)
        }
        for (index, value) in (terrain ?? []).enumerated() where !Self.terrains.contains(value) {
            throw refuse("terrain[\(index)]", value, Self.terrains, fieldWords.terrain)
        }
        if let economy, !Self.economies.contains(economy) {
            throw refuse("economy", economy, Self.economies, fieldWords.economy)
        }
        if let urbanization, !Self.urbanizations.contains(urbanization) {
            throw refuse("urbanization", urbanization, Self.urbanizations, fieldWords.urbanization)
        }
        if let population, population < 0 {
            throw ProfileError(field: "population", message: "must not be negative")
        }
        if let agingShare, !(0...1).contains(agingShare) {
            throw ProfileError(field: "aging_share", message: "must be a share between 0 and 1, found \(agingShare)")
        }
        for (index, key) in (focus ?? []).enumerated() where !focusKeys.contains(key) {
            throw ProfileError(field: "focus[\(index)]", message: "'\(key)' is not a tag of config/taxonomy.json, by key or label (e.g. health_literacy or 健康知识普及, tobacco_control or 控烟)")
        }
        let hasText = !(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        guard hasText || !(terrain ?? []).isEmpty || economy != nil || !(focus ?? []).isEmpty else {
            throw ProfileError(field: "profile", message: "empty: give at least one of text, terrain, economy or focus")
        }
    }
}

/// A profile that cannot be used, with the field at fault.
public struct ProfileError: Error, CustomStringConvertible, Equatable, Sendable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
