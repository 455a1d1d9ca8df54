import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a document to import, after asking the file system what the path is. A missing path,
/// a directory, a named pipe, a socket or a device is refused saying so, before anything is
/// opened (reading a named pipe waits for a writer that may never come); a file over the size
/// limit is refused before it is read.
public enum SourceFile {
    public static func contents(of path: String, maxBytes: Int) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path, errno: errno, opening: false) }
        try check(path, info, maxBytes: maxBytes)
        // Not blocking: should the path have become a named pipe since the stat, open returns at
        // once and the fstat below refuses it.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno: errno, opening: true, mode: info) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw failure(path, errno: errno, opening: true) }
        try check(path, info, maxBytes: maxBytes)

        var data = Data()
        data.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError(file: path, line: nil, reason: .unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
            // The file grew while it was read: the limit holds for what is there.
            if data.count > maxBytes {
                throw ImportError(file: path, line: nil, reason: .tooLarge(size: data.count, limit: maxBytes))
            }
        }
    }

    private static func check(_ path: String, _ info: stat, maxBytes: Int) throws {
        if let kind = kind(of: info.st_mode) {
            throw ImportError(file: path, line: nil, reason: .notRegularFile(kind))
        }
        if Int(info.st_size) > maxBytes {
            throw ImportError(file: path, line: nil, reason: .tooLarge(size: Int(info.st_size), limit: maxBytes))
        }
    }

    /// What the path is when it is not a regular file.
    private static func kind(of mode: mode_t) -> ImportError.FileKind? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .directory
        case S_IFIFO: return .namedPipe
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return .other
        }
    }

    private static func failure(_ path: String, errno code: Int32, opening: Bool, mode: stat? = nil) -> ImportError {
        switch code {
        case ENOENT:
            // stat follows links: lstat tells a dangling link from nothing at all.
            var link = stat()
            let dangling = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
            return ImportError(file: path, line: nil, reason: dangling ? .unreadable("a symbolic link to a file that does not exist") : .notFound)
        case EACCES where opening:
            let permissions = mode.map { String(Int($0.st_mode) & 0o777, radix: 8) } ?? "?"
            let owner = mode.map { " owned by uid \($0.st_uid)" } ?? ""
            return ImportError(file: path, line: nil, reason: .unreadable(
                "permission denied: the file's mode is 0\(permissions)\(owner), and this process (uid \(getuid())) may not read it"))
        case EACCES:
            return ImportError(file: path, line: nil, reason: .unreadable("permission denied: a directory on the path may not be searched"))
        case ENOTDIR:
            return ImportError(file: path, line: nil, reason: .unreadable("a part of the path before the file name is not a directory"))
        default:
            return ImportError(file: path, line: nil, reason: .unreadable(String(cString: strerror(code))))
        }
    }
}
