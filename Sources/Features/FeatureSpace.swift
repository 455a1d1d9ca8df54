import Analyzer
import Corpus

/// The corpus as vectors, at two grains: each case (its whole text) and each practice (its
/// own text, linked to its case). TF-IDF is fitted on the cases and applied to the practices,
/// so both live in one space; tags are found in the text of each.
public struct FeatureSpace: Sendable {
    public let vocabulary: Vocabulary
    public let weighting: TfidfWeighting

    public let caseIds: [String]
    /// cases × terms, raw term counts. No entries in a served space (`served`).
    public let caseCounts: SparseMatrix
    /// cases × terms, TF-IDF.
    public let caseWeights: SparseMatrix
    /// Each case's tag hits (none in a served space).
    public let caseTags: [[Tagger.Hit]]

    public let practiceIds: [String]
    /// Row of each practice's case in the case matrices.
    public let practiceCaseRows: [Int]
    public let practiceCounts: SparseMatrix
    /// practices × terms, TF-IDF. No entries in a served space (`served`).
    public let practiceWeights: SparseMatrix
    public let practiceTags: [[Tagger.Hit]]

    public init(cases: [CaseRecord], analyzer: TermAnalyzer, tagger: Tagger) {
        let practices = cases.enumerated().flatMap { row, record in record.practices.map { (row, $0) } }
        let caseAnalysis = Self.analysed(cases.map(\.text), analyzer: analyzer, tagger: tagger)
        let practiceAnalysis = Self.analysed(practices.map(\.1.text), analyzer: analyzer, tagger: tagger)
        let caseTerms = caseAnalysis.map(\.terms), practiceTerms = practiceAnalysis.map(\.terms)

        vocabulary = Vocabulary(terms: caseTerms.joined())
        caseIds = cases.map(\.id)
        caseCounts = SparseMatrix(columns: vocabulary.count, rows: caseTerms.map(vocabulary.counts(of:)))
        weighting = TfidfWeighting.fit(caseCounts)
        caseWeights = weighting.transform(caseCounts)
        caseTags = caseAnalysis.map(\.tags)

        practiceIds = practices.map(\.1.id)
        practiceCaseRows = practices.map(\.0)
        practiceCounts = SparseMatrix(columns: vocabulary.count, rows: practiceTerms.map(vocabulary.counts(of:)))
        practiceWeights = weighting.transform(practiceCounts)
        practiceTags = practiceAnalysis.map(\.tags)
    }

    /// Each text's terms and tags (the text normalised once for both), on every core: the texts
    /// in chunks, a segmentation workspace per chunk, the results in the texts' order. Analysis
    /// is most of a build (segmentation and tagging are per text and share nothing).
    public static func analysed(_ texts: [String], analyzer: TermAnalyzer, tagger: Tagger) -> [(terms: [String], tags: [Tagger.Hit])] {
        ChunkedWork.map(texts, chunkSize: 256) { chunk in
            let workspace = SegmentationWorkspace()
            return chunk.map { text in
                let normalized = analyzer.normalizer.normalize(text)
                return (terms: analyzer.terms(normalized: normalized, workspace: workspace), tags: tagger.tags(in: normalized))
            }
        }.flatMap { $0 }
    }

    /// A feature space read back from its saved stage: the weights are recomputed from the
    /// counts and the idf (O(non-zeros), no analysis).
    public init(vocabulary: Vocabulary, weighting: TfidfWeighting, caseIds: [String], caseCounts: SparseMatrix, caseTags: [[Tagger.Hit]],
                practiceIds: [String], practiceCaseRows: [Int], practiceCounts: SparseMatrix, practiceTags: [[Tagger.Hit]]) {
        self.vocabulary = vocabulary
        self.weighting = weighting
        self.caseIds = caseIds
        self.caseCounts = caseCounts
        (caseWeights, practiceWeights) = ChunkedWork.both({ weighting.transform(caseCounts) }, { weighting.transform(practiceCounts) })
        self.caseTags = caseTags
        self.practiceIds = practiceIds
        self.practiceCaseRows = practiceCaseRows
        self.practiceCounts = practiceCounts
        self.practiceTags = practiceTags
    }

    /// The space as a served engine reads it: the case weights, without the counts' entries, the
    /// practice weights' and the tag hits (read only to build BM25's postings, the term-major
    /// practice weights and the tag table, to save the stage and to export, all before serving;
    /// at 50,000 cases they were a third of the daemon's memory). Dimensions are kept; a hit
    /// list per row stays, empty.
    public func served() -> FeatureSpace {
        func empty(_ matrix: SparseMatrix) -> SparseMatrix {
            SparseMatrix(rows: matrix.rows, columns: matrix.columns, rowPointers: [Int](repeating: 0, count: matrix.rows + 1), columnIndices: [], values: [])
        }
        return FeatureSpace(copying: self, caseCounts: empty(caseCounts), practiceCounts: empty(practiceCounts), practiceWeights: empty(practiceWeights))
    }

    private init(copying space: FeatureSpace, caseCounts: SparseMatrix, practiceCounts: SparseMatrix, practiceWeights: SparseMatrix) {
        vocabulary = space.vocabulary
        weighting = space.weighting
        caseIds = space.caseIds
        self.caseCounts = caseCounts
        caseWeights = space.caseWeights
        caseTags = [[Tagger.Hit]](repeating: [], count: space.caseIds.count)
        practiceIds = space.practiceIds
        practiceCaseRows = space.practiceCaseRows
        self.practiceCounts = practiceCounts
        self.practiceWeights = practiceWeights
        practiceTags = [[Tagger.Hit]](repeating: [], count: space.practiceIds.count)
    }

    /// A new text (a query, a profile's words) in the same space: its TF-IDF row.
    public func weights(of terms: [String]) -> SparseMatrix {
        weighting.transform(SparseMatrix(columns: vocabulary.count, rows: [vocabulary.counts(of: terms)]))
    }
}
