import Answers
import Corpus
import Engine
import Features
import Foundation
import LSA
import Profiles
import Reports
import Synchronization

/// Everything one generation of the model answers with. Immutable: a reload builds a new one and
/// swaps it in; a request keeps the one it started with, so requests in flight finish on the
/// old model while new ones see the new.
public final class ServingModel: Sendable {
    public let recommender: Recommender
    public let similar: SimilarCases
    public let profiles: ProfileAnalyzer
    /// Writes `recommend`'s answers from pieces encoded once (see `RecommendationWriter`).
    public let writer: RecommendationWriter
    /// `POST /v1/reports`: the report builder on this generation, with the templates read with it.
    public let reports: ReportBatch
    /// When this generation was loaded, and the model file's fingerprint.
    public let loaded: Date
    public let fingerprint: String
    /// The reduced space this generation was built from: a corpus edit grows or shrinks it
    /// (no SVD) for the next generation.
    public let lsa: LSAModel
    /// `GET /v1/health`'s answer, which only this generation's facts make: written once (as a
    /// dictionary through JSONSerialization per request, it was a quarter of the health check).
    let healthAnswer: Data
    /// `GET /`'s page filled with this generation's labels and tags: on first request, then kept
    /// (one entry, key 0; filling it per request re-encoded the labels every time).
    let browserPage = RowMemo<Data>()

    public var cases: CaseCatalogue { recommender.cases }
    /// Tag labels by key, for the text forms.
    public var tagLabels: [String: String] {
        Dictionary(uniqueKeysWithValues: profiles.tagger.taxonomy.tags.map { ($0.key, $0.label) })
    }

    public init(recommender: Recommender, similar: SimilarCases, profiles: ProfileAnalyzer, lsa: LSAModel, reportTemplates: URL, loaded: Date = Date()) throws {
        self.recommender = recommender
        writer = try RecommendationWriter(recommender: recommender)
        self.similar = similar
        self.profiles = profiles
        reports = ReportBatch(
            builder: ReportBuilder(recommender: recommender, similar: similar, profiles: profiles),
            renderer: try ReportRenderer(templates: reportTemplates), formats: .all)
        self.lsa = lsa
        fingerprint = String(lsa.fingerprint, radix: 16)
        self.loaded = loaded
        healthAnswer = try answerJSON(["status": "ok", "model": Self.summary(cases: recommender.cases.count, folded: lsa.foldedCaseCount, loaded: loaded, fingerprint: fingerprint)])
    }

    /// What the answers say of a model: cases (and how many were folded in since the last full
    /// build), when it was loaded, the fingerprint of its inputs.
    var summary: [String: Any] { Self.summary(cases: cases.count, folded: lsa.foldedCaseCount, loaded: loaded, fingerprint: fingerprint) }

    private static func summary(cases: Int, folded: Int, loaded: Date, fingerprint: String) -> [String: Any] {
        ["cases": cases, "folded_cases": folded, "built": loaded.formatted(.iso8601), "fingerprint": fingerprint]
    }
}

/// The current model, swapped atomically.
public final class ModelStore: Sendable {
    private let model: Mutex<ServingModel>
    public init(_ model: ServingModel) {
        self.model = Mutex(model)
    }

    public var current: ServingModel { model.withLock { $0 } }

    public func replace(with new: ServingModel) {
        model.withLock { $0 = new }
    }
}
