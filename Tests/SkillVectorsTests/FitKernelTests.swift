import Testing
@testable import SkillVectors

@Suite("Fit kernel")
struct FitKernelTests {
    typealias Requirements = [(skill: Int, weight: Double, level: Double)]

    /// The fit formula in plain loops.
    func reference(_ job: Requirements, _ held: [Double]) -> Double {
        let total = job.reduce(0) { $0 + $1.weight }
        return job.reduce(0) { $0 + $1.weight * min(held[$1.skill], $1.level) / $1.level } / total
    }

    func randomCatalogue(_ random: inout SplitMix64, skills: Int, jobs: Int, density: Double) -> [Requirements] {
        (0..<jobs).map { _ in
            var requirements: Requirements = (0..<skills).compactMap { skill in
                Double.random(in: 0..<1, using: &random) < density
                    ? (skill: skill, weight: Double(Int.random(in: 1...5, using: &random)), level: Double(Int.random(in: 1...4, using: &random)) / 4)
                    : nil
            }
            if requirements.isEmpty { requirements = [(skill: Int.random(in: 0..<skills, using: &random), weight: 1, level: 1)] }
            return requirements
        }
    }

    func encoding(for jobs: [Requirements], skills: Int) -> ThresholdEncoding {
        ThresholdEncoding(skillCount: skills, requiredLevels: jobs.flatMap { $0.map { (skill: $0.skill, level: $0.level) } })
    }

    @Test("dense (BLAS gemv), sparse and block (BLAS gemm) scores equal the formula", arguments: [0.02, 0.3, 0.9])
    func kernelsAgree(density: Double) {
        var random = SplitMix64(seed: UInt64(density * 1000))
        let skills = 40
        let jobs = randomCatalogue(&random, skills: skills, jobs: 37, density: density)
        let encoding = encoding(for: jobs, skills: skills)
        let dense = FitKernel<Double>(encoding: encoding, jobs: jobs, storage: .dense)
        let sparse = FitKernel<Double>(encoding: encoding, jobs: jobs, storage: .sparse)
        let single = FitKernel<Float>(encoding: encoding, jobs: jobs, storage: .dense)
        #expect(dense.storage == .dense && sparse.storage == .sparse)
        let candidates = (0..<13).map { _ in
            (0..<skills).map { _ in Bool.random(using: &random) ? Double.random(in: 0...1, using: &random) : 0 }
        }
        let block = candidates.map { held in held.enumerated().map { (skill: $0.offset, level: $0.element) } }
        let denseBlock = dense.scores(block: block)
        let sparseBlock = sparse.scores(block: block)
        for (row, held) in candidates.enumerated() {
            let expected = jobs.map { reference($0, held) }
            let viaDense = dense.scores(held: block[row])
            let viaSparse = sparse.scores(held: block[row])
            let viaFloat = single.scores(held: block[row])
            for job in jobs.indices {
                #expect(abs(viaDense[job] - expected[job]) < 1e-12)
                #expect(abs(viaSparse[job] - expected[job]) < 1e-12)
                #expect(abs(denseBlock[row, job] - expected[job]) < 1e-12)
                #expect(abs(sparseBlock[row, job] - expected[job]) < 1e-12)
                #expect(abs(viaFloat[job] - expected[job]) < 1e-5)
            }
        }
    }

    @Test("automatic storage chooses sparse below the density threshold")
    func automaticStorage() {
        var random = SplitMix64(seed: 3)
        let sparseJobs = randomCatalogue(&random, skills: 400, jobs: 300, density: 0.005)
        #expect(FitKernel<Double>(encoding: encoding(for: sparseJobs, skills: 400), jobs: sparseJobs).storage == .sparse)
        let denseJobs = randomCatalogue(&random, skills: 10, jobs: 20, density: 0.8)
        #expect(FitKernel<Double>(encoding: encoding(for: denseJobs, skills: 10), jobs: denseJobs).storage == .dense)
    }

    @Test("empty shapes never reach BLAS")
    func emptyShapes() {
        let none = FitKernel<Double>(encoding: ThresholdEncoding(skillCount: 0, requiredLevels: []), jobs: [], storage: .dense)
        #expect(none.scores(held: []).isEmpty)
        #expect(none.scores(block: [[]]).rows == 1)
        let jobs: [Requirements] = [[(skill: 0, weight: 1, level: 1)]]
        let one = FitKernel<Double>(encoding: encoding(for: jobs, skills: 2), jobs: jobs, storage: .dense)
        #expect(one.scores(block: []).rows == 0)
        #expect(one.scores(held: []) == [0])
        #expect(one.scores(held: [(skill: 1, level: 1)]) == [0])
        #expect(one.scores(held: [(skill: 0, level: 1)]) == [1])
    }
}
