/// A matrix the randomised SVD only touches through products with dense blocks.
public protocol LinearOperator: Sendable {
    /// The number of rows.
    var rows: Int { get }
    /// The number of columns.
    var columns: Int { get }
    /// `self · x` for `x` of size columns × l.
    func times(_ x: ColumnMatrix) -> ColumnMatrix
    /// `selfᵀ · y` for `y` of size rows × l.
    func transposeTimes(_ y: ColumnMatrix) -> ColumnMatrix
}

extension SparseMatrix: LinearOperator {}
extension ColumnMatrix: LinearOperator {}
