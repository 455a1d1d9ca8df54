import Synchronization

/// Values computed on first use and kept, by row: what an answer needs of a case or a practice
/// that does not depend on the request (a decoded case, its evidence, its encoded pieces), for
/// the few rows answers show rather than for the whole corpus at every start. Shared by the
/// requests of every event loop; two that miss at once both compute, one value is kept.
public final class Memo<Value: Sendable>: Sendable {
    private let values: Mutex<[Int: Value]>

    public init(_ known: [Int: Value] = [:]) {
        values = Mutex(known)
    }

    public func value(_ row: Int, _ compute: () throws -> Value) rethrows -> Value {
        if let known = values.withLock({ $0[row] }) { return known }
        let value = try compute()
        values.withLock { $0[row] = $0[row] ?? value }
        return value
    }
}
