/// Text → the terms the features count: normalised, segmented, then filtered. A term is kept
/// when it has a Chinese character or a letter (punctuation and bare numbers go: a figure
/// like 97.5% is evidence, not a topic), and is not a stop word. ASCII letters are lower-cased.
public struct TermAnalyzer: Sendable {
    public let normalizer: TextNormalizer
    public let segmenter: Segmenter
    public let stopWords: StopWords

    public init(segmenter: Segmenter, stopWords: StopWords, normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
        self.segmenter = segmenter
        self.stopWords = stopWords
    }

    /// Every word of the text as the model sees it, before stop words (what `tokenize` prints).
    public func words(_ text: String, workspace: SegmentationWorkspace = SegmentationWorkspace()) -> [String] {
        segmenter.words(normalizer.normalize(text), workspace: workspace)
    }

    /// The terms of the text, in order, repeats kept (counts are the caller's business).
    public func terms(_ text: String, workspace: SegmentationWorkspace = SegmentationWorkspace()) -> [String] {
        terms(normalized: normalizer.normalize(text), workspace: workspace)
    }

    /// The terms of a text already normalised (by `normalizer`), for callers that also need
    /// the normalised text itself (the tagger reads it too).
    public func terms(normalized text: String, workspace: SegmentationWorkspace = SegmentationWorkspace()) -> [String] {
        segmenter.words(text, workspace: workspace).compactMap { word in
            guard Self.isContentWord(word) else { return nil }
            let term = word.lowercased()
            return stopWords.contains(term) ? nil : term
        }
    }

    static func isContentWord(_ word: String) -> Bool {
        word.unicodeScalars.contains { scalar in
            Lexicon.hanRange.contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
                || (scalar.isASCII && scalar.properties.isAlphabetic)
        }
    }
}
