import Features
import Foundation

/// The words users write in a profile's fields, and the canonical value each stands for
/// (`field_words` in config/profile-cues.json): "city", 地级市, 市 → prefecture; 山区 → mountain;
/// 脱贫县 → former_poverty; 农村 → rural. A focus may be a tag's label as well as its key.
public struct FieldWords: Sendable, Codable, Equatable {
    /// canonical value → the other words for it, per field.
    public let level: [String: [String]]
    public let terrain: [String: [String]]
    public let economy: [String: [String]]
    public let urbanization: [String: [String]]

    public init(level: [String: [String]] = [:], terrain: [String: [String]] = [:],
                economy: [String: [String]] = [:], urbanization: [String: [String]] = [:]) {
        self.level = level
        self.terrain = terrain
        self.economy = economy
        self.urbanization = urbanization
    }

    /// The canonical value of `word` in `field`'s words, or the word itself when it is none.
    static func canonical(_ word: String, in words: [String: [String]]) -> String {
        let written = word.trimmingCharacters(in: .whitespaces)
        let folded = written.lowercased()
        if words[folded] != nil { return folded }
        for (canonical, aliases) in words where aliases.contains(where: { $0.lowercased() == folded }) {
            return canonical
        }
        return written
    }

    /// prefecture (city, 地级市, 市, 州, 盟): the accepted words for a message, canonical first.
    static func accepted(_ canonical: [String], aliases: [String: [String]]) -> String {
        canonical.map { value in
            let others = aliases[value] ?? []
            return others.isEmpty ? value : "\(value) (\(others.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }
}

extension RegionProfile {
    /// The profile with its fields in canonical words: level "city" → prefecture, terrain 山区 →
    /// mountain, focus 控烟 → tobacco_control. Unknown words are left as written, for `validate`
    /// to refuse with the accepted list.
    public func inCanonicalWords(_ words: FieldWords, taxonomy: Taxonomy) -> RegionProfile {
        var profile = self
        profile.level = level.map { FieldWords.canonical($0, in: words.level) }
        profile.terrain = terrain?.map { FieldWords.canonical($0, in: words.terrain) }
        profile.economy = economy.map { FieldWords.canonical($0, in: words.economy) }
        profile.urbanization = urbanization.map { FieldWords.canonical($0, in: words.urbanization) }
        profile.focus = focus?.map { written in
            let word = written.trimmingCharacters(in: .whitespaces)
            if taxonomy.tag(word) != nil { return word }
            return taxonomy.tags.first { $0.label == word }?.key ?? word
        }
        return profile
    }
}
