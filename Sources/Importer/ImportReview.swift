import Corpus
import Foundation

/// What `practiced import` shows an official after reading a document, to be checked in a minute
/// against the document itself: per case its number, source line, title, region and level, how
/// many practices and the first, and a mark on every value that was a guess. Nothing is left
/// silently empty: a case without region or practices is also a warning with its line.
public enum ImportReview {
    /// Two lines per case, under a line for the document.
    public static func text(_ document: ImportedDocument, file: String) -> String {
        let note = document.encoding == "UTF-8" ? "" : ", converted from \(document.encoding)"
        var lines = ["\(file): \(document.cases.count) cases\(note)"]
        var about: [String] = []
        if let title = document.source.title { about.append(title) }
        if let place = document.place { about.append("read in \(place)") }
        if !about.isEmpty { lines.append("  " + about.joined(separator: "; ")) }
        for review in document.reviews {
            let record = review.record
            let ordinal = String(record.ordinal)
            lines.append("  \(String(repeating: " ", count: max(0, 3 - ordinal.count)))\(ordinal)  \(record.id)  line \(review.line)  \(record.title ?? "(no title)")")
            var second = "       \(region(of: record))  ·  \(practices(of: record))"
            if !review.guesses.isEmpty { second += "  ·  guessed: " + review.guesses.joined(separator: "; ") }
            lines.append(second)
        }
        return lines.joined(separator: "\n")
    }

    /// 河北省 石家庄市 河北医科大学第一医院 (institution, as written 河北医科大学第一医院).
    static func region(of record: CaseRecord) -> String {
        let region = record.region
        let chain = [region.province, region.prefecture, region.county, region.subUnit].compactMap { $0 }
        guard !chain.isEmpty else {
            return region.name.isEmpty ? "no region" : "region not found: \(region.name)"
        }
        var detail = [region.level ?? "level unknown"]
        if !region.name.isEmpty, region.name != chain.last { detail.append("as written \(region.name)") }
        return chain.joined(separator: " ") + " (" + detail.joined(separator: ", ") + ")"
    }

    static func practices(of record: CaseRecord) -> String {
        guard let first = record.practices.first else { return "no practices" }
        let count = record.practices.count
        return "\(count) practice\(count == 1 ? "" : "s"), first: \(first.heading)"
    }

    /// The same as JSON: {"documents": [{file, source_id, encoding, title, place, cases: […],
    /// warnings: […]}]}.
    public static func json(_ documents: [ImportedDocument], files: [String]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let reviewed = zip(documents, files).map { document, file in
            Document(
                file: file, sourceId: document.source.id, encoding: document.encoding, title: document.source.title,
                place: document.place, warnings: document.warnings,
                cases: document.reviews.map { review in
                    Case(id: review.record.id, ordinal: review.record.ordinal, line: review.line, title: review.record.title,
                         region: review.record.region, practices: review.record.practices.count,
                         firstPractice: review.record.practices.first?.heading, guesses: review.guesses)
                })
        }
        return try encoder.encode(["documents": reviewed])
    }

    struct Document: Encodable {
        let file: String
        let sourceId: String
        let encoding: String
        let title: String?
        let place: String?
        let warnings: [String]
        let cases: [Case]

        enum CodingKeys: String, CodingKey {
            case file, sourceId = "source_id", encoding, title, place, warnings, cases
        }
    }

    struct Case: Encodable {
        let id: String
        let ordinal: Int
        let line: Int
        let title: String?
        let region: RegionInfo
        let practices: Int
        let firstPractice: String?
        let guesses: [String]

        enum CodingKeys: String, CodingKey {
            case id, ordinal, line, title, region, practices, firstPractice = "first_practice", guesses
        }

        // Nulls written out: the review shows what is missing rather than leaving it out.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(ordinal, forKey: .ordinal)
            try container.encode(line, forKey: .line)
            try container.encode(title, forKey: .title)
            try container.encode(region, forKey: .region)
            try container.encode(practices, forKey: .practices)
            try container.encode(firstPractice, forKey: .firstPractice)
            try container.encode(guesses, forKey: .guesses)
        }
    }
}
