/// How a relatedness model is trained (see ``RelatednessTrainer``). Stored in the model's metadata.
public struct RelatednessParameters: Sendable, Hashable, Codable {
    /// The embedding dimension asked for; the model has `min(dimension, skills, contexts)`.
    public var dimension: Int = 100
    /// The seed of the randomised SVD's test matrix.
    public var seed: UInt64 = 1
    /// Extra test vectors of the randomised SVD.
    public var oversampling: Int = 10
    /// Power iterations of the randomised SVD.
    public var powerIterations: Int = 3
    /// `α` of PPMI's context-distribution smoothing.
    public var contextSmoothing: Double = 0.75
    /// Skill vectors are `U·Σ^p`; `p` (0.5 weighs the two sides of the factorisation equally).
    public var singularValuePower: Double = 0.5
    /// The weight of an occupation context (a job's requirements).
    public var occupationWeight: Double = 1
    /// The weight of a credential context (a credential's grants).
    public var credentialWeight: Double = 1
    /// The weight of a taxonomy context (an ancestor through `broader` links), at the first level up.
    public var taxonomyWeight: Double = 0.5
    /// The factor applied per further level up the hierarchy.
    public var taxonomyDecay: Double = 0.5
    /// The weight of a job-group context (jobs sharing an ISCO-08 minor group, or a job zone).
    public var jobGroupWeight: Double = 0.5

    /// The default parameters.
    public init() {}

    /// Checks the parameters, returning a user-facing sentence for the first problem.
    public func problem() -> String? {
        if dimension < 1 || dimension > 1024 { return "the dimension must be between 1 and 1024" }
        if oversampling < 0 || oversampling > 100 { return "oversampling must be between 0 and 100" }
        if powerIterations < 0 || powerIterations > 20 { return "power iterations must be between 0 and 20" }
        if !(contextSmoothing > 0 && contextSmoothing <= 1) { return "context smoothing must be in (0, 1]" }
        if !(singularValuePower >= 0 && singularValuePower <= 1) { return "the singular value power must be in [0, 1]" }
        for (name, weight) in [("occupation", occupationWeight), ("credential", credentialWeight),
                               ("taxonomy", taxonomyWeight), ("job group", jobGroupWeight)]
        where !(weight >= 0 && weight.isFinite) {
            return "the \(name) weight must be a number from 0 up"
        }
        if !(taxonomyDecay >= 0 && taxonomyDecay <= 1) { return "the taxonomy decay must be in [0, 1]" }
        return nil
    }
}
