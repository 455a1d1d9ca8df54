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
    /// The place the document is about, as its words give it (河北省, 江西省上饶市婺源县), in which its
    /// cases' short names were read; nil for a national collection.
    public var place: String?
    /// The decisions the importer guessed at, by case id (a region from the body…).
    public var guesses: [String: [String]] = [:]

    /// What an official checks after an import, case by case, with the values that were guesses.
    public var reviews: [CaseReview] {
        cases.map { CaseReview(record: $0, line: lineOfCase[$0.id] ?? 0, guesses: guesses[$0.id] ?? []) }
    }
}

/// One case as the import review shows it: the record, its source line, and the decisions the
/// importer guessed at (a region from the body, an institution placed by its text, a title with no
/// break found…).
public struct CaseReview: Sendable {
    public var record: CaseRecord
    public var line: Int
    public var guesses: [String]
}

/// Raw document (text from a PDF or Word file) → cases. Pure: reads nothing but the bytes given.
public struct Importer: Sendable {
    public let rules: ImportRules
    public let resolver: RegionResolver
    /// Reads the place a document is about from its issuer, 文号 and title.
    public let documentPlace: DocumentPlace?
    /// Larger documents are refused (`import.max_bytes`; no limit unless given).
    public let maxBytes: Int

    public init(rules: ImportRules, resolver: RegionResolver, documentPlace: DocumentPlace? = nil, maxBytes: Int = .max) {
        self.rules = rules
        self.resolver = resolver
        self.documentPlace = documentPlace
        self.maxBytes = maxBytes
    }

    /// The importer of the shipped configuration: the division table and the province
    /// abbreviations of `divisionsDirectory`.
    public init(rules: ImportRules, divisionsDirectory: URL, maxBytes: Int = .max) throws {
        let resolver = try RegionResolver(directory: divisionsDirectory)
        let documentPlace = try DocumentPlace(resolver: resolver, directory: divisionsDirectory)
        self.rules = rules
        self.resolver = resolver
        self.documentPlace = documentPlace
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
        let reader = CaseReader(rules: rules)
        let preamble: [Paragraph], blocks: [CaseBlock]
        if let table = ColumnTable(rules: rules.tableColumns).blocks(in: decoded.text) {
            // A spreadsheet: the lines above its header row are the preamble.
            preamble = paragraphs.filter { $0.line <= table.preambleLines }
            blocks = table.blocks
        } else {
            (preamble, blocks) = CaseSegmenter(resolver: resolver, isSectionHeading: { reader.sectionKind(of: $0) != nil }).segment(paragraphs)
        }
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
        let readings = blocks.map(reader.read)
        let (documentPlace, regions) = placeCases(blocks, readings: readings, metadata: metadata, ordinals: ordinals)
        var warnings: [String] = []
        var cases: [CaseRecord] = []
        var guesses: [String: [String]] = [:]
        for (index, block) in blocks.enumerated() {
            let reading = readings[index]
            // Nothing to recommend or compare: a document that lost a case's text is refused
            // like any document it cannot read, rather than half-read.
            guard !reading.text.allSatisfy(\.isWhitespace) else {
                throw ImportError(file: place, line: block.line, reason: .emptyCase)
            }
            let id = Self.caseId(source: sourceId, ordinal: ordinals[index])
            let practices = reading.practices.enumerated().map { number, item in
                Practice(id: "\(id)-p\(number + 1)", heading: item.heading, text: item.text)
            }
            let region = regions[index].region
            if practices.isEmpty { warnings.append("\(place):\(block.line): case \(id) has no enumerated practices") }
            if region.province == nil {
                let written = region.name.isEmpty ? "no unit named in its head or its first paragraphs" : "region \"\(region.name)\" not found in the division table"
                warnings.append("\(place):\(block.line): case \(id): \(written)")
            }
            let record = CaseRecord(
                id: id, source: source, ordinal: ordinals[index], title: block.title,
                region: region, category: category(of: block), background: reading.background,
                practices: practices, outcomes: reading.outcomes, lessons: reading.lessons,
                figures: reading.figures, text: reading.text)
            cases.append(record)
            guesses[id] = block.guesses + regions[index].guesses + reading.guesses
        }
        let lines = Dictionary(uniqueKeysWithValues: zip(cases.map(\.id), blocks.map(\.line)))
        return ImportedDocument(source: source, cases: cases, encoding: decoded.encoding, warnings: warnings, lineOfCase: lines,
                                place: documentPlace, guesses: guesses)
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

    /// Places each case (see `CasePlacement`). A document that names no province of its own
    /// is read in the province most of its cases resolve to.
    private func placeCases(
        _ blocks: [CaseBlock], readings: [CaseReader.Reading], metadata: DocumentMetadata, ordinals: [Int]
    ) -> (documentPlace: String?, cases: [CasePlacement.Placed]) {
        let regionOfNumber = Dictionary(metadata.caseList.map { ($0.number, $0.region) }) { first, _ in first }
        let units = UnitNames(resolver: resolver)
        func names(_ index: Int) -> [String] {
            let block = blocks[index]
            var names: [String] = []
            if let written = block.regionWritten { names.append(written) }
            if let region = regionOfNumber[ordinals[index]] { names.append(region) }
            if let title = block.title, let lead = units.leadingUnit(of: title), !names.contains(lead) { names.append(lead) }
            return names
        }
        let firstPass = blocks.indices.compactMap { index in
            names(index).lazy.map { resolver.resolve($0, context: blocks[index].regionContext) }.first { $0.isResolved }?.province
        }
        let counts = Dictionary(firstPass.map { ($0, 1) }, uniquingKeysWith: +)
        // A national collection's cases lie in many provinces: theirs is the document's only when
        // most of its cases agree.
        let casesProvince = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
            .flatMap { $0.value * 2 > blocks.count ? $0.key : nil }
        let placement = CasePlacement(resolver: resolver, documentPlace: documentPlace, metadata: metadata, casesProvince: casesProvince)
        let placed = blocks.indices.map { index in
            placement.place(names: names(index), context: blocks[index].regionContext, text: readings[index].text)
        }
        return (placement.placeText.isEmpty ? placement.province : placement.placeText, placed)
    }

    /// The special action a case header or work-group line names (健康知识普及行动类典型案例一).
    private func category(of block: CaseBlock) -> String? {
        for label in block.labels {
            if let action = rules.specialActions.first(where: label.contains) { return action }
        }
        return nil
    }
}
