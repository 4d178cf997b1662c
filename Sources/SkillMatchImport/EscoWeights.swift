/// The importance an ESCO occupation–skill relation becomes: ESCO says only whether a skill is essential or
/// optional for an occupation, so each kind gets one weight. ESCO has no levels: every requirement is level 1.
///
/// The defaults, essential 1 and optional 0.5, make an optional skill count half as much as an essential one in
/// the fit score. A weight of 0 leaves that kind of relation out (it would add nothing to any score); the
/// relations left out are counted in the report.
public struct EscoWeights: Sendable, Hashable, Codable {
    /// The importance of an essential skill (default 1).
    public let essential: Double
    /// The importance of an optional skill (default 0.5).
    public let optional: Double

    /// A weight that cannot be used; the message says which and why.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// `essential` or `optional`: the weight at fault, or `nil` when it is the two together (both 0).
        public var weight: String?
        /// What is wrong, for a user.
        public var description: String
    }

    /// Weights, checked.
    /// - Throws: ``Invalid`` when a weight is negative or not a finite number, or both are 0.
    public init(essential: Double = 1, optional: Double = 0.5) throws(Invalid) {
        for (name, weight) in [("essential", essential), ("optional", optional)] where !(weight >= 0 && weight.isFinite) {
            throw Invalid(weight: name, description: "the \(name) weight must be a number from 0 up (got \(weight))")
        }
        guard essential > 0 || optional > 0 else {
            throw Invalid(weight: nil, description: "the essential and optional weights cannot both be 0 (nothing would be imported)")
        }
        self.essential = essential
        self.optional = optional
    }

    /// Essential 1, optional 0.5.
    public static let standard = try! EscoWeights()
}
