import Foundation
import FuzzSupport
@testable import Importer

/// The importer's internal stages on any text, each checked on its own: lines → paragraphs
/// (ParagraphBuilder), paragraphs → case blocks (CaseSegmenter), a block → sections and
/// practices (CaseReader). Reached through @testable import: the fuzz build enables testing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParagraphs(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(libFuzzerInput: bytes, count: count)
    let text = String(decoding: data, as: UTF8.self)
    let importer = FuzzConfiguration.importer
    let paragraphs = ParagraphBuilder(reduplications: Set(importer.rules.reduplications)).paragraphs(from: text)
    checkParagraphs(paragraphs, lines: lineCount(data))
    let reader = CaseReader(rules: importer.rules)
    let (preamble, blocks) = CaseSegmenter(resolver: importer.resolver, isSectionHeading: { reader.sectionKind(of: $0) != nil })
        .segment(paragraphs)
    checkBlocks(blocks, preamble: preamble, paragraphs: paragraphs)
    for block in blocks { checkReading(reader.read(block), of: block) }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = FuzzConfiguration.importer
    return 0
}
