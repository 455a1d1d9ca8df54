import Analyzer
import Corpus

/// The corpus as vectors, at two grains: each case (its whole text) and each practice (its
/// own text, linked to its case). TF-IDF is fitted on the cases and applied to the practices,
/// so both live in one space; tags are found in the text of each.
public struct FeatureSpace: Sendable {
    public let vocabulary: Vocabulary
    public let weighting: TfidfWeighting

    public let caseIds: [String]
    /// cases × terms, raw term counts.
    public let caseCounts: SparseMatrix
    /// cases × terms, TF-IDF.
    public let caseWeights: SparseMatrix
    public let caseTags: [[Tagger.Hit]]

    public let practiceIds: [String]
    /// Row of each practice's case in the case matrices.
    public let practiceCaseRows: [Int]
    public let practiceCounts: SparseMatrix
    public let practiceWeights: SparseMatrix
    public let practiceTags: [[Tagger.Hit]]

    public init(cases: [CaseRecord], analyzer: TermAnalyzer, tagger: Tagger) {
        let workspace = SegmentationWorkspace()
        // Each text normalised once, for both its terms and its tags.
        let caseTexts = cases.map { analyzer.normalizer.normalize($0.text) }
        let practices = cases.enumerated().flatMap { row, record in record.practices.map { (row, $0) } }
        let practiceTexts = practices.map { analyzer.normalizer.normalize($0.1.text) }
        let caseTerms = caseTexts.map { analyzer.terms(normalized: $0, workspace: workspace) }
        let practiceTerms = practiceTexts.map { analyzer.terms(normalized: $0, workspace: workspace) }

        vocabulary = Vocabulary(terms: caseTerms.joined())
        caseIds = cases.map(\.id)
        caseCounts = SparseMatrix(columns: vocabulary.count, rows: caseTerms.map(vocabulary.counts(of:)))
        weighting = TfidfWeighting.fit(caseCounts)
        caseWeights = weighting.transform(caseCounts)
        caseTags = caseTexts.map(tagger.tags(in:))

        practiceIds = practices.map(\.1.id)
        practiceCaseRows = practices.map(\.0)
        practiceCounts = SparseMatrix(columns: vocabulary.count, rows: practiceTerms.map(vocabulary.counts(of:)))
        practiceWeights = weighting.transform(practiceCounts)
        practiceTags = practiceTexts.map(tagger.tags(in:))
    }

    /// A feature space read back from its saved stage: the weights are recomputed from the
    /// counts and the idf (O(non-zeros), no analysis).
    public init(vocabulary: Vocabulary, weighting: TfidfWeighting, caseIds: [String], caseCounts: SparseMatrix, caseTags: [[Tagger.Hit]],
                practiceIds: [String], practiceCaseRows: [Int], practiceCounts: SparseMatrix, practiceTags: [[Tagger.Hit]]) {
        self.vocabulary = vocabulary
        self.weighting = weighting
        self.caseIds = caseIds
        self.caseCounts = caseCounts
        caseWeights = weighting.transform(caseCounts)
        self.caseTags = caseTags
        self.practiceIds = practiceIds
        self.practiceCaseRows = practiceCaseRows
        self.practiceCounts = practiceCounts
        practiceWeights = weighting.transform(practiceCounts)
        self.practiceTags = practiceTags
    }

    /// A new text (a query, a profile's words) in the same space: its TF-IDF row.
    public func weights(of terms: [String]) -> SparseMatrix {
        weighting.transform(SparseMatrix(columns: vocabulary.count, rows: [vocabulary.counts(of: terms)]))
    }
}
