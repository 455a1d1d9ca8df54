import ArgumentParser
import Foundation
import NIOHTTP1
import SocketClient
import Synchronization

/// `practiced bench load`: a keep-alive load generator over the daemon's Unix socket.
///
/// C connections each send one request after another for a fixed time; prints one JSON line
/// with requests per second, p50/p99 latency and errors. Written here because the usual
/// generators (wrk, ab, hey) do not speak HTTP over a Unix socket.
struct BenchLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Requests per second and latency of a running daemon, over C keep-alive connections for D seconds.")

    @Option(name: .long, help: "The daemon's Unix socket.")
    var socket: String

    @Option(name: .long, help: "Keep-alive connections, each sending requests one after the other.")
    var connections: Int = 16

    @Option(name: .long, help: "Seconds of load (after one second of warm-up).")
    var duration: Double = 10

    @Option(name: .long, help: "Stop after this many requests in all (0: only the duration counts).")
    var requests: Int = 0

    @Option(name: .long, help: "The path, e.g. /v1/health or /v1/recommend.")
    var path: String = "/v1/health"

    @Option(name: .long, help: "A JSON body to POST (a file); without it the request is a GET.")
    var body: String?

    func validate() throws {
        guard connections >= 1, duration > 0 else { throw ValidationError("--connections and --duration must be positive") }
    }

    func run() async throws {
        let payload = try body.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let method: HTTPMethod = payload == nil ? .GET : .POST
        // Warm-up: every connection once, not measured.
        _ = try await SocketClient.send(to: socket, method: method, path, body: payload)
        let budget = requests > 0 ? requests : Int.max
        let counter = RequestBudget(budget)
        let started = ContinuousClock.now
        let deadline = started + .milliseconds(Int(duration * 1000))
        let results = try await withThrowingTaskGroup(of: (latencies: [Double], errors: Int).self) { group in
            for _ in 0..<connections {
                group.addTask { [socket, path] in
                    try await SocketClient.withConnection(to: socket) { connection in
                        var latencies: [Double] = [], errors = 0
                        latencies.reserveCapacity(200_000)
                        while ContinuousClock.now < deadline, counter.take() {
                            let sent = ContinuousClock.now
                            let response = try await connection.send(method: method, path, body: payload)
                            let elapsed = ContinuousClock.now - sent
                            latencies.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                            if response.status != 200 { errors += 1 }
                        }
                        return (latencies, errors)
                    }
                }
            }
            var all: [(latencies: [Double], errors: Int)] = []
            for try await result in group { all.append(result) }
            return all
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let latencies = results.flatMap(\.latencies).sorted()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] * 1e6
        }
        try printJSON([
            "path": path, "connections": connections, "seconds": seconds, "requests": latencies.count,
            "errors": results.reduce(0) { $0 + $1.errors }, "requests_per_second": Double(latencies.count) / seconds,
            "p50_us": percentile(0.5), "p99_us": percentile(0.99),
        ])
    }
}

/// How many requests are left when a total is set.
final class RequestBudget: Sendable {
    private let left: Atomic<Int>

    init(_ total: Int) { left = Atomic(total) }

    /// Takes one request from the budget; false once it is spent.
    func take() -> Bool {
        left.subtract(1, ordering: .relaxed).newValue >= 0
    }
}
