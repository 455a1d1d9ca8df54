import Corpus
import Engine
import Features
import Foundation
import Profiles

/// The answers' JSON as typed values, encoded with JSONEncoder (keys sorted): the same bytes
/// from the command line and the daemon. Typed rather than dictionaries because the daemon
/// encodes one per request: JSONSerialization with sorted keys collates every key through ICU
/// and was a third of a recommendation's time.
enum AnswerEncoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func encode(_ value: some Encodable) throws -> Data { try encoder.encode(value) }
}

/// Where a case ran (null where unknown).
struct RegionAnswer: Encodable {
    let name: String
    let province, prefecture, county, level: String?

    init(_ record: CaseRecord) {
        name = record.region.name
        (province, prefecture, county, level) = (record.region.province, record.region.prefecture, record.region.county, record.region.level)
    }

    enum CodingKeys: String, CodingKey { case name, province, prefecture, county, level }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(province, forKey: .province)
        try container.encode(prefecture, forKey: .prefecture)
        try container.encode(county, forKey: .county)
        try container.encode(level, forKey: .level)
    }
}

/// Where a case was published (null where the document does not say).
struct ProvenanceAnswer: Encodable {
    let document, issuer, docNumber: String?
    let year: Int?
    let file: String

    init(_ record: CaseRecord) {
        (document, issuer, docNumber, year, file) = (record.source.title, record.source.issuer, record.source.docNumber, record.source.year, record.source.file)
    }

    enum CodingKeys: String, CodingKey {
        case document, issuer, year, file
        case docNumber = "doc_number"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(docNumber, forKey: .docNumber)
        try container.encode(year, forKey: .year)
        try container.encode(file, forKey: .file)
    }
}

struct TagAnswer: Encodable {
    let key, label, source: String
}

struct RecommendationEnvelope: Encodable {
    struct Profile: Encodable {
        let id, name: String?
        let tags: [TagAnswer]
        let attributes: AnalyzedProfile.Attributes
    }

    struct Item: Encodable {
        struct Components: Encodable { let text, semantic, tags, region: Double }
        struct Why: Encodable {
            /// A feature of the ranking model that raised the item's score, by how much.
            struct Feature: Encodable {
                let name, label: String
                let contribution: Double
            }

            /// The features that raised the score most, largest first.
            let features: [Feature]
            let matchedTags, terms: [String]
            let regionFit: String
            enum CodingKeys: String, CodingKey {
                case terms, features
                case matchedTags = "matched_tags"
                case regionFit = "region_fit"
            }
        }

        let rank: Int
        let practiceId, caseId: String
        let caseTitle: String?
        let region: RegionAnswer
        let heading, text: String
        let score: Double
        let components: Components
        let why: Why
        let evidence: [String]
        let provenance: ProvenanceAnswer

        enum CodingKeys: String, CodingKey {
            case rank, region, heading, text, score, components, why, evidence, provenance
            case practiceId = "practice_id", caseId = "case_id", caseTitle = "case_title"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rank, forKey: .rank)
            try container.encode(practiceId, forKey: .practiceId)
            try container.encode(caseId, forKey: .caseId)
            try container.encode(caseTitle, forKey: .caseTitle)
            try container.encode(region, forKey: .region)
            try container.encode(heading, forKey: .heading)
            try container.encode(text, forKey: .text)
            try container.encode(score, forKey: .score)
            try container.encode(components, forKey: .components)
            try container.encode(why, forKey: .why)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(provenance, forKey: .provenance)
        }
    }

    let profile: Profile
    let practices: [Item]
}

struct SimilarEnvelope: Encodable {
    struct Item: Encodable {
        /// The weighted mean of the first three, less `hubness` (what the hubness correction took
        /// off), is the score.
        struct Components: Encodable { let semantic, text, tags, hubness: Double }
        /// A practice of the query case and the practice of this case it matches best.
        struct Pair: Encodable {
            let query: String
            let match: String
            let cosine: Double
        }
        struct Why: Encodable {
            let terms, tags: [String]
            let practices: [Pair]
        }

        let rank: Int
        let caseId: String
        let title: String?
        let region: RegionAnswer
        let score: Double
        let components: Components
        let why: Why
        let provenance: ProvenanceAnswer

        enum CodingKeys: String, CodingKey {
            case rank, title, region, score, components, why, provenance
            case caseId = "case_id"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rank, forKey: .rank)
            try container.encode(caseId, forKey: .caseId)
            try container.encode(title, forKey: .title)
            try container.encode(region, forKey: .region)
            try container.encode(score, forKey: .score)
            try container.encode(components, forKey: .components)
            try container.encode(why, forKey: .why)
            try container.encode(provenance, forKey: .provenance)
        }
    }

    /// The query: a case of the corpus, or a text with the tags found in it.
    struct Query: Encodable {
        let caseId: String?
        let title: String?
        let region: RegionAnswer?
        let text: String?
        let tags: [TagAnswer]?
        /// A pasted text's practices as the importer read them: the ids `why.practices` names.
        let practices: [PracticeHeading]?

        struct PracticeHeading: Encodable {
            let id, heading: String
        }

        enum CodingKeys: String, CodingKey {
            case title, region, text, tags, practices
            case caseId = "case_id"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if let caseId {
                try container.encode(caseId, forKey: .caseId)
                try container.encode(title, forKey: .title)
                try container.encode(region, forKey: .region)
            } else {
                try container.encode(text, forKey: .text)
                try container.encode(tags, forKey: .tags)
                try container.encode(practices ?? [], forKey: .practices)
            }
        }
    }

    let query: Query
    let similar: [Item]
}
