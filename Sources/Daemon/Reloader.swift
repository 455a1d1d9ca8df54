import CMalloc
import Foundation
import Logging
import Synchronization

/// Builds new model generations and swaps them in, one build at a time: a reload (SIGHUP,
/// `POST /v1/admin/reload`) and a corpus edit (`POST`/`DELETE /v1/cases`) never overlap, so
/// a slow reload cannot swap in a model older than an edit that finished before it.
///
/// Reload requests coalesce: while one reload runs, every request that arrives waits for the
/// single next reload, which reads what is on disk after all of them — a storm of SIGHUPs costs
/// at most two builds, one thread, one model's memory.
public final class Reloader: Sendable {
    /// A way to build the model from what is on disk now; after a corpus edit it is given the
    /// model serving until then, to grow or shrink instead of building anew.
    public typealias Build = @Sendable (_ editing: ServingModel?) throws -> ServingModel

    let store: ModelStore
    let logger: Logger
    /// Reads the configuration again and returns how to build with it.
    let configure: @Sendable () async throws -> Build
    /// The build of the latest configuration, for corpus edits.
    private let latestBuild: Mutex<Build>
    /// Held by the thread that builds (and swaps) a model.
    private let building = NSLock()
    /// Reload requests not yet answered.
    private let queue = Mutex(ReloadQueue())

    public init(store: ModelStore, logger: Logger, build: @escaping Build, configure: @escaping @Sendable () async throws -> Build) {
        self.store = store
        self.logger = logger
        self.configure = configure
        latestBuild = Mutex(build)
    }

    public enum Failure: Error, CustomStringConvertible {
        case failed(String)

        public var description: String {
            switch self {
            case .failed(let reason): return reason
            }
        }
    }

    /// Reloads, or joins the reload that will start next: every caller is answered by a reload
    /// that started after its request.
    public func reload(reason: String) async -> Result<ServingModel, Failure> {
        await withCheckedContinuation { continuation in
            let startsTheLoop = queue.withLock { queue in
                queue.requested += 1
                queue.waiting.append(.init(ticket: queue.requested, reason: reason, continuation: continuation))
                defer { queue.running = true }
                return !queue.running
            }
            if startsTheLoop { Task { await self.reloadWhileRequested() } }
        }
    }

    /// One reload per round for every request made before the round began, until none waits.
    private func reloadWhileRequested() async {
        while true {
            let round: (ticket: Int, reasons: [String])? = queue.withLock { queue in
                guard queue.answered < queue.requested else {
                    queue.running = false
                    return nil
                }
                return (queue.requested, queue.waiting.map(\.reason))
            }
            guard let round else { return }
            var reasons: [String] = []
            for reason in round.reasons where !reasons.contains(reason) { reasons.append(reason) }
            let outcome = await reloadNow(reason: reasons.joined(separator: ", "), requests: round.reasons.count)
            let answered = queue.withLock { queue in
                queue.answered = round.ticket
                let answered = queue.waiting.filter { $0.ticket <= round.ticket }
                queue.waiting.removeAll { $0.ticket <= round.ticket }
                return answered
            }
            for waiter in answered { waiter.continuation.resume(returning: outcome) }
        }
    }

    private func reloadNow(reason: String, requests: Int) async -> Result<ServingModel, Failure> {
        logger.info("reload started", metadata: ["reason": "\(reason)", "requests": "\(requests)"])
        let started = ContinuousClock.now
        let outcome: Result<ServingModel, Failure>
        do {
            let build = try await configure()
            latestBuild.withLock { $0 = build }
            outcome = .success(try await exclusively { try build(nil) })
        } catch {
            outcome = .failure(.failed("\(error)"))
        }
        switch outcome {
        case .success(let model):
            logger.info("reload done: new model serving", metadata: [
                "cases": "\(model.cases.count)", "fingerprint": "\(model.fingerprint)", "seconds": "\(ContinuousClock.now - started)",
            ])
        case .failure(let error):
            logger.error("reload failed: the old model keeps serving", metadata: ["reason": "\(error)"])
        }
        return outcome
    }

    /// Changes the files the model is built from, then builds and swaps in the new model; if the
    /// build fails, the undo that `change` returned puts the files back and the old model keeps
    /// serving. `change` runs under the build lock: it reads the files, checks and writes them
    /// with no other edit or reload in between.
    func edit(change: @escaping @Sendable () throws -> CorpusEditor.Undo) async throws -> ServingModel {
        let build = latestBuild.withLock { $0 }
        return try await exclusively { [store] in
            let undo = try change()
            do { return try build(store.current) } catch {
                try undo()
                throw error
            }
        }
    }

    /// Runs a build on a thread of its own (CPU work of seconds: the threads answering requests
    /// go on answering) under the build lock, and swaps its model in before releasing the lock.
    private func exclusively(_ body: @escaping @Sendable () throws -> ServingModel) async throws -> ServingModel {
        try await onThreadOfItsOwn { [building, store] in
            building.lock()
            defer { building.unlock() }
            let model = try body()
            store.replace(with: model)
            // The old generation's memory (freed here unless a request still holds it) given
            // back to the system: glibc keeps a freed heap otherwise, and after an edit of a
            // 50,000-case corpus the daemon went on holding two engines' worth.
            malloc_trim(0)
            return model
        }
    }
}

/// The reload requests of a `Reloader`: numbered as they come; the loop answers all those up to
/// the number it read when its round began.
private struct ReloadQueue {
    struct Waiter {
        let ticket: Int
        let reason: String
        let continuation: CheckedContinuation<Result<ServingModel, Reloader.Failure>, Never>
    }

    var requested = 0
    var answered = 0
    var running = false
    var waiting: [Waiter] = []
}
