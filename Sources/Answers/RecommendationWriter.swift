import Corpus
import Engine
import Features
import Foundation
import Profiles
import Regions

/// Writes `recommend`'s JSON answer from pieces encoded once per practice.
///
/// What a practice's item says about its source (ids, title, heading, text, region,
/// provenance, evidence) does not depend on the request; encoding it again for every answer
/// was a third of the daemon's time per recommendation. Those pieces are encoded with the same
/// JSONEncoder the first time a practice is answered, and kept (at load time, all of them were
/// a third of a 50,000-case start); each answer writes only what depends on the request (rank,
/// score, components, why and the profile, by `JSONText`) and joins them in the
/// sorted key order JSONEncoder would use. The tests encode the whole answer the plain way
/// (`RecommendationJSON` in Tests/AnswersTests) and hold the two to the same bytes.
public final class RecommendationWriter: Sendable {
    /// Per practice index: the fixed members of its item, as `"key":value` in key order, split
    /// around the dynamic members.
    private let fixed = RowMemo<Fixed>()
    private let recommender: Recommender
    /// Per ranking feature, `"label":…,"name":…` of its entry in `why.features`.
    private let featureMembers: [RankingFeature: [UInt8]]

    struct Fixed: Sendable {
        /// "case_id", "case_title" (before "components").
        let head: [UInt8]
        /// "heading", "practice_id", "provenance" (after "evidence", before "rank").
        let middle: [UInt8]
        /// "region" (after "rank", before "score").
        let region: [UInt8]
        /// "text" (after "score", before "why").
        let text: [UInt8]
        /// "evidence": per practice, fixed too.
        let evidence: [UInt8]

        var size: Int { head.count + middle.count + region.count + text.count + evidence.count }
    }

    public init(recommender: Recommender) throws {
        self.recommender = recommender
        featureMembers = try Dictionary(uniqueKeysWithValues: RankingFeature.allCases.map { feature in
            (feature, try Self.member("label", recommender.model.label(feature)) + Self.comma + Self.member("name", feature.rawValue))
        })
    }

    private static let comma = Array(",".utf8)

    private static func member(_ key: String, _ value: some Encodable) throws -> [UInt8] {
        Array("\"\(key)\":".utf8) + (try AnswerEncoding.encoder.encode(value))
    }

    /// A practice's fixed pieces: encoded on its first answer, then kept.
    private func pieces(_ practice: Int) throws -> Fixed {
        try fixed.value(practice) { try encodedPieces(practice) }
    }

    private func encodedPieces(_ practice: Int) throws -> Fixed {
        let features = recommender.scorer.features, comma = Self.comma
        let record = recommender.cases[features.practiceCaseRows[practice]]
        let item = record.practices.first { $0.id == features.practiceIds[practice] }
        let title: String? = record.title
        return Fixed(
            head: try Self.member("case_id", record.id) + comma + Self.member("case_title", title),
            middle: try Self.member("heading", item?.heading ?? "") + comma + Self.member("practice_id", features.practiceIds[practice])
                + comma + Self.member("provenance", ProvenanceAnswer(record)),
            region: try Self.member("region", RegionAnswer(record)),
            text: try Self.member("text", item?.text ?? ""),
            evidence: try Self.member("evidence", recommender.evidence(ofPractice: practice)))
    }

    public func envelope(_ profile: AnalyzedProfile, _ items: [Recommendation]) throws -> Data {
        let understood = RecommendationEnvelope.Profile(
            id: profile.profile.id, name: profile.profile.name,
            tags: profile.tags.map { TagAnswer(key: $0.key, label: $0.label, source: $0.source) }, attributes: profile.attributes)
        // Bytes in an array reserved once (appending to Data piece by piece cost a tenth of a
        // request), turned into Data at the end.
        let fixed = try items.map { try pieces($0.practiceIndex) }
        var output: [UInt8] = []
        output.reserveCapacity(fixed.reduce(1_024) { $0 + $1.size + 512 })
        output.append(contentsOf: "{\"practices\":[".utf8)
        for (index, item) in items.enumerated() {
            let pieces = fixed[index], scored = item.scoredCase
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "{"))
            output.append(contentsOf: pieces.head)
            // The members that depend on the request, written directly (`JSONText`), keys in order.
            output.append(contentsOf: ",\"components\":{\"region\":".utf8)
            JSONText.append(scored.region, to: &output)
            output.append(contentsOf: ",\"semantic\":".utf8)
            JSONText.append(scored.semantic, to: &output)
            output.append(contentsOf: ",\"tags\":".utf8)
            JSONText.append(scored.tags, to: &output)
            output.append(contentsOf: ",\"text\":".utf8)
            JSONText.append(scored.text, to: &output)
            output.append(contentsOf: "},".utf8)
            output.append(contentsOf: pieces.evidence)
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: pieces.middle)
            output.append(contentsOf: ",\"rank\":\(item.rank),".utf8)
            output.append(contentsOf: pieces.region)
            output.append(contentsOf: ",\"score\":".utf8)
            JSONText.append(item.score, to: &output)
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: pieces.text)
            output.append(contentsOf: ",\"why\":{\"features\":[".utf8)
            for (position, raised) in item.raised.enumerated() {
                output.append(contentsOf: (position == 0 ? "{\"contribution\":" : ",{\"contribution\":").utf8)
                JSONText.append(raised.contribution, to: &output)
                output.append(UInt8(ascii: ","))
                output.append(contentsOf: featureMembers[raised.feature]!)
                output.append(UInt8(ascii: "}"))
            }
            output.append(contentsOf: "],\"matched_tags\":".utf8)
            JSONText.append(scored.matchedTags, to: &output)
            output.append(contentsOf: ",\"region_fit\":".utf8)
            JSONText.append(regionFitSentence(scored.regionFit), to: &output)
            output.append(contentsOf: ",\"terms\":".utf8)
            JSONText.append(item.terms, to: &output)
            output.append(UInt8(ascii: "}"))
            output.append(UInt8(ascii: "}"))
        }
        output.append(contentsOf: "],\"profile\":".utf8)
        Self.appendProfile(understood, to: &output)
        output.append(UInt8(ascii: "}"))
        return Data(output)
    }

    /// The profile as understood, as JSONEncoder writes `RecommendationEnvelope.Profile`: keys
    /// sorted, absent members left out (it was a quarter of the answer's writing time).
    static func appendProfile(_ profile: RecommendationEnvelope.Profile, to output: inout [UInt8]) {
        var first = true
        func key(_ name: String) {
            output.append(contentsOf: (first ? "\"" : ",\"").utf8)
            output.append(contentsOf: name.utf8)
            output.append(contentsOf: "\":".utf8)
            first = false
        }
        func fact<Value>(_ name: String, _ fact: Fact<Value>?, _ value: (Value, inout [UInt8]) -> Void) {
            guard let fact else { return }
            key(name)
            output.append(contentsOf: "{\"source\":".utf8)
            JSONText.append(fact.source, to: &output)
            output.append(contentsOf: ",\"value\":".utf8)
            value(fact.value, &output)
            output.append(UInt8(ascii: "}"))
        }
        let string: (String, inout [UInt8]) -> Void = { JSONText.append($0, to: &$1) }
        let strings: ([String], inout [UInt8]) -> Void = { JSONText.append($0, to: &$1) }
        let boolean: (Bool, inout [UInt8]) -> Void = { $1.append(contentsOf: ($0 ? "true" : "false").utf8) }
        let attributes = profile.attributes
        output.append(contentsOf: "{\"attributes\":{".utf8)
        fact("aging", attributes.aging, boolean)
        fact("economy", attributes.economy, string)
        fact("ethnic_minority", attributes.ethnicMinority, boolean)
        fact("level", attributes.level, string)
        fact("macro_region", attributes.macroRegion, string)
        fact("province", attributes.province, string)
        fact("revolutionary_base", attributes.revolutionaryBase, boolean)
        fact("terrain", attributes.terrain, strings)
        fact("urbanization", attributes.urbanization, string)
        output.append(UInt8(ascii: "}"))
        if let id = profile.id {
            output.append(contentsOf: ",\"id\":".utf8)
            JSONText.append(id, to: &output)
        }
        if let name = profile.name {
            output.append(contentsOf: ",\"name\":".utf8)
            JSONText.append(name, to: &output)
        }
        output.append(contentsOf: ",\"tags\":[".utf8)
        for (index, tag) in profile.tags.enumerated() {
            output.append(contentsOf: (index == 0 ? "{\"key\":" : ",{\"key\":").utf8)
            JSONText.append(tag.key, to: &output)
            output.append(contentsOf: ",\"label\":".utf8)
            JSONText.append(tag.label, to: &output)
            output.append(contentsOf: ",\"source\":".utf8)
            JSONText.append(tag.source, to: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append(contentsOf: "]}".utf8)
    }
}
