import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The socket's path on disk: refuse what is not ours to replace, clear a stale socket, remove
/// ours on exit. Written against the C library: no package here inspects or probes a Unix
/// socket file.
public enum SocketFile {
    public struct Refusal: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Makes `path` free for binding: nothing there, or a stale socket (removed). Refuses a
    /// regular file, a directory, a socket a live process answers on, and a folder that any user
    /// may write without the sticky bit (another user could swap the socket for one of theirs).
    public static func prepare(_ path: String) throws {
        guard path.utf8.count < 108 else { throw Refusal(path: path, reason: "too long for a Unix socket path (at most 107 bytes)") }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        var folder = stat()
        if stat(directory.isEmpty ? "." : directory, &folder) == 0, folder.st_mode & S_IWOTH != 0, folder.st_mode & S_ISVTX == 0 {
            throw Refusal(path: path, reason: "its folder is writable by every user and not sticky (mode \(String(folder.st_mode & 0o7777, radix: 8))): another user could replace the socket; choose a private folder or chmod +t it")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw Refusal(path: path, reason: "exists and is not a socket; refusing to replace it (choose another --socket)")
        }
        if isLive(path) { throw Refusal(path: path, reason: "another live process is serving on this socket") }
        guard unlink(path) == 0 else { throw Refusal(path: path, reason: "stale socket cannot be removed: \(String(cString: strerror(errno)))") }
    }

    /// Whether a process accepts connections on the socket at `path`.
    static func isLive(_ path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0
    }

    /// Removes the socket if it is still a socket (never a file that replaced it).
    public static func remove(_ path: String) {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK { unlink(path) }
    }
}
