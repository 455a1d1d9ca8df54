import Corpus
import Foundation
import Features

/// The parts of an answer that say why and show proof: the terms a query and a case share,
/// heaviest first, and the source's own sentences that report measured results.
public enum Explanation {
    /// Terms of the query found in the case, by the product of their TF-IDF weights in both
    /// (what each term adds to the cosine), heaviest first.
    public static func sharedTerms(_ query: SparseMatrix, _ document: SparseMatrix, row: Int, vocabulary: Vocabulary, limit: Int = 5) -> [String] {
        let shared = query.shared(row: 0, with: document, row: row).map { (column: $0.column, weight: $0.mine * $0.theirs) }
        return shared.sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.column < $1.column) }
            .prefix(limit).map { vocabulary.terms[Int($0.column)] }
    }

    /// The case's sentences that hold one of its measured figures (the importer's `figures`),
    /// those of the given practice first, each once, then the rest in document order.
    public static func evidence(of record: CaseRecord, practice: Practice?, limit: Int = 3) -> [String] {
        evidence(own: practice.map { figureSentences(in: $0.text, figures: record.figures) } ?? [],
                 others: figureSentences(in: record.text, figures: record.figures), limit: limit)
    }

    /// `evidence` from sentences found beforehand (the recommender keeps them per case and
    /// practice: splitting every case's text on every request was a third of its time).
    static func evidence(own: [String], others: [String], limit: Int = 3) -> [String] {
        var chosen: [String] = []
        // The case's text repeats a practice in its outcomes ("（1）…"): one of the two is enough.
        for sentence in own + others where !chosen.contains(where: { $0.contains(sentence) || sentence.contains($0) }) {
            chosen.append(sentence)
            if chosen.count == limit { break }
        }
        return chosen
    }

    /// The sentences of `text` that hold one of `figures`.
    static func figureSentences(in text: String, figures: [String]) -> [String] {
        guard !figures.isEmpty else { return [] }
        return sentences(of: text).filter { sentence in figures.contains { sentence.contains($0) } }
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
