import Engine
import Features
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
import Profiles

/// Limits on what a request may carry (`daemon:` in the configuration).
public struct RequestLimits: Sendable {
    /// Bodies beyond this are refused with 413. (A profile's or a query's text has its limit in
    /// `ProfileAnalyzer`, shared with the command line.)
    public var maxBodyBytes: Int

    public init(maxBodyBytes: Int = 1 << 20) {
        self.maxBodyBytes = maxBodyBytes
    }
}

/// A request's body read whole and decoded (`RequestDecoding`): 413 when too large, 400 when
/// broken, not UTF-8 or not JSON, 422 when a field has the wrong type or value.
struct RequestBodyReader {
    let limits: RequestLimits

    func object(_ request: Request) async throws -> (object: [String: Any], data: Data) {
        let data = try await bytes(request)
        return (try RequestDecoding.object(from: data), data)
    }

    func recommendation(_ request: Request) async throws -> (profile: RegionProfile, top: Int, filter: CaseFilter) {
        try RequestDecoding.recommendation(from: try await bytes(request))
    }

    /// The body's bytes: 413 when too large, 400 when not UTF-8.
    private func bytes(_ request: Request) async throws -> Data {
        let tooLarge = APIError(.contentTooLarge, "body_too_large", "the body is over \(limits.maxBodyBytes) bytes")
        // A declared length over the limit is refused before a byte of the body is read.
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limits.maxBodyBytes { throw tooLarge }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limits.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        } catch let error as HTTPParserError {
            // Broken framing (a bad chunk size, a body cut short): Hummingbird answers 400 and
            // closes the connection, which cannot be read further.
            throw error
        } catch {
            throw APIError.badRequest("the body could not be read whole: \(error)")
        }
        let bytes = Array(buffer.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else { throw APIError.badRequest("the body is not valid UTF-8") }
        return Data(bytes)
    }
}
