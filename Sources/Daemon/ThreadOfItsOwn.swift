import Foundation

/// Runs blocking work (a model build, a batch of reports: seconds of CPU) on a thread of its
/// own, so that the event loops that answer requests go on answering meanwhile.
func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try body() })
        }
    }
}
