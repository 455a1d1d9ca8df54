import Foundation
import Synchronization

/// Request counts and a latency histogram, exposed in Prometheus's text format at
/// `GET /v1/metrics`. Kept by hand: a dozen counters under one lock cost less than wiring
/// swift-metrics to a Prometheus backend, and the format is three lines per series.
public final class DaemonMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let bounds: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    struct State {
        var requests: [String: Int] = [:]  // "route status" → count
        var buckets = [Int](repeating: 0, count: DaemonMetrics.bounds.count)
        var count = 0
        var sum = 0.0
    }

    private let state = Mutex(State())
    private let requestIds = Atomic<Int>(0)
    private let started = Date()

    public init() {}

    /// A number for each request, for its log line and its X-Request-Id header.
    func nextRequestId() -> Int {
        requestIds.wrappingAdd(1, ordering: .relaxed).newValue
    }

    func record(route: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests["\(route) \(status)", default: 0] += 1
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { state.buckets[index] += 1 }
            state.count += 1
            state.sum += seconds
        }
    }

    func exposition(model: ServingModel) -> String {
        let snapshot = state.withLock { $0 }
        var lines = ["# HELP practiced_requests_total Requests answered, by route and status.", "# TYPE practiced_requests_total counter"]
        for (key, count) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ", maxSplits: 1)
            lines.append("practiced_requests_total{route=\"\(parts[0])\",status=\"\(parts[1])\"} \(count)")
        }
        lines += ["# HELP practiced_request_duration_seconds Time to answer a request.", "# TYPE practiced_request_duration_seconds histogram"]
        for (bound, count) in zip(Self.bounds, snapshot.buckets) {
            lines.append("practiced_request_duration_seconds_bucket{le=\"\(bound)\"} \(count)")
        }
        lines.append("practiced_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.count)")
        lines.append("practiced_request_duration_seconds_sum \(snapshot.sum)")
        lines.append("practiced_request_duration_seconds_count \(snapshot.count)")
        lines += [
            "# HELP practiced_model_cases Cases in the model serving now.", "# TYPE practiced_model_cases gauge",
            "practiced_model_cases \(model.cases.count)",
            "# HELP practiced_model_practices Practices in the model serving now.", "# TYPE practiced_model_practices gauge",
            "practiced_model_practices \(model.recommender.scorer.features.practiceIds.count)",
            "# HELP practiced_model_folded_cases Cases folded into the model since its last full build (no SVD).",
            "# TYPE practiced_model_folded_cases gauge", "practiced_model_folded_cases \(model.lsa.foldedCaseCount)",
            "# HELP practiced_model_age_seconds Seconds since the model serving now was loaded.", "# TYPE practiced_model_age_seconds gauge",
            "practiced_model_age_seconds \(Date().timeIntervalSince(model.loaded))",
            "# HELP practiced_uptime_seconds Seconds since the daemon started.", "# TYPE practiced_uptime_seconds gauge",
            "practiced_uptime_seconds \(Date().timeIntervalSince(started))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
