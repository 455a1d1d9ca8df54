import Foundation
import Profiles

/// The browser page (`GET /`, config/page/index.html) with the words of the model it is
/// served with: the page's `/*LABELS*/{}/*LABELS*/` and `/*TAGS*/{}/*TAGS*/` become
/// config/labels.json and the taxonomy's labels, so the page never holds a copy that drifts
/// (answers carry keys: terrain mountain, tag health_literacy).
enum BrowserPage {
    static func render(_ template: Data, labels: DomainLabels, tagLabels: [String: String]) -> Data {
        var page = String(decoding: template, as: UTF8.self)
        page = fill(page, marker: "/*LABELS*/", with: script(labels))
        page = fill(page, marker: "/*TAGS*/", with: script(tagLabels))
        return Data(page.utf8)
    }

    /// JSON for inside a <script>: "</" written "<\/" so that no value can close the element.
    static func script(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
        return json.replacingOccurrences(of: "</", with: "<\\/")
    }

    /// `marker…marker` replaced by `marker value marker`; the page unchanged when it has none.
    static func fill(_ page: String, marker: String, with value: String) -> String {
        guard let open = page.range(of: marker), let close = page.range(of: marker, range: open.upperBound..<page.endIndex) else { return page }
        return page.replacingCharacters(in: open.upperBound..<close.lowerBound, with: value)
    }
}
