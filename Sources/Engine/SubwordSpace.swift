import Corpus
import Features
import Foundation
import LSA

/// The cases as vectors for similar cases, another space than the ranking's TF-IDF:
///
/// - *Pieces of long words.* Each word of three characters or more also counts its two- and
///   three-character pieces (健康素养水平 → 健康, 素养, 水平, 康素…): Chinese compounds that name
///   the same work differently (托育服务中心, 普惠托育) share their pieces where whole words share
///   nothing. Character n-grams are the standard remedy for segmentation mismatch in Chinese
///   retrieval; pieces only within words keep the space to the words' own characters.
/// - *Counts nearly as they are.* A term's weight is count^power × idf (power 0.75 chosen on
///   the judged queries, against the ranking's 1 + ln count): a case's main work is what it
///   names again and again, and the logarithm flattened it to the level of a passing mention.
/// - *Places weigh less.* A term that names a place of the corpus (鹤壁市, 健康河北: `PlaceWords`)
///   says where, not what: its weight is times `placeWeight`, and it gives no pieces (unless
///   places weigh as any word, `placeWeight` 1).
///
/// Rows of unit length; idf = ln((1 + n)/(1 + df)) + 1 over the cases, as `TfidfWeighting`.
/// Built from the term counts once per model on first use (similar cases only).
struct SubwordSpace: Sendable {
    struct Options: Sendable, Hashable {
        var power: Double
        var subwords: Bool
        var placeWeight: Double
    }

    let options: Options
    let vocabulary: Vocabulary
    /// Pieces that are not words of the vocabulary, by their column (after the vocabulary's).
    let pieceColumns: [String: Int32]
    /// Each vocabulary term's columns: itself, then its pieces (a piece twice in a word twice).
    let expansion: [[Int32]]
    /// Per column: idf, times `placeWeight` for a place's term.
    let columnWeights: [Double]
    /// columns × cases: the cases' unit vectors by column, for a query's cosines, in single
    /// precision. The cases' rows are not kept: a case's vector is made again from its counts
    /// (`vector(ofCase:)`), as it was made here. (At 50,000 cases the rows and their transpose in
    /// double precision were a gigabyte, more than the rest of the daemon.)
    let caseVectorsByColumn: Postings
    /// terms × cases, raw counts (BM25's postings), and the cases' terms (the TF-IDF rows): what
    /// a case's vector is made from.
    let countsByTerm: SparseMatrix
    let caseTerms: SparseMatrix
    let placeWords: PlaceWords
    /// Each case's hubness by neighbour count (`CaseHubness`), on first use.
    let hubness = RowMemo<[Double]>()

    var caseCount: Int { caseTerms.rows }

    /// `countsByTerm`: terms × cases, raw counts (BM25's postings); `caseTerms`: cases × terms,
    /// any weights (only which terms a case holds is read).
    init(countsByTerm: SparseMatrix, caseTerms: SparseMatrix, vocabulary: Vocabulary, placeWords: PlaceWords, options: Options) {
        self.options = options
        self.vocabulary = vocabulary
        self.placeWords = placeWords
        self.countsByTerm = countsByTerm
        self.caseTerms = caseTerms
        var pieces: [String: Int32] = [:]
        var isPlace = vocabulary.terms.map(placeWords.marks)
        let expansion = vocabulary.terms.enumerated().map { term, word in
            var columns = [Int32(term)]
            // A place's term gives no pieces unless places count as any word (鹤壁市's 壁市 would
            // carry the place at full weight).
            guard options.subwords, !isPlace[term] || options.placeWeight >= 1 else { return columns }
            for piece in Self.pieces(of: word) {
                if let known = vocabulary.column(of: piece) {
                    columns.append(known)
                } else if let known = pieces[piece] {
                    columns.append(known)
                } else {
                    let column = Int32(vocabulary.count + pieces.count)
                    pieces[piece] = column
                    columns.append(column)
                }
            }
            return columns
        }
        self.expansion = expansion
        pieceColumns = pieces
        let columns = vocabulary.count + pieces.count
        isPlace += [Bool](repeating: false, count: pieces.count)

        // The cases' counts over the columns, for the document frequencies, then their vectors.
        // (The term-major counts turned case-major once: a search of every term's postings for
        // every case was 20 s at 50,000 cases, each a cache miss.)
        let byCase = SparseProducts.transpose(countsByTerm)
        let caseCounts = SparseMatrix(columns: columns, rows: (0..<byCase.rows).map { row in
            let counts = byCase.row(row)
            return Self.expanded(zip(counts.columns, counts.values).map { ($0, $1) }, expansion)
        })
        var documentFrequency = [Int](repeating: 0, count: columns)
        for column in caseCounts.columnIndices { documentFrequency[Int(column)] += 1 }
        let n = Double(caseCounts.rows + 1)
        columnWeights = (0..<columns).map { column in
            (log(n / Double(documentFrequency[column] + 1)) + 1) * (isPlace[column] ? options.placeWeight : 1)
        }
        caseVectorsByColumn = Postings(SparseProducts.transpose(Self.weighted(caseCounts, columnWeights, power: options.power)))
    }

    /// The cosine of a unit query row with every case.
    func cosines(_ query: SparseMatrix) -> [Double] {
        caseVectorsByColumn.products(query, rows: caseCount)
    }

    /// Every case's vector (the postings turned back case-major: for the hubness, all at once).
    func caseVectors() -> SparseMatrix {
        SparseProducts.transpose(SparseMatrix(
            rows: caseVectorsByColumn.pointers.count - 1, columns: caseCount, rowPointers: caseVectorsByColumn.pointers,
            columnIndices: caseVectorsByColumn.rows, values: caseVectorsByColumn.values.map { Double($0) }))
    }

    /// A term-major matrix's rows (postings) with single-precision values: a third less memory
    /// than `SparseMatrix`'s and the same sums to six digits.
    struct Postings: Sendable {
        let pointers: [Int]
        let rows: [Int32]
        let values: [Float]

        init(_ matrix: SparseMatrix) {
            pointers = matrix.rowPointers
            rows = matrix.columnIndices
            values = matrix.values.map { Float($0) }
        }

        /// The dot product of a one-row query (over these postings' terms) with every row.
        func products(_ query: SparseMatrix, rows count: Int) -> [Double] {
            CaseScorer.products(query, pointers: pointers, rows: rows, values: values, count: count)
        }
    }

    /// A text's vector (its analysed terms), in the same space: a word the corpus never had still
    /// counts by its pieces.
    func vector(of terms: [String]) -> SparseMatrix {
        var entries: [Int32: Double] = [:]
        for term in terms {
            if let column = vocabulary.column(of: term) {
                for column in expansion[Int(column)] { entries[column, default: 0] += 1 }
            } else if options.subwords, options.placeWeight >= 1 || !placeWords.marks(term) {
                for piece in Self.pieces(of: term) {
                    if let column = vocabulary.column(of: piece) ?? pieceColumns[piece] { entries[column, default: 0] += 1 }
                }
            }
        }
        return Self.weighted(SparseMatrix(columns: columnWeights.count, rows: [entries]), columnWeights, power: options.power)
    }

    /// Case `row`'s vector as a one-row matrix, made from its counts as the build made it.
    func vector(ofCase row: Int) -> SparseMatrix {
        let counts = Self.expanded(Self.counts(ofCase: row, countsByTerm, caseTerms), expansion)
        return Self.weighted(SparseMatrix(columns: columnWeights.count, rows: [counts]), columnWeights, power: options.power)
    }

    /// A case's term counts: its terms from its row of `caseTerms`, each one's count from the
    /// term's postings (rows ascending: a binary search). For one case; all of them are the
    /// postings' transpose.
    static func counts(ofCase row: Int, _ countsByTerm: SparseMatrix, _ caseTerms: SparseMatrix) -> [(term: Int32, count: Double)] {
        caseTerms.row(row).columns.map { term in
            let postings = countsByTerm.row(Int(term))
            var low = postings.columns.startIndex, high = postings.columns.endIndex
            while low < high {
                let middle = (low + high) / 2
                if postings.columns[middle] < Int32(row) { low = middle + 1 } else { high = middle }
            }
            let found = low < postings.columns.endIndex && postings.columns[low] == Int32(row)
            return (term, found ? postings.values[low - postings.columns.startIndex + postings.values.startIndex] : 0)
        }
    }

    /// Term counts spread over the columns: each term's count to itself and to each of its pieces.
    static func expanded(_ counts: [(term: Int32, count: Double)], _ expansion: [[Int32]]) -> [Int32: Double] {
        var entries: [Int32: Double] = [:]
        for (term, count) in counts where count > 0 {
            for column in expansion[Int(term)] { entries[column, default: 0] += count }
        }
        return entries
    }

    static func weighted(_ counts: SparseMatrix, _ weights: [Double], power: Double) -> SparseMatrix {
        counts.mapValues { count, column in pow(count, power) * weights[column] }.normalizingRows()
    }

    /// The two- and three-character pieces of a word of three characters or more (shorter than
    /// the word itself), in order.
    static func pieces(of word: String) -> [String] {
        let characters = Array(word)
        guard characters.count >= 3 else { return [] }
        return [2, 3].filter { $0 < characters.count }.flatMap { length in
            (0...(characters.count - length)).map { String(characters[$0..<($0 + length)]) }
        }
    }
}
