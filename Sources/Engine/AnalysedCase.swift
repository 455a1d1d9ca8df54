import Analyzer
import Corpus
import Features

/// A case that is not in the corpus (a pasted text the importer has read), analysed as the
/// corpus's cases are in `FeatureSpace` and `CaseScorer`: the terms of its whole text; its tags,
/// those of the whole text and those salient in one of its practices; each practice's terms.
public struct AnalysedCase: Sendable {
    public let terms: [String]
    public let tags: [Tagger.Hit]
    public let practices: [(id: String, terms: [String])]

    public init(text: String, practices: [Practice], analyzer: TermAnalyzer, tagger: Tagger) {
        let normalized = analyzer.normalizer.normalize(text)
        terms = analyzer.terms(normalized: normalized)
        let own = tagger.tags(in: normalized)
        var seen = Set(own.map(\.key))
        let practiceTexts = practices.map { analyzer.normalizer.normalize($0.text) }
        // A tag salient only in one practice counts once, as the corpus's tag table counts it.
        tags = own + practiceTexts.flatMap { tagger.tags(in: $0) }.filter { seen.insert($0.key).inserted }
        self.practices = zip(practices, practiceTexts).map { ($0.id, analyzer.terms(normalized: $1)) }
    }
}
