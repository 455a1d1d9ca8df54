import Engine
import Features
import Foundation

/// Writes `recommend`'s JSON answer from pieces encoded once per practice.
///
/// What a practice's item says about its source (ids, title, heading, text, region,
/// provenance, evidence) does not depend on the request; encoding it again for every answer
/// was a third of the daemon's time per recommendation. Those pieces are encoded at load time
/// with the same JSONEncoder; each answer writes only what depends on the request (rank,
/// score, components and why by `JSONText`, the profile by JSONEncoder) and joins them in the
/// sorted key order JSONEncoder would use. `RecommendationJSON.envelope` encodes the whole answer the plain way; a test
/// holds the two to the same bytes.
public final class RecommendationWriter: Sendable {
    /// Per practice index: the fixed members of its item, as `"key":value` in key order, split
    /// around the dynamic members.
    private let fixed: [Fixed]

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
        let features = recommender.scorer.features
        let encoder = AnswerEncoding.encoder
        func member(_ key: String, _ value: some Encodable) throws -> [UInt8] {
            Array("\"\(key)\":".utf8) + (try encoder.encode(value))
        }
        let comma = Array(",".utf8)
        fixed = try features.practiceIds.indices.map { practice in
            let record = recommender.cases[features.practiceCaseRows[practice]]
            let item = record.practices.first { $0.id == features.practiceIds[practice] }
            let title: String? = record.title
            return Fixed(
                head: try member("case_id", record.id) + comma + member("case_title", title),
                middle: try member("heading", item?.heading ?? "") + comma + member("practice_id", features.practiceIds[practice])
                    + comma + member("provenance", ProvenanceAnswer(record)),
                region: try member("region", RegionAnswer(record)),
                text: try member("text", item?.text ?? ""),
                evidence: try member("evidence", recommender.evidence(ofPractice: practice)))
        }
    }

    public func envelope(_ profile: AnalyzedProfile, _ items: [Recommendation]) throws -> Data {
        let encoder = AnswerEncoding.encoder
        let understood = RecommendationEnvelope.Profile(
            id: profile.profile.id, name: profile.profile.name,
            tags: profile.tags.map { TagAnswer(key: $0.key, label: $0.label, source: $0.source) }, attributes: profile.attributes)
        // Bytes in an array reserved once (appending to Data piece by piece cost a tenth of a
        // request), turned into Data at the end.
        var output: [UInt8] = []
        output.reserveCapacity(items.reduce(1_024) { $0 + fixed[$1.practiceIndex].size + 512 })
        output.append(contentsOf: "{\"practices\":[".utf8)
        for (index, item) in items.enumerated() {
            let pieces = fixed[item.practiceIndex], scored = item.scoredCase
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
            output.append(contentsOf: ",\"why\":{\"matched_tags\":".utf8)
            JSONText.append(scored.matchedTags, to: &output)
            output.append(contentsOf: ",\"region_fit\":".utf8)
            JSONText.append(regionFitSentence(scored.regionFit), to: &output)
            output.append(contentsOf: ",\"terms\":".utf8)
            JSONText.append(item.terms, to: &output)
            output.append(UInt8(ascii: "}"))
            output.append(UInt8(ascii: "}"))
        }
        output.append(contentsOf: "],\"profile\":".utf8)
        output.append(contentsOf: try encoder.encode(understood))
        output.append(UInt8(ascii: "}"))
        return Data(output)
    }
}
