import Corpus
import Foundation
import Features

/// The parts of an answer that say why and show proof: the terms a query and a case share,
/// heaviest first, and the source's own sentences that report measured results.
public enum Explanation {
    /// Terms of the query found in the case, by the product of their TF-IDF weights in both
    /// (what each term adds to the cosine), heaviest first.
    public static func sharedTerms(_ query: SparseMatrix, _ document: SparseMatrix, row: Int, vocabulary: Vocabulary, limit: Int = 5,
                                   skipping skipped: (String) -> Bool = { _ in false }) -> [String] {
        let shared = query.shared(row: 0, with: document, row: row).map { (column: $0.column, weight: $0.mine * $0.theirs) }
        var terms: [String] = []
        for entry in shared.sorted(by: { $0.weight > $1.weight || ($0.weight == $1.weight && $0.column < $1.column) }) {
            guard terms.count < limit else { break }
            let term = vocabulary.terms[Int(entry.column)]
            if !skipped(term) { terms.append(term) }
        }
        return terms
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
        for sentence in own + others where !chosen.contains(where: { holds($0, sentence) || holds(sentence, $0) }) {
            chosen.append(sentence)
            if chosen.count == limit { break }
        }
        return chosen
    }

    /// The sentences of `text` that hold one of `figures`.
    static func figureSentences(in text: String, figures: [String]) -> [String] {
        guard !figures.isEmpty else { return [] }
        return sentences(of: text).filter { sentence in figures.contains { holds(sentence, $0) } }
    }

    /// Whether `text` holds `part`, byte for byte. Figures and sentences are cut from the same
    /// texts, so bytes suffice; Foundation's `contains` compares under Unicode's rules and was
    /// half of a 5,000-case engine's start-up.
    static func holds(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    if memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
                }
                return false
            }
        }
    }

    /// Sentences of a text: split after 。！？； and at line ends, trimmed.
    static func sentences(of text: String) -> [String] {
        let scalars = text.unicodeScalars
        var result: [String] = []
        var start = scalars.startIndex
        // The sentence from `start` to `end`, trimmed of spaces at both ends (as
        // `trimmingCharacters(in: .whitespaces)`), by indices: no copy until it is kept.
        func finish(_ end: String.UnicodeScalarView.Index) {
            var low = start, high = end
            while low < high, scalars[low].properties.isWhitespace { low = scalars.index(after: low) }
            while low < high, scalars[scalars.index(before: high)].properties.isWhitespace { high = scalars.index(before: high) }
            if low < high { result.append(String(scalars[low..<high])) }
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index], next = scalars.index(after: index)
            // Character.isNewline's scalars (LF, VT, FF, CR, NEL, LS, PS) end a sentence and are dropped.
            if (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                finish(index)
                start = next
            } else if scalar == "。" || scalar == "！" || scalar == "？" || scalar == "；" {
                finish(next)
                start = next
            }
            index = next
        }
        finish(scalars.endIndex)
        return result
    }

}
