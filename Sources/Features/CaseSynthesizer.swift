import Corpus
import Foundation
import Regions

/// Realistic cases for scale benchmarks (`practiced synth --corpus N`): each one a real case's
/// background and outcomes with practices drawn from real cases, placed in a real county-level
/// division of the gazetteer, its source's place names replaced by the new place's. Texts,
/// regions and tags then vary as in a real library, unlike repeating the corpus (whose copies
/// all share one region per case and make every term's postings grow in lockstep). Same seed,
/// same corpus.
public struct CaseSynthesizer: Sendable {
    /// A county-level division to place a case in.
    public struct Place: Sendable, Equatable {
        public let province: String
        public let prefecture: String?
        public let county: String

        public init(province: String, prefecture: String?, county: String) {
            (self.province, self.prefecture, self.county) = (province, prefecture, county)
        }
    }

    /// The real cases that have practices: each synthetic case's base and its practices' donors.
    let cases: [CaseRecord]
    let places: [Place]
    let seed: UInt64

    public init(cases: [CaseRecord], places: [Place], seed: UInt64 = 1) {
        precondition(!places.isEmpty, "at least one place")
        self.cases = cases.filter { !$0.practices.isEmpty }
        precondition(!self.cases.isEmpty, "at least one case with practices")
        self.places = places
        self.seed = seed
    }

    /// Every county-level division of the table (not the placeholders 市辖区 and the like), in
    /// code order.
    public static func places(in table: DivisionTable) -> [Place] {
        table.units.values.filter { $0.kind == .county && !table.isPlaceholder($0) }
            .sorted { $0.code < $1.code }
            .compactMap { unit in
                let chain = table.chain(of: unit)
                return chain.province.map { Place(province: $0.name, prefecture: chain.prefecture?.name, county: unit.name) }
            }
    }

    /// `count` cases with ids `<sourceId>-1` … in the corpus's JSON Lines form.
    public func cases(count: Int, sourceId: String) -> [CaseRecord] {
        var random = SplitMix64(seed: seed)
        func pick(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        return (0..<count).map { index in
            let base = cases[pick(cases.count)], place = places[pick(places.count)]
            let id = "\(sourceId)-\(index + 1)"
            // As many practices as the base case has (one to five): about half its own, the rest
            // from other cases, so that cases mix topics as real ones do.
            let practiceCount = min(max(base.practices.count, 1), 5)
            let drawn: [(practice: Practice, from: CaseRecord)] = (0..<practiceCount).map { position in
                if position < base.practices.count, random.next() % 2 == 0 { return (base.practices[position], base) }
                let donor = cases[pick(cases.count)]
                return (donor.practices[pick(donor.practices.count)], donor)
            }
            let practices = drawn.enumerated().map { position, item in
                Practice(id: "\(id)-p\(position + 1)", heading: Self.moved(item.practice.heading, from: item.from, to: place),
                         text: Self.moved(item.practice.text, from: item.from, to: place))
            }
            let background = base.background.map { Self.moved($0, from: base, to: place) }
            let outcomes = base.outcomes.map { Self.moved($0, from: base, to: place) }
            let text = ([background].compactMap { $0 } + practices.map(\.text) + [outcomes].compactMap { $0 }).joined(separator: "\n")
            let figures = Set(drawn.flatMap(\.from.figures) + base.figures).sorted().filter { text.contains($0) }
            let level = place.county.hasSuffix("区") ? "district" : "county"
            return CaseRecord(
                id: id, source: SourceInfo(id: sourceId, file: "\(sourceId).jsonl", title: "合成案例库（practiced synth）",
                                           issuer: nil, docNumber: nil, year: base.source.year),
                ordinal: index + 1, title: base.title.map { Self.moved($0, from: base, to: place) },
                region: RegionInfo(name: place.county, province: place.province, prefecture: place.prefecture, county: place.county,
                                   subUnit: nil, level: level),
                category: base.category, background: background, practices: practices, outcomes: outcomes,
                lessons: nil, figures: figures, text: text)
        }
    }

    /// `text` with the source case's place names (county, prefecture, province, as written and
    /// without their suffix) replaced by the new place's.
    static func moved(_ text: String, from source: CaseRecord, to place: Place) -> String {
        var result = text
        let pairs: [(String?, String?)] = [
            (source.region.county, place.county), (source.region.prefecture, place.prefecture), (source.region.province, place.province),
        ]
        for (old, new) in pairs {
            guard let old, let new, old != new else { continue }
            result = result.replacingOccurrences(of: old, with: new)
            // 象山 for 象山县, 宁波 for 宁波市: the short forms texts use.
            let shortOld = shortName(old), shortNew = shortName(new)
            if shortOld.count >= 2, shortNew.count >= 2 { result = result.replacingOccurrences(of: shortOld, with: shortNew) }
        }
        return result
    }

    /// A name without its last character when that is a level suffix (县 市 区 旗 省).
    static func shortName(_ name: String) -> String {
        guard let last = name.last, "县市区旗省".contains(last), name.count > 2 else { return name }
        return String(name.dropLast())
    }
}
