import Corpus
import Features
import Testing

@Suite struct FeatureSpaceEditTests {
    /// After an edit, kept cases keep their analysis and added ones are analysed with the
    /// vocabulary and idf kept: the edited space is the full analysis's rows, in the new order,
    /// with the old weighting — and the practices follow their cases.
    @Test func keptCasesKeepTheirRowsAndAddedOnesAreAnalysedWithTheKeptVocabulary() {
        let first = Array(corpus.prefix(40)), later = Array(corpus.suffix(25))
        let old = FeatureSpace(cases: first, analyzer: analyzer, tagger: tagger)
        // Case 3 removed, two later cases added in the middle and at the end.
        let rows: [FeatureSpace.EditedRow] = [.kept(0), .kept(1), .kept(2), .added(later[0])] + (4..<40).map { .kept($0) } + [.added(later[1])]
        let edited = old.edited(rows, analyzer: analyzer, tagger: tagger)
        let order = Array(first[0..<3]) + [later[0]] + Array(first[4...]) + [later[1]]
        #expect(edited.caseIds == order.map(\.id))
        #expect(edited.weighting == old.weighting && edited.vocabulary.terms == old.vocabulary.terms)
        // The full analysis of the new corpus, read with the old vocabulary, row for row.
        let full = FeatureSpace(cases: order, analyzer: analyzer, tagger: tagger)
        for (row, record) in order.enumerated() {
            let expected = old.vocabulary.counts(of: full.vocabulary.terms.enumerated().flatMap { column, term in
                let count = full.caseCounts.row(row).columns.firstIndex(of: Int32(column)).map { Int(full.caseCounts.row(row).values[$0]) } ?? 0
                return [String](repeating: term, count: count)
            })
            let entries = edited.caseCounts.row(row)
            #expect(Dictionary(uniqueKeysWithValues: zip(entries.columns, entries.values)) == expected, "\(record.id)")
            #expect(edited.caseTags[row] == full.caseTags[row])
        }
        #expect(edited.practiceIds == order.flatMap { $0.practices.map(\.id) })
        #expect(edited.practiceIds.indices.allSatisfy { edited.practiceIds[$0].hasPrefix(edited.caseIds[edited.practiceCaseRows[$0]] + "-p") })
        #expect(edited.practiceTags == full.practiceTags)
    }
}
