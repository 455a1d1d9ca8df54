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
        // The whole text and each practice, as `FeatureSpace` analyses the corpus's.
        let analysed = FeatureSpace.analysed([text] + practices.map(\.text), analyzer: analyzer, tagger: tagger)
        terms = analysed[0].terms
        var seen = Set(analysed[0].tags.map(\.key))
        // A tag salient only in one practice counts once, as the corpus's tag table counts it.
        tags = analysed[0].tags + analysed.dropFirst().flatMap(\.tags).filter { seen.insert($0.key).inserted }
        self.practices = zip(practices, analysed.dropFirst()).map { ($0.id, $1.terms) }
    }
}
