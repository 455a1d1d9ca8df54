/// A LAPACK routine's non-zero `info`, said in words.
public struct LinearAlgebraError: Error, CustomStringConvertible, Equatable {
    public let routine: String
    public let info: Int32

    public var description: String {
        if info < 0 { return "\(routine): argument \(-info) had an illegal value" }
        switch routine {
        case "dgesdd": return "dgesdd: the SVD did not converge (info \(info))"
        default: return "\(routine): failed with info \(info)"
        }
    }
}
