import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// HTTP/1.1 over a Unix socket, keep-alive: the command line's `--socket` and the load
/// benchmark talk to the daemon through it. Built on SwiftNIO's client bootstrap and HTTP
/// codec; what is here is only the request/response loop over one connection.
public enum SocketClient {
    public struct Response: Sendable {
        public let status: Int
        public let body: Data
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// One connection for the duration of `body`; requests on it go one after the other.
    public static func withConnection<T: Sendable>(to path: String, _ body: (Connection) async throws -> T) async throws -> T {
        let channel: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(unixDomainSocketPath: path) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw Failure(message: "\(path): cannot connect to the daemon (\(error)); is `practiced serve` running there?")
        }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(Connection(inbound: inbound.makeAsyncIterator(), outbound: outbound))
        }
    }

    /// One request on a connection of its own.
    public static func send(to path: String, method: HTTPMethod, _ target: String, body: Data? = nil, accept: String = "application/json") async throws -> Response {
        try await withConnection(to: path) { try await $0.send(method: method, target, body: body, accept: accept) }
    }

    public final class Connection {
        var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

        init(inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>) {
            self.inbound = inbound
            self.outbound = outbound
        }

        public func send(method: HTTPMethod, _ target: String, body: Data? = nil, accept: String = "application/json") async throws -> Response {
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: target)
            head.headers.add(name: "Host", value: "practiced")
            head.headers.add(name: "Accept", value: accept)
            if let body {
                head.headers.add(name: "Content-Type", value: "application/json")
                head.headers.add(name: "Content-Length", value: String(body.count))
            } else if method == .POST {
                head.headers.add(name: "Content-Length", value: "0")
            }
            try await outbound.write(.head(head))
            if let body { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
            var status = 0
            var received = ByteBuffer()
            while let part = try await inbound.next() {
                switch part {
                case .head(let head): status = Int(head.status.code)
                case .body(var chunk): received.writeBuffer(&chunk)
                case .end: return Response(status: status, body: Data(received.readableBytesView))
                }
            }
            throw Failure(message: "the daemon closed the connection before answering")
        }
    }
}
