import FuzzSupport
@testable import Importer

/// Paragraphs are in the order of their lines, each on a line of the text, none blank, none
/// holding the mark ParagraphBuilder joins lines with while it works.
func checkParagraphs(_ paragraphs: [Paragraph], lines: Int) {
    for paragraph in paragraphs {
        expect((1...lines).contains(paragraph.line), "paragraph line \(paragraph.line) is in the text")
        expect(!paragraph.text.isEmpty || !paragraph.cells.isEmpty, "no blank paragraph (line \(paragraph.line))")
        expect(!paragraph.text.contains("\u{E000}"), "no join mark left (line \(paragraph.line))")
    }
    expect(zip(paragraphs, paragraphs.dropFirst()).allSatisfy { $0.line < $1.line }, "paragraphs follow their lines")
}

/// Blocks follow one another through the document, after the preamble, and hold only its
/// paragraphs.
func checkBlocks(_ blocks: [CaseBlock], preamble: [Paragraph], paragraphs: [Paragraph]) {
    expect(preamble == Array(paragraphs.prefix(preamble.count)), "the preamble is the document's beginning")
    expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.line < $1.line }, "blocks follow one another: \(blocks.map(\.line))")
    let lines = Set(paragraphs.map(\.line))
    for block in blocks {
        expect(lines.contains(block.line), "block line \(block.line) is a paragraph's")
        expect(block.body.allSatisfy { $0.line >= block.line }, "a block's body follows its start (line \(block.line))")
    }
}

/// Every practice a case's reading finds has words of its own.
func checkReading(_ reading: CaseReader.Reading, of block: CaseBlock) {
    for practice in reading.practices {
        expect(!practice.text.isEmpty, "a practice has text (case at line \(block.line))")
    }
}
