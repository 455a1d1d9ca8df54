/// One typical-experience case (典型经验案例) as imported from a source document.
///
/// This is the unit of the corpus: one JSON object per line in `Models/corpus/*.jsonl`.
/// Field names and their meaning are a contract (see DESIGN.md and the import issue);
/// absent facts are encoded as JSON `null`, never dropped, so that a reviewer sees every field.
public struct CaseRecord: Codable, Equatable, Sendable {
    /// Stable id: `<source id>-<two-digit ordinal>`, e.g. `000-05`.
    public var id: String
    public var source: SourceInfo
    /// The case's number in its document (for `003`, its place in the document's list of cases).
    public var ordinal: Int
    /// The case title, or nil where the document gives none.
    public var title: String?
    public var region: RegionInfo
    /// The Healthy China special action (e.g. 健康知识普及行动) when the document labels the case.
    public var category: String?
    public var background: String?
    public var practices: [Practice]
    public var outcomes: String?
    public var lessons: String?
    /// The source's own phrases that report measured results with numbers.
    public var figures: [String]
    /// Cleaned full text of the case.
    public var text: String

    public init(
        id: String, source: SourceInfo, ordinal: Int, title: String?, region: RegionInfo,
        category: String?, background: String?, practices: [Practice], outcomes: String?,
        lessons: String?, figures: [String], text: String
    ) {
        self.id = id
        self.source = source
        self.ordinal = ordinal
        self.title = title
        self.region = region
        self.category = category
        self.background = background
        self.practices = practices
        self.outcomes = outcomes
        self.lessons = lessons
        self.figures = figures
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, source, ordinal, title, region, category, background, practices, outcomes, lessons, figures, text
    }

    // Encode nils explicitly: a reviewable corpus shows "title": null rather than hiding the field.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(ordinal, forKey: .ordinal)
        try container.encode(title, forKey: .title)
        try container.encode(region, forKey: .region)
        try container.encode(category, forKey: .category)
        try container.encode(background, forKey: .background)
        try container.encode(practices, forKey: .practices)
        try container.encode(outcomes, forKey: .outcomes)
        try container.encode(lessons, forKey: .lessons)
        try container.encode(figures, forKey: .figures)
        try container.encode(text, forKey: .text)
    }
}

/// The document a case comes from.
public struct SourceInfo: Codable, Equatable, Sendable {
    public var id: String
    /// File name of the raw document (as stored in `Models/sources/`).
    public var file: String
    public var title: String?
    public var issuer: String?
    /// 文号, e.g. 国健推委办函〔2021〕3号.
    public var docNumber: String?
    public var year: Int?

    public init(id: String, file: String, title: String?, issuer: String?, docNumber: String?, year: Int?) {
        self.id = id
        self.file = file
        self.title = title
        self.issuer = issuer
        self.docNumber = docNumber
        self.year = year
    }

    enum CodingKeys: String, CodingKey {
        case id, file, title, issuer, year
        case docNumber = "doc_number"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(file, forKey: .file)
        try container.encode(title, forKey: .title)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(docNumber, forKey: .docNumber)
        try container.encode(year, forKey: .year)
    }
}

/// Where a case happened: the name as the document writes it, resolved against the
/// national table of administrative divisions.
public struct RegionInfo: Codable, Equatable, Sendable {
    /// As written in the document, e.g. 信阳罗山.
    public var name: String
    public var province: String?
    public var prefecture: String?
    /// County-level unit: 县, 县级市, 旗, 市辖区.
    public var county: String?
    /// A street or township (街道/乡/镇), or an institution such as a hospital.
    public var subUnit: String?
    /// Level of the most specific administrative unit: province, prefecture, county, district, township.
    public var level: String?

    public init(name: String, province: String?, prefecture: String?, county: String?, subUnit: String?, level: String?) {
        self.name = name
        self.province = province
        self.prefecture = prefecture
        self.county = county
        self.subUnit = subUnit
        self.level = level
    }

    enum CodingKeys: String, CodingKey {
        case name, province, prefecture, county, level
        case subUnit = "sub_unit"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(province, forKey: .province)
        try container.encode(prefecture, forKey: .prefecture)
        try container.encode(county, forKey: .county)
        try container.encode(subUnit, forKey: .subUnit)
        try container.encode(level, forKey: .level)
    }
}

/// A top-level item of what was done (一是…, （一）…, (1)…, 1.…).
public struct Practice: Codable, Equatable, Sendable {
    /// `<case id>-p<n>`, e.g. `000-05-p2`.
    public var id: String
    /// The item's first sentence, without its enumeration marker.
    public var heading: String
    /// The item's whole text, without its enumeration marker.
    public var text: String

    public init(id: String, heading: String, text: String) {
        self.id = id
        self.heading = heading
        self.text = text
    }
}
