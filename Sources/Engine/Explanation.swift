import Corpus
import Foundation
import Features

/// The parts of an answer that say why and show proof: the terms a query and a case share,
/// heaviest first, and the source's own sentences that report measured results.
public enum Explanation {
    /// Terms of the query found in the case, by the product of their TF-IDF weights in both
    /// (what each term adds to the cosine), heaviest first.
    public static func sharedTerms(_ query: SparseMatrix, _ document: SparseMatrix, row: Int, vocabulary: Vocabulary, limit: Int = 5) -> [String] {
        let a = query.row(0), b = document.row(row)
        var shared: [(column: Int32, weight: Double)] = []
        var i = a.columns.startIndex, j = b.columns.startIndex
        while i < a.columns.endIndex, j < b.columns.endIndex {
            if a.columns[i] == b.columns[j] {
                shared.append((a.columns[i], a.values[i] * b.values[j]))
                i += 1
                j += 1
            } else if a.columns[i] < b.columns[j] { i += 1 } else { j += 1 }
        }
        return shared.sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.column < $1.column) }
            .prefix(limit).map { vocabulary.terms[Int($0.column)] }
    }

    /// The case's sentences that hold one of its measured figures (the importer's `figures`),
    /// those of the given practice first, each once, then the rest in document order.
    public static func evidence(of record: CaseRecord, practice: Practice?, limit: Int = 3) -> [String] {
        guard !record.figures.isEmpty else { return [] }
        let holdsFigure = { (sentence: String) in record.figures.contains { sentence.contains($0) } }
        let own = practice.map { sentences(of: $0.text).filter(holdsFigure) } ?? []
        var chosen: [String] = []
        // The case's text repeats a practice in its outcomes ("（1）…"): one of the two is enough.
        for sentence in own + sentences(of: record.text).filter(holdsFigure)
        where !chosen.contains(where: { $0.contains(sentence) || sentence.contains($0) }) {
            chosen.append(sentence)
            if chosen.count == limit { break }
        }
        return chosen
    }

    /// Sentences of a text: split after 。！？； and at line ends, trimmed.
    static func sentences(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character.isNewline {
                result.append(current)
                current = ""
                continue
            }
            current.append(character)
            if "。！？；".contains(character) {
                result.append(current)
                current = ""
            }
        }
        result.append(current)
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
