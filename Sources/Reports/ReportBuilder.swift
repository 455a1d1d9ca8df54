import Answers
import Corpus
import Engine
import Features
import Foundation
import Profiles
import Regions

/// Builds a region's report from the engine: its recommendations grouped by Healthy China
/// action, similar cases, where the recommendations come from, the map of all cases and, for
/// a plan, the plan review. Pure: the same profile and model give the same report.
public struct ReportBuilder: Sendable {
    public let recommender: Recommender
    public let similar: SimilarCases
    public let profiles: ProfileAnalyzer
    /// Practices per report.
    public var top: Int
    let tagLabels: [String: String]
    /// The words of place attributes, tag groups and sources (`config/labels.json`).
    var labels: DomainLabels { recommender.scorer.labels }
    let titles: [String]
    /// Each case's first two LSA components (the map's coordinates).
    let coordinates: [(Double, Double)]

    public init(recommender: Recommender, similar: SimilarCases, profiles: ProfileAnalyzer, top: Int = 10) {
        self.recommender = recommender
        self.similar = similar
        self.profiles = profiles
        self.top = top
        tagLabels = Dictionary(uniqueKeysWithValues: recommender.scorer.taxonomy.tags.map { ($0.key, $0.label) })
        titles = zip(recommender.cases.facts, recommender.cases.ids).map { $0.title ?? "案例 \($1)" }
        let vectors = recommender.scorer.similarity.space.caseVectors
        coordinates = (0..<vectors.rows).map { row in
            let vector = vectors.row(row)
            return (vector.first ?? 0, vector.dropFirst().first ?? 0)
        }
    }

    /// The report of one profile; `file` names its files, `origin` where the profile came from.
    public func report(for profile: RegionProfile, file: String, origin: String) throws -> RegionReport {
        let analyzed = try profiles.analyze(profile)
        let items = try recommender.recommend(analyzed, top: top)
        let practices = items.map { practiceView($0, rank: $0.rank, fills: nil) }
        var groups: [ActionGroup] = []
        for (item, view) in zip(items, practices) {
            let action = actionLabel(row: item.scoredCase.row)
            if let index = groups.firstIndex(where: { $0.action == action }) {
                groups[index] = ActionGroup(action: action, practices: groups[index].practices + [view])
            } else {
                groups.append(ActionGroup(action: action, practices: [view]))
            }
        }
        // The profile's needs: its tags, for similar cases and for the coverage of the list.
        let needs = Set(analyzed.tags.map(\.key))
        let similarCases = try similar.similar(toTerms: analyzed.terms, tags: needs, top: 5)
        let answered = needs.filter { need in items.contains { $0.scoredCase.matchedTags.contains(need) } }
        let title = profile.name ?? profile.id ?? origin
        return RegionReport(
            file: file, title: title, id: profile.id, origin: origin,
            profile: profileView(analyzed),
            groups: groups, practiceCount: items.count,
            similar: similarCases.map { neighbour in
                let record = recommender.cases[neighbour.row]
                return SimilarView(rank: neighbour.rank, caseId: neighbour.caseId, title: titles[neighbour.row], region: record.region.name,
                                   score: String(format: "%.2f", neighbour.similarity), terms: neighbour.terms.prefix(6).joined(separator: "、"))
            },
            chartByAction: BarChart(title: "按健康中国行动", labels: items.map { actionLabel(row: $0.scoredCase.row) }),
            chartBySource: BarChart(title: "按来源地区类型", labels: items.map { sourceKind(row: $0.scoredCase.row) }),
            map: CaseMap(coordinates: coordinates, caseIds: recommender.cases.ids, titles: titles, recommended: Set(items.map(\.caseId))),
            plan: try PlanReview.review(analyzed, builder: self),
            topHeadings: practices.prefix(3).map(\.heading),
            needCoverage: "\(answered.count)/\(needs.count)",
            summaryRows: items.map { SummaryRow(rank: $0.rank, practiceId: $0.practiceId, caseId: $0.caseId, score: $0.score) })
    }

    func practiceView(_ item: Recommendation, rank: Int, fills: String?) -> PracticeView {
        let record = recommender.cases[item.scoredCase.row]
        let practice = record.practices.first { $0.id == item.practiceId }
        return PracticeView(
            rank: rank, practiceId: item.practiceId, caseId: item.caseId,
            heading: practice?.heading ?? item.practiceId, text: practice?.text ?? "",
            caseTitle: titles[item.scoredCase.row], region: record.region.name,
            score: String(format: "%.2f", item.score),
            weighed: Self.list(item.raised.map { recommender.model.label($0.feature) }),
            matchedTags: Self.list(item.scoredCase.matchedTags.map { tagLabels[$0] ?? $0 }),
            terms: Self.list(item.terms), regionFit: regionFitSentence(item.scoredCase.regionFit),
            evidence: item.evidence, hasEvidence: !item.evidence.isEmpty, provenance: provenanceLine(record), fills: fills)
    }

    /// The case's Healthy China action in words ("其他" when it names none).
    func actionLabel(row: Int) -> String {
        recommender.caseActions[row].flatMap { tagLabels[$0] } ?? "其他"
    }

    /// The kind of region a case comes from: its level, and urban or rural where known.
    func sourceKind(row: Int) -> String {
        guard let region = recommender.scorer.caseRegions[row] else { return "未知地区" }
        let level = labels.level[region.level] ?? region.level
        guard let setting = region.urbanRural?.value, let name = labels.urbanization[setting] else { return level }
        return "\(level)·\(name)"
    }

    func profileView(_ analyzed: AnalyzedProfile) -> ProfileView {
        let facts = analyzed.attributes
        var attributes: [ProfileView.Attribute] = []
        func add(_ key: String, _ value: String?, _ source: String?) {
            guard let value, let source else { return }
            attributes.append(.init(label: labels.attributes[key] ?? key, value: value, source: sourceWords(source)))
        }
        func yesNo(_ value: Bool) -> String { value ? labels.yes : labels.no }
        add("level", facts.level.map { labels.level[$0.value] ?? $0.value }, facts.level?.source)
        add("province", facts.province?.value, facts.province?.source)
        add("terrain", facts.terrain.map { labels.terrainWords($0.value) }, facts.terrain?.source)
        add("economy", facts.economy.map { labels.economy[$0.value] ?? $0.value }, facts.economy?.source)
        add("urbanization", facts.urbanization.map { labels.urbanization[$0.value] ?? $0.value }, facts.urbanization?.source)
        add("ethnic_minority", facts.ethnicMinority.map { yesNo($0.value) }, facts.ethnicMinority?.source)
        add("aging", facts.aging.map { yesNo($0.value) }, facts.aging?.source)
        add("revolutionary_base", facts.revolutionaryBase.map { yesNo($0.value) }, facts.revolutionaryBase?.source)
        add("macro_region", facts.macroRegion.map { labels.macroRegion[$0.value] ?? $0.value }, facts.macroRegion?.source)
        let text = analyzed.profile.text?.trimmingCharacters(in: .whitespacesAndNewlines)
        let shortened = (text?.count ?? 0) > Self.textLimit
        return ProfileView(
            attributes: attributes,
            tags: analyzed.tags.map { .init(label: $0.label, group: labels.tagGroups[$0.group] ?? $0.group, source: sourceWords($0.source)) },
            text: text.map { shortened ? String($0.prefix(Self.textLimit)) + "……" : $0 }.flatMap { $0.isEmpty ? nil : $0 },
            textShortened: shortened)
    }

    /// Words joined for reading; nil for none (the template then leaves the clause out).
    static func list(_ words: [String]) -> String? {
        words.isEmpty ? nil : words.joined(separator: "、")
    }

    static let textLimit = 400

    /// Where a fact or tag came from, in words: "field terrain" → 填写：terrain, "text: 山区" →
    /// 文本：山区, "gazetteer: 偏关县 (sources…)" → 地名库：偏关县 (the sources stay in the data).
    func sourceWords(_ source: String) -> String {
        let words = labels.sources
        if source == "focus" { return words.focus }
        if source.hasPrefix("field ") { return words.field + "：" + source.dropFirst(6) }
        if source.hasPrefix("text: ") { return words.text + "：" + source.dropFirst(6) }
        if source.hasPrefix("gazetteer: ") {
            let place = source.dropFirst(11)
            return words.gazetteer + "：" + (place.range(of: " (").map { place[..<$0.lowerBound] } ?? place)
        }
        return source
    }
}
