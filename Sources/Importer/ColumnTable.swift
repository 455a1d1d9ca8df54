import Foundation

/// A collection sent as a spreadsheet (an 汇总表 saved as tab-separated text): a header row that
/// names its columns (序号, 地区, 案例名称, 主要做法, 成效…), then one case per row, a cell
/// quoted when it holds line breaks ("…" as Excel writes it, "" for a quote inside). The columns
/// are found by their names (`tableColumns` in `config/import-rules.json`), in any order.
///
/// Read before paragraphs are built: a quoted cell runs over lines that the paragraph builder
/// would otherwise take for paragraphs of their own. A table of 省 · 市 · 县 with one text column
/// and no title column (collection 000) is read by `CaseSegmenter`'s rows instead.
struct ColumnTable {
    struct Columns {
        var number: Int?
        var regions: [Int] = []
        var title: Int?
        var practices: Int?
        var outcomes: Int?
    }

    let rules: ImportRules.TableColumns

    /// The cases of a table with a header row that names a title column and a practice or outcome
    /// column; nil when the text has no such table.
    func blocks(in text: String) -> (preambleLines: Int, blocks: [CaseBlock])? {
        let lines = ParagraphBuilder.lines(of: text)
        guard let (headerIndex, columns) = header(in: lines) else { return nil }
        var blocks: [CaseBlock] = []
        for record in Self.records(lines, from: headerIndex + 1) {
            let cells = record.cells.map { $0.trimming(.whitespacesAndNewlines) }
            guard cells.filter({ !$0.isEmpty }).count >= 2 else { continue }  // an empty row, a note under the table
            func cell(_ index: Int?) -> String { index.flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
            var block = CaseBlock(line: record.line)
            block.number = columns.number.flatMap { CaseBlock.number(inCell: cell($0)) }
            let regions = columns.regions.map(cell).filter { !$0.isEmpty }
            block.regionWritten = regions.last
            block.regionContext = regions.dropLast().joined()
            let title = cell(columns.title)
            block.title = title.isEmpty ? nil : title
            var body: [Paragraph] = []
            for (label, column) in [("主要做法", columns.practices), ("取得成效", columns.outcomes)] {
                let text = cell(column)
                guard !text.isEmpty else { continue }
                body.append(Paragraph(text: label, cells: [], line: record.line, isHeading: true))
                for part in Self.items(of: text) {
                    body.append(Paragraph(text: part, cells: [], line: record.line, isHeading: false))
                }
            }
            block.body = body
            blocks.append(block)
        }
        return blocks.isEmpty ? nil : (headerIndex, blocks)
    }

    /// The first row of three or more tab-separated cells that names a title column and a
    /// practice or outcome column.
    private func header(in lines: [Substring]) -> (Int, Columns)? {
        for (index, line) in lines.enumerated().prefix(60) {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimming(.whitespaces) }
            guard cells.count >= 3 else { continue }
            var columns = Columns()
            for (position, name) in cells.enumerated() where !name.isEmpty {
                if rules.number.contains(name) { columns.number = position }
                else if rules.region.contains(name) { columns.regions.append(position) }
                else if rules.title.contains(name) { columns.title = position }
                else if rules.practices.contains(name) { columns.practices = position }
                else if rules.outcomes.contains(name) { columns.outcomes = position }
            }
            // A list of names and titles (a 名单) is not a collection: its rows must hold what was done.
            if columns.title != nil, columns.practices != nil || columns.outcomes != nil { return (index, columns) }
        }
        return nil
    }

    struct Record {
        var cells: [String]
        /// 1-based source line where the row starts.
        var line: Int
    }

    /// Rows of tab-separated cells from line `start` on; a cell that opens with " runs to the
    /// closing " (line breaks included, "" a quote inside).
    static func records(_ lines: [Substring], from start: Int) -> [Record] {
        var records: [Record] = []
        var index = start
        while index < lines.count {
            var record = Record(cells: [], line: index + 1)
            var cell = ""
            var quoted = false
            var line = Array(lines[index])
            var position = 0
            var atCellStart = true
            while true {
                if position == line.count {
                    if quoted, index + 1 < lines.count {
                        cell.append("\n")
                        index += 1
                        line = Array(lines[index])
                        position = 0
                        continue
                    }
                    break
                }
                let character = line[position]
                position += 1
                if atCellStart, character == "\"" {
                    quoted = true
                    atCellStart = false
                } else if quoted, character == "\"" {
                    if position < line.count, line[position] == "\"" {
                        cell.append("\"")
                        position += 1
                    } else {
                        quoted = false
                    }
                } else if !quoted, character == "\t" {
                    record.cells.append(cell)
                    cell = ""
                    atCellStart = true
                } else {
                    cell.append(character)
                    atCellStart = false
                }
            }
            record.cells.append(cell)
            records.append(record)
            index += 1
        }
        return records
    }

    /// A cell's lines, and its items split where a number opens one after a stop
    /// (…读本》2万册。2.建设健康步道。): a spreadsheet cell has no paragraphs of its own.
    static func items(of text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).flatMap { line in
            itemStart.replacingMatches(in: String(line), with: "\n").split(separator: "\n").map { String($0).trimming(.whitespaces) }
        }.filter { !$0.isEmpty }
    }

    private static let itemStart = Pattern(#"(?<=[。；;])\s*(?=(?:[0-9]{1,2}[.．、](?![0-9])|（[0-9]{1,2}）|[(][0-9]{1,2}[)]))"#)
}
