import Corpus
import Foundation
import Features
import Profiles

/// Narrows recommendations and similar cases to sources of one kind (`--province`, `--level`,
/// `--category`, `--year`; the same fields in a request). Every condition given must hold.
public struct CaseFilter: Sendable, Equatable {
    /// A province, as the gazetteer spells it or without its suffix (山西 for 山西省).
    public var province: String?
    /// The source region's level (province, prefecture, county, district, township).
    public var level: String?
    /// A Healthy China action, as a taxonomy key (health_literacy) or its Chinese label (健康知识普及).
    public var category: String?
    /// The year of the source document.
    public var year: Int?

    public init(province: String? = nil, level: String? = nil, category: String? = nil, year: Int? = nil) {
        (self.province, self.level, self.category, self.year) = (province, level, category, year)
    }

    public var isEmpty: Bool { province == nil && level == nil && category == nil && year == nil }

    /// Checks the values against what exists; the error names the filter and what is accepted.
    /// Returns the category as a taxonomy action key.
    func validated(taxonomy: Taxonomy) throws -> String? {
        if let level, !RegionProfile.levels.contains(level) {
            throw ProfileError(field: "filter.level", message: "'\(level)' is not one of \(RegionProfile.levels.joined(separator: ", "))")
        }
        if let year, !(1949...2100).contains(year) {
            throw ProfileError(field: "filter.year", message: "\(year) is not a plausible year of a document")
        }
        if let province, province.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ProfileError(field: "filter.province", message: "empty")
        }
        guard let category else { return nil }
        let actions = taxonomy.tags.filter { $0.group == "action" }
        guard let action = Self.action(named: category, among: actions) else {
            throw ProfileError(field: "filter.category", message: "'\(category)' is not a Healthy China action of config/taxonomy.json (e.g. \(actions.prefix(3).map(\.key).joined(separator: ", ")))")
        }
        return action
    }

    /// The action a key, a label or a document's category (健康知识普及行动) names.
    static func action(named name: String, among actions: [Taxonomy.Tag]) -> String? {
        actions.first { $0.key == name || $0.label == name || name.hasPrefix($0.label) }?.key
    }

    /// Whether a case passes; `action` is the case's Healthy China action (its document's label,
    /// else the action it mentions most).
    func admits(_ record: CaseFacts, action: String?, categoryKey: String?) -> Bool {
        if let province {
            guard let theirs = record.region.province, theirs == province || theirs.hasPrefix(province) else { return false }
        }
        if let level, record.region.level != level { return false }
        if let year, record.year != year { return false }
        if let categoryKey, action != categoryKey { return false }
        return true
    }
}
