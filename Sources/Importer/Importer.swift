import Corpus
import Foundation
import Regions

/// Facts about a document that the command line may give when the document does not.
public struct ImportOptions: Sendable {
    public var sourceId: String?
    public var title: String?
    public var issuer: String?
    public var year: Int?

    public init(sourceId: String? = nil, title: String? = nil, issuer: String? = nil, year: Int? = nil) {
        self.sourceId = sourceId
        self.title = title
        self.issuer = issuer
        self.year = year
    }
}

/// A document read into cases.
public struct ImportedDocument: Sendable {
    public var source: SourceInfo
    public var cases: [CaseRecord]
    /// The encoding the file was in (UTF-8, or GB18030 converted).
    public var encoding: String
    /// Things a reviewer should look at: a case without practices, a region not found.
    public var warnings: [String]
    /// Source line where each case starts, by case id (for messages).
    public var lineOfCase: [String: Int]
}

/// Raw document (text from a PDF or Word file) → cases. Pure: reads nothing but the bytes given.
public struct Importer: Sendable {
    public let rules: ImportRules
    public let resolver: RegionResolver
    /// Larger documents are refused (`import.max_bytes`; no limit unless given).
    public let maxBytes: Int

    public init(rules: ImportRules, resolver: RegionResolver, maxBytes: Int = .max) {
        self.rules = rules
        self.resolver = resolver
        self.maxBytes = maxBytes
    }

    /// Source id from a file name: `000_fec52221f5d9a716.txt` → `000` (a name followed by a
    /// content hash), `henan-2023.txt` → `henan-2023`.
    public static func defaultSourceId(forFileName name: String) -> String {
        let stem = (name as NSString).deletingPathExtension
        if let range = stem.range(of: #"^([^_]+)_[0-9a-fA-F]{8,}$"#, options: .regularExpression) {
            return String(stem[range].split(separator: "_")[0])
        }
        return stem
    }

    public func importDocument(_ data: Data, fileName: String, path: String? = nil, options: ImportOptions = ImportOptions()) throws -> ImportedDocument {
        let place = path ?? fileName
        // One rule for every source id, given or taken from the file name (it names a file).
        let sourceId = options.sourceId ?? Self.defaultSourceId(forFileName: fileName)
        if let problem = CaseIdentifiers.problem(withSourceId: sourceId) {
            throw ImportError(file: place, line: nil, reason: .invalidSourceId(problem))
        }
        guard data.count <= maxBytes else {
            throw ImportError(file: place, line: nil, reason: .tooLarge(size: data.count, limit: maxBytes))
        }
        let decoded = try DocumentDecoder.decode(data, file: place)
        let paragraphs = ParagraphBuilder(reduplications: Set(rules.reduplications)).paragraphs(from: decoded.text)
        let (preamble, blocks) = CaseSegmenter(resolver: resolver).segment(paragraphs)
        guard !blocks.isEmpty else {
            throw ImportError(file: place, line: paragraphs.first?.line ?? 1, reason: .noCase)
        }
        let metadata = DocumentMetadata(preamble: preamble)
        let source = SourceInfo(
            id: sourceId, file: fileName,
            title: options.title ?? metadata.title,
            issuer: options.issuer ?? metadata.issuer,
            docNumber: metadata.docNumber,
            year: options.year ?? metadata.year)

        let ordinals = assignOrdinals(blocks, list: metadata.caseList)
        let regions = resolveRegions(blocks, list: metadata.caseList, ordinals: ordinals)
        let reader = CaseReader(rules: rules)
        var warnings: [String] = []
        var cases: [CaseRecord] = []
        for (index, block) in blocks.enumerated() {
            let reading = reader.read(block)
            // Nothing to recommend or compare: a document that lost a case's text is refused
            // like any document it cannot read, rather than half-read.
            guard !reading.text.allSatisfy(\.isWhitespace) else {
                throw ImportError(file: place, line: block.line, reason: .emptyCase)
            }
            let id = Self.caseId(source: sourceId, ordinal: ordinals[index])
            let practices = reading.practices.enumerated().map { number, item in
                Practice(id: "\(id)-p\(number + 1)", heading: item.heading, text: item.text)
            }
            if practices.isEmpty { warnings.append("\(place):\(block.line): case \(id) has no enumerated practices") }
            if regions[index].province == nil {
                warnings.append("\(place):\(block.line): case \(id): region \"\(regions[index].name)\" not found in the division table")
            }
            cases.append(CaseRecord(
                id: id, source: source, ordinal: ordinals[index], title: block.title,
                region: regions[index], category: category(of: block), background: reading.background,
                practices: practices, outcomes: reading.outcomes, lessons: reading.lessons,
                figures: reading.figures, text: reading.text))
        }
        let lines = Dictionary(uniqueKeysWithValues: zip(cases.map(\.id), blocks.map(\.line)))
        return ImportedDocument(source: source, cases: cases, encoding: decoded.encoding, warnings: warnings, lineOfCase: lines)
    }

    /// `<source id>-<ordinal>`, the ordinal written with at least two digits (000-05, 003-12).
    /// Swift's own formatting: `%02d` would take a 64-bit ordinal as 32 bits and could give two
    /// cases one id.
    static func caseId(source: String, ordinal: Int) -> String {
        let digits = String(ordinal)
        return "\(source)-\(digits.count < 2 ? "0" + digits : digits)"
    }

    /// The case's number: its place in the document's own list of cases where there is one;
    /// else the numbers the document gives (案例十二, 序号), a missing one taken as the one
    /// before plus one; else the order of appearance.
    private func assignOrdinals(_ blocks: [CaseBlock], list: [(number: Int, region: String, title: String)]) -> [Int] {
        func squeeze(_ text: String?) -> String { (text ?? "").filter { !$0.isWhitespace } }
        // The list's first entry with each title, looked up (not searched) for each case.
        let numberOfTitle = Dictionary(list.map { (squeeze($0.title), $0.number) }) { first, _ in first }
        let fromList = blocks.map { block in
            let title = squeeze(block.title)
            return title.isEmpty ? nil : numberOfTitle[title]
        }
        if fromList.allSatisfy({ $0 != nil }), Set(fromList.compactMap { $0 }).count == blocks.count {
            return fromList.map { $0! }
        }
        var ordinals: [Int] = []
        for block in blocks { ordinals.append(block.number ?? ((ordinals.last ?? 0) + 1)) }
        let increasing = zip(ordinals, ordinals.dropFirst()).allSatisfy { $0 < $1 }
        return increasing ? ordinals : Array(1...blocks.count)
    }

    /// Resolves each case's region; a name found in several provinces is read in the
    /// province most of the document's cases are in.
    private func resolveRegions(_ blocks: [CaseBlock], list: [(number: Int, region: String, title: String)], ordinals: [Int]) -> [RegionInfo] {
        let regionOfNumber = Dictionary(list.map { ($0.number, $0.region) }) { first, _ in first }
        func candidates(_ index: Int) -> [String] {
            let block = blocks[index]
            var names: [String] = []
            if let written = block.regionWritten { names.append(written) }
            if let region = regionOfNumber[ordinals[index]] { names.append(region) }
            if let title = block.title, let lead = CaseSegmenter(resolver: resolver).leadingRegion(of: title) { names.append(lead) }
            return names
        }
        let firstPass = blocks.indices.map { index in
            candidates(index).lazy.map { resolver.resolve($0, context: blocks[index].regionContext) }.first { $0.isResolved }
        }
        let provinces = firstPass.compactMap { $0?.province }
        let counts = Dictionary(provinces.map { ($0, 1) }, uniquingKeysWith: +)
        let documentProvince = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        return blocks.indices.map { index in
            let names = candidates(index)
            let written = names.first ?? ""
            for name in names {
                let resolved = resolver.resolve(name, context: blocks[index].regionContext, preferProvince: documentProvince)
                if resolved.isResolved {
                    return RegionInfo(name: written, province: resolved.province, prefecture: resolved.prefecture,
                                      county: resolved.county, subUnit: resolved.subUnit, level: resolved.level)
                }
            }
            return RegionInfo(name: written, province: nil, prefecture: nil, county: nil, subUnit: nil, level: nil)
        }
    }

    /// The special action a case header or work-group line names (健康知识普及行动类典型案例一).
    private func category(of block: CaseBlock) -> String? {
        for label in block.labels {
            if let action = rules.specialActions.first(where: label.contains) { return action }
        }
        return nil
    }
}
