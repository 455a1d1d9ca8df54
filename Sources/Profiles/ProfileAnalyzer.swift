import Analyzer
import Features
import Foundation
import Regions

/// Words of a free-text profile that tell what kind of place it is (`config/profile-cues.json`).
public struct ProfileCues: Sendable, Codable {
    public let terrain: [String: [String]]
    public let economy: [String: [String]]
    public let urbanization: [String: [String]]
    public let ethnicMinority: [String]
    public let level: [String: [String]]
    public let aging: [String]
    /// The words users write in the fields themselves (level "city" → prefecture).
    public let fieldWords: FieldWords

    enum CodingKeys: String, CodingKey {
        case terrain, economy, urbanization, level, aging
        case ethnicMinority = "ethnic_minority"
        case fieldWords = "field_words"
    }

    public static func load(from url: URL) throws -> ProfileCues {
        do {
            return try JSONDecoder().decode(ProfileCues.self, from: Data(contentsOf: url))
        } catch {
            throw FeatureError.badConfiguration(path: url.path, reason: "\(error)")
        }
    }
}

/// A profile as the engine reads it: terms, tags with what triggered them, and attributes with
/// where each came from (a field, a word of the text, or the gazetteer's facts on a region the
/// text names).
public struct AnalyzedProfile: Sendable {
    public struct Tag: Sendable, Equatable, Codable {
        public let key: String
        public let label: String
        public let group: String
        /// "focus", or the words of the text that triggered it.
        public let source: String
    }

    public struct Attributes: Sendable, Equatable, Codable {
        public var level: Fact<String>?
        public var province: Fact<String>?
        public var terrain: Fact<[String]>?
        public var economy: Fact<String>?
        public var ethnicMinority: Fact<Bool>?
        public var urbanization: Fact<String>?
        public var aging: Fact<Bool>?
        public var revolutionaryBase: Fact<Bool>?
        public var macroRegion: Fact<String>?

        /// Nothing known yet.
        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case level, province, terrain, economy, urbanization, aging
            case ethnicMinority = "ethnic_minority"
            case revolutionaryBase = "revolutionary_base"
            case macroRegion = "macro_region"
        }
    }

    public let profile: RegionProfile
    public let terms: [String]
    public let tags: [Tag]
    public let attributes: Attributes
    /// The region the profile names (province field, or the place the text is about).
    public let region: RegionAttributes?
    /// The special actions the text already plans (a county's own plan): action tags of the text.
    public var plannedActions: [Tag] { tags.filter { $0.group == "action" && $0.source != "focus" } }
}

public struct ProfileAnalyzer: Sendable {
    public let analyzer: TermAnalyzer
    public let tagger: Tagger
    public let gazetteer: Gazetteer
    public let cues: ProfileCues
    /// The longest profile or query text, in characters (`features.max_text_characters`): the
    /// same limit whether the text comes from the command line, a file or the daemon.
    public let maxTextCharacters: Int

    public init(analyzer: TermAnalyzer, tagger: Tagger, gazetteer: Gazetteer, cues: ProfileCues, maxTextCharacters: Int = 100_000) {
        self.analyzer = analyzer
        self.tagger = tagger
        self.gazetteer = gazetteer
        self.cues = cues
        self.maxTextCharacters = maxTextCharacters
    }

    /// Refuses a text over `maxTextCharacters`, naming `field`.
    public func checkLength(of text: String?, field: String = "text") throws {
        guard let text else { return }
        let count = text.count
        if count > maxTextCharacters {
            throw ProfileError(field: field, message: "over \(maxTextCharacters) characters (\(count)); features.max_text_characters sets the limit")
        }
    }

    /// Validates and analyses a profile; throws `ProfileError` naming the field at fault.
    public func analyze(_ profile: RegionProfile) throws -> AnalyzedProfile {
        try checkLength(of: profile.text)
        let profile = profile.inCanonicalWords(cues.fieldWords, taxonomy: tagger.taxonomy)
        try profile.validate(focusKeys: Set(tagger.taxonomy.keys), fieldWords: cues.fieldWords)
        let text = analyzer.normalizer.normalize(profile.text ?? "")
        let terms = analyzer.terms(normalized: text)

        var tags: [AnalyzedProfile.Tag] = []
        for key in profile.focus ?? [] {
            if let tag = tagger.taxonomy.tag(key), !tags.contains(where: { $0.key == key }) {
                tags.append(.init(key: key, label: tag.label, group: tag.group, source: "focus"))
            }
        }
        for hit in tagger.tags(in: text) where !tags.contains(where: { $0.key == hit.key }) {
            tags.append(.init(key: hit.key, label: hit.label, group: hit.group, source: "text: \(hit.matched)"))
        }

        let region = namedRegion(profile: profile, text: text)
        var attributes = AnalyzedProfile.Attributes()
        // 1. Structured fields.
        attributes.level = profile.level.map { Fact($0, source: "field level") }
        attributes.province = profile.province.map { Fact($0, source: "field province") }
        if let terrain = profile.terrain, !terrain.isEmpty { attributes.terrain = Fact(terrain, source: "field terrain") }
        attributes.economy = profile.economy.map { Fact($0, source: "field economy") }
        attributes.ethnicMinority = profile.ethnicMinority.map { Fact($0, source: "field ethnic_minority") }
        attributes.urbanization = profile.urbanization.map { Fact($0, source: "field urbanization") }
        if let share = profile.agingShare { attributes.aging = Fact(share >= 0.14, source: "field aging_share \(share) (aged society from 14%)") }
        let cueText = CueText(text)
        try checkAgreement(of: profile, with: cueText)
        // 2. Words of the text.
        if attributes.terrain == nil {
            let found = cues.terrain.keys.sorted().compactMap { key in firstCue(cues.terrain[key]!, in: cueText).map { (key, $0) } }
            if !found.isEmpty { attributes.terrain = Fact(found.map(\.0), source: "text: " + found.map(\.1).joined(separator: "、")) }
        }
        attributes.economy = attributes.economy ?? cueFact(cues.economy, in: cueText)
        attributes.urbanization = attributes.urbanization ?? cueFact(cues.urbanization, in: cueText)
        attributes.level = attributes.level ?? cueFact(cues.level, in: cueText)
        if attributes.ethnicMinority == nil, let cue = firstCue(cues.ethnicMinority, in: cueText) {
            attributes.ethnicMinority = Fact(true, source: "text: \(cue)")
        }
        if attributes.aging == nil, let cue = firstCue(cues.aging, in: cueText) { attributes.aging = Fact(true, source: "text: \(cue)") }
        // 3. The gazetteer's facts on the region named.
        if let region {
            let place = region.name
            attributes.level = attributes.level ?? Fact(region.level, source: "gazetteer: \(place)")
            attributes.province = attributes.province ?? region.province.map { Fact($0, source: "gazetteer: \(place)") }
            if attributes.terrain == nil, let terrain = region.terrain { attributes.terrain = Fact(terrain.value, source: "gazetteer: \(place) (\(terrain.source))") }
            if attributes.economy == nil, let poverty = region.formerPovertyCounty, poverty.value {
                attributes.economy = Fact("former_poverty", source: "gazetteer: \(place) (\(poverty.source))")
            }
            if attributes.ethnicMinority == nil, let ethnic = region.ethnicAutonomous {
                attributes.ethnicMinority = Fact(ethnic.value, source: "gazetteer: \(place) (\(ethnic.source))")
            }
            if attributes.urbanization == nil, let urban = region.urbanRural {
                attributes.urbanization = Fact(urban.value, source: "gazetteer: \(place) (\(urban.source))")
            }
            attributes.revolutionaryBase = region.revolutionaryBase.map { Fact($0.value, source: "gazetteer: \(place) (\($0.source))") }
            attributes.macroRegion = region.macroRegion.map { Fact($0.value, source: "gazetteer: \(place) (\($0.source))") }
        }
        return AnalyzedProfile(profile: profile, terms: terms, tags: tags, attributes: attributes, region: region)
    }

    /// Refuses a profile whose fields say one thing and whose text another (urbanization
    /// "urban" with a text about 农村 only): ranking would silently follow the field, and the
    /// region fit weighs most in the score. A field stands when the text also has a word for
    /// it (城区 and 农民工 in one text) or names nothing on that point.
    private func checkAgreement(of profile: RegionProfile, with text: CueText) throws {
        func found(in table: [String: [String]]) -> [String: String] {
            table.compactMapValues { firstCue($0, in: text) }
        }
        func refuse(_ field: String, _ value: String, _ found: [String: String]) throws {
            let said = found.sorted { $0.key < $1.key }.map { "\($0.value)（\($0.key)）" }.joined(separator: "、")
            throw ProfileError(field: field, message: "'\(value)' contradicts the text, which says \(said); correct the field or the text")
        }
        if let terrain = profile.terrain, !terrain.isEmpty {
            // Hills and mountains go together in most counties (D02 丘陵山区): one family here.
            let family = { (key: String) in key == "hill" ? "mountain" : key }
            let found = found(in: cues.terrain)
            if !found.isEmpty, Set(found.keys.map(family)).isDisjoint(with: terrain.map(family)) {
                try refuse("terrain", terrain.joined(separator: ", "), found)
            }
        }
        let poor: Set = ["poverty", "former_poverty"]
        if let economy = profile.economy, economy != "developing" {
            let found = found(in: cues.economy).filter { $0.key != "developing" }
            let agrees = found.keys.contains { $0 == economy || (poor.contains($0) && poor.contains(economy)) }
            if !found.isEmpty, !agrees { try refuse("economy", economy, found) }
        }
        if let urbanization = profile.urbanization, urbanization != "mixed" {
            let found = found(in: cues.urbanization)
            if !found.isEmpty, found[urbanization] == nil { try refuse("urbanization", urbanization, found) }
        }
        if let level = profile.level {
            let found = found(in: cues.level)
            let countyLevel: Set = ["county", "district"]
            let agrees = found.keys.contains { $0 == level || (countyLevel.contains($0) && countyLevel.contains(level)) }
            if !found.isEmpty, !agrees { try refuse("level", level, found) }
        }
        if profile.ethnicMinority == false, let cue = firstCue(cues.ethnicMinority, in: text) {
            try refuse("ethnic_minority", "false", ["ethnic_minority": cue])
        }
    }

    /// The place a profile is about: the county its text names most (a county's own plan names
    /// itself throughout), else a prefecture, else the province field or the province named.
    private func namedRegion(profile: RegionProfile, text: String) -> RegionAttributes? {
        let mentioned = gazetteer.resolver.mentionedUnits(in: (profile.name ?? "") + " " + text)
        for kind in [DivisionTable.Unit.Kind.county, .prefecture, .province] {
            if let best = mentioned.first(where: { $0.unit.kind == kind }), let attributes = gazetteer.attributes(code: best.unit.code) {
                return attributes
            }
        }
        if let province = profile.province {
            let (units, _) = gazetteer.resolver.matchPrefix(province)
            if let unit = units.first(where: { $0.kind == .province }) { return gazetteer.attributes(code: unit.code) }
        }
        return nil
    }

    /// The cue word found earliest in the text.
    private func firstCue(_ words: [String], in text: CueText) -> String? {
        words.compactMap { word in text.firstOffset(of: word).map { (word, $0) } }.min { $0.1 < $1.1 }?.0
    }

    private func cueFact(_ table: [String: [String]], in text: CueText) -> Fact<String>? {
        for key in table.keys.sorted() {
            if let cue = firstCue(table[key]!, in: text) { return Fact(key, source: "text: \(cue)") }
        }
        return nil
    }
}

/// A profile's text as Unicode scalars, searched for cue words. Foundation's `range(of:)`
/// folds character clusters at every step; on normalised text a scalar comparison finds the
/// same words (as in `Tagger`) at a fraction of the cost, and a daemon analyses a profile per
/// request.
struct CueText {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Scalar offset of the first occurrence of `word`.
    func firstOffset(of word: String) -> Int? {
        let pattern = Array(word.unicodeScalars)
        guard let head = pattern.first, pattern.count <= scalars.count else { return nil }
        for start in 0...(scalars.count - pattern.count) where scalars[start] == head {
            if scalars[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
        }
        return nil
    }
}
