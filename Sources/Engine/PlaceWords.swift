/// The words that name the corpus's places, for telling a term that says *where* (鹤壁市,
/// 健康河北, 河北省委) from one that says *what*. A term is a place's when it is one of the names
/// (full or short: 鹤壁, 罗山), or holds a full name or a province's short name (河北, 内蒙古)
/// inside it. Other short names only count whole: 公安 (公安县) is also the police, and 公安局
/// must stay a word about what was done.
public struct PlaceWords: Sendable {
    /// Full and short names, matched as the whole term.
    let names: Set<String>
    /// Full names and provinces' short names, matched anywhere in a term.
    let held: Set<String>
    let longestHeld: Int

    public init(names: Set<String>, held: Set<String>) {
        self.names = names
        self.held = held
        longestHeld = held.map(\.count).max() ?? 0
    }

    public static let none = PlaceWords(names: [], held: [])

    public func marks(_ term: String) -> Bool {
        if names.contains(term) { return true }
        guard longestHeld >= 2 else { return false }
        let characters = Array(term)
        for start in characters.indices {
            let end = min(characters.count, start + longestHeld)
            guard start + 2 <= end else { break }
            for stop in (start + 2)...end where held.contains(String(characters[start..<stop])) { return true }
        }
        return false
    }
}
