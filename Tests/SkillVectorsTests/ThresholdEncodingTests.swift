import Testing
@testable import SkillVectors

@Suite("Threshold encoding")
struct ThresholdEncodingTests {
    /// The reference credit for one requirement: w · min(h, r) / r / W.
    func credit(held: Double, required: Double, weight: Double, total: Double) -> Double {
        weight * min(held, required) / required / total
    }

    @Test("breakpoints are the distinct required levels of each skill, sorted")
    func breakpoints() {
        let encoding = ThresholdEncoding(
            skillCount: 3, requiredLevels: [(0, 0.5), (0, 0.25), (0, 0.5), (2, 1.0)].map { (skill: $0.0, level: $0.1) })
        #expect(encoding.featureStarts == [0, 2, 2, 3])
        #expect(encoding.breakpoints == [0.25, 0.5, 1.0])
        #expect(encoding.feature(skill: 0, level: 0.5) == 1)
        #expect(encoding.feature(skill: 0, level: 0.75) == nil)
        #expect(encoding.feature(skill: 1, level: 0.5) == nil)
        #expect(encoding.feature(skill: 2, level: 1.0) == 2)
    }

    @Test("one inner product is the exact credit, for held levels on and off the grid")
    func innerProductIsCredit() {
        let levels = [0.2, 0.25, 0.5, 0.6, 0.75, 1.0]
        let encoding = ThresholdEncoding(skillCount: 1, requiredLevels: levels.map { (skill: 0, level: $0) })
        for required in levels {
            var job = [Double](repeating: 0, count: encoding.featureCount)
            job.withUnsafeMutableBufferPointer {
                encoding.encodeRequired([(skill: 0, weight: 3.0, level: required)], into: $0)
            }
            for held in [0.0, 0.1, 0.2, 0.3, 0.5, 0.55, 0.75, 0.9, 1.0] {
                var candidate = [Double](repeating: 0, count: encoding.featureCount)
                candidate.withUnsafeMutableBufferPointer { encoding.encodeHeld([(skill: 0, level: held)], into: $0) }
                let product = zip(job, candidate).reduce(0) { $0 + $1.0 * $1.1 }
                let expected = credit(held: held, required: required, weight: 3, total: 3)
                #expect(abs(product - expected) < 1e-12, "h=\(held) r=\(required): \(product) vs \(expected)")
            }
        }
    }

    @Test("random jobs: the encoded score equals the formula")
    func randomJobs() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let skills = Int.random(in: 1...8, using: &random)
            let requirements = (0..<skills).filter { _ in Bool.random(using: &random) }.map { skill in
                (skill: skill, weight: Double.random(in: 0.1...5, using: &random), level: Double.random(in: 0.01...1, using: &random))
            }
            guard !requirements.isEmpty else { continue }
            let encoding = ThresholdEncoding(skillCount: skills, requiredLevels: requirements.map { (skill: $0.skill, level: $0.level) })
            let held = (0..<skills).map { (skill: $0, level: Bool.random(using: &random) ? Double.random(in: 0...1, using: &random) : 0) }
            var job = [Double](repeating: 0, count: encoding.featureCount)
            job.withUnsafeMutableBufferPointer { encoding.encodeRequired(requirements, into: $0) }
            var candidate = [Double](repeating: 0, count: encoding.featureCount)
            candidate.withUnsafeMutableBufferPointer { encoding.encodeHeld(held, into: $0) }
            let total = requirements.reduce(0) { $0 + $1.weight }
            let expected = requirements.reduce(0) { $0 + credit(held: held[$1.skill].level, required: $1.level, weight: $1.weight, total: total) }
            let product = zip(job, candidate).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(product - expected) < 1e-12)
        }
    }
}
