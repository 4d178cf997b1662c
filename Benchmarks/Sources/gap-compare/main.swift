// Solves generated gap instances with SkillMatch's exact solver and prints one JSON line per instance:
// {"skills", "credentials", "seed", "count", "chosen", "cost", "hours", "optimal", "lowerBound", "nodes", "seconds", "instance"?}
// Usage: gap-compare SKILLS CREDENTIALS INSTANCES [--max-cover K | --density P | --clustered] [--time-limit SECONDS] [--threads N]
//        [--with-instances] [--count-only | --unknown-weights] [--target FRACTION]
// --count-only minimises the count alone (then the ids); --unknown-weights sets every cost and hours to 0 (the ids decide);
// --target F solves the `gap --target` variant instead: the fewest credentials covering a share F of the (equally weighted) skills.
import Foundation
import BenchmarkWorkloads
import SkillVectors

let arguments = CommandLine.arguments
guard arguments.count >= 4, let skills = Int(arguments[1]), let credentials = Int(arguments[2]), let instances = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: gap-compare SKILLS CREDENTIALS INSTANCES [--max-cover K | --density P | --clustered] [--time-limit SECONDS] [--threads N] [--with-instances]\n".utf8))
    exit(2)
}
let density = arguments.firstIndex(of: "--density").flatMap { Double(arguments[$0 + 1]) }
let maxCover = arguments.firstIndex(of: "--max-cover").flatMap { Int(arguments[$0 + 1]) } ?? 6
let withInstances = arguments.contains("--with-instances")
let threads = arguments.firstIndex(of: "--threads").flatMap { Int(arguments[$0 + 1]) }
let timeLimit = arguments.firstIndex(of: "--time-limit").flatMap { Double(arguments[$0 + 1]) }.map { Duration.milliseconds(Int($0 * 1000)) }

for seed in 1...UInt64(instances) {
    var problem: CoverProblem
    if arguments.contains("--clustered") {
        problem = GapInstances.makeClustered(skills: skills, credentials: credentials, seed: seed)
    } else if let density {
        problem = GapInstances.make(skills: skills, credentials: credentials, density: density, seed: seed)
    } else {
        problem = GapInstances.make(skills: skills, credentials: credentials, maxCover: maxCover, seed: seed)
    }
    if arguments.contains("--count-only") { problem.objective = [.count] }
    if arguments.contains("--unknown-weights") { problem = GapInstances.unknownWeights(problem) }
    if let index = arguments.firstIndex(of: "--objective") {
        problem.objective = arguments[index + 1].split(separator: ",").map { name -> CoverMetric in
            switch name { case "count": .count; case "cost": .cost; default: .hours }
        }
    }
    if let index = arguments.firstIndex(of: "--max-count") { problem.maxCount = Int(arguments[index + 1]) }
    let clock = ContinuousClock()
    var outcome: CoverOutcome?
    let target = arguments.firstIndex(of: "--target").flatMap { Double(arguments[$0 + 1]) }
    let elapsed = clock.measure {
        if let target {
            outcome = TargetCoverSolver.solve(GapInstances.target(problem, share: target), timeLimit: timeLimit, threads: threads)
        } else {
            outcome = SetCoverSolver.solve(problem, timeLimit: timeLimit, threads: threads)
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var line: [String: Any] = [
        "skills": skills, "credentials": credentials, "seed": seed, "optimal": outcome!.optimal,
        "lowerBound": outcome!.lowerBound, "nodes": outcome!.nodes, "seconds": seconds,
        "count": outcome!.best?.count ?? -1, "chosen": outcome!.best?.chosen ?? [], "cost": outcome!.best?.cost ?? -1, "hours": outcome!.best?.hours ?? -1,
    ]
    if withInstances {
        line["instance"] = problem.candidates.map { ["covers": $0.covers, "cost": $0.cost, "hours": $0.hours] }
    }
    let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}
