import Foundation

/// Lines of a file as the importer numbers them (\n, \r\n or \r end a line): an upper bound
/// for any line number a message may give. Counting every \r and \n over-counts \r\n, which
/// only loosens the bound.
public func lineCount(_ data: Data) -> Int {
    1 + data.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
}
