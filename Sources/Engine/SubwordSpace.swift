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
///   says where, not what: its weight is times `placeWeight`, and it gives no pieces.
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
    /// cases × columns, unit rows; and its transpose, for a query's cosines.
    let caseVectors: SparseMatrix
    let caseVectorsByColumn: SparseMatrix
    let placeWords: PlaceWords
    /// Each case's hubness by neighbour count (`CaseHubness`), on first use.
    let hubness = RowMemo<[Double]>()

    /// `countsByTerm`: terms × cases, raw counts (BM25's postings).
    init(countsByTerm: SparseMatrix, vocabulary: Vocabulary, placeWords: PlaceWords, options: Options) {
        self.options = options
        self.vocabulary = vocabulary
        self.placeWords = placeWords
        var pieces: [String: Int32] = [:]
        var isPlace = vocabulary.terms.map(placeWords.marks)
        expansion = vocabulary.terms.enumerated().map { term, word in
            var columns = [Int32(term)]
            guard options.subwords, !isPlace[term] else { return columns }
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
        pieceColumns = pieces
        let columns = vocabulary.count + pieces.count
        isPlace += [Bool](repeating: false, count: pieces.count)

        // Case-major counts over the columns, from the term-major counts.
        let counts = SparseProducts.transpose(countsByTerm)
        var rows: [[Int32: Double]] = []
        rows.reserveCapacity(counts.rows)
        for row in 0..<counts.rows {
            var entries: [Int32: Double] = [:]
            let terms = counts.row(row)
            for (term, count) in zip(terms.columns, terms.values) {
                for column in expansion[Int(term)] { entries[column, default: 0] += count }
            }
            rows.append(entries)
        }
        let caseCounts = SparseMatrix(columns: columns, rows: rows)
        var documentFrequency = [Int](repeating: 0, count: columns)
        for column in caseCounts.columnIndices { documentFrequency[Int(column)] += 1 }
        let n = Double(caseCounts.rows + 1)
        columnWeights = (0..<columns).map { column in
            (log(n / Double(documentFrequency[column] + 1)) + 1) * (isPlace[column] ? options.placeWeight : 1)
        }
        caseVectors = Self.weighted(caseCounts, columnWeights, power: options.power)
        caseVectorsByColumn = SparseProducts.transpose(caseVectors)
    }

    /// A text's vector (its analysed terms), in the same space: a word the corpus never had still
    /// counts by its pieces.
    func vector(of terms: [String]) -> SparseMatrix {
        var entries: [Int32: Double] = [:]
        for term in terms {
            if let column = vocabulary.column(of: term) {
                for column in expansion[Int(column)] { entries[column, default: 0] += 1 }
            } else if options.subwords, !placeWords.marks(term) {
                for piece in Self.pieces(of: term) {
                    if let column = vocabulary.column(of: piece) ?? pieceColumns[piece] { entries[column, default: 0] += 1 }
                }
            }
        }
        return Self.weighted(SparseMatrix(columns: columnWeights.count, rows: [entries]), columnWeights, power: options.power)
    }

    /// Case `row`'s vector as a one-row matrix.
    func vector(ofCase row: Int) -> SparseMatrix {
        SimilarCases.singleRow(caseVectors, row)
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
