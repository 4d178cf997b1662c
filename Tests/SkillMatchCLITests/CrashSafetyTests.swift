import Foundation
import Testing

/// Runs killed at random points and concurrent first uses leave a whole catalogue or none, never a damaged one.
@Suite("crash safety: seeding, first use, killed runs")
struct CrashSafetyTests {
    /// Starts `skillmatch ARGS` in the runner's folder and kills it with SIGKILL after `milliseconds` (if still running).
    func killed(_ runner: CLIRunner, _ arguments: [String], after milliseconds: Int, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SKILLMATCH_DB")
        env["XDG_DATA_HOME"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: runner.folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(milliseconds * 1000))
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    @Test("the default catalogue: a first run killed at any point is seeded whole by the next run")
    func seedingKilled() throws {
        var random = SystemRandomNumberGenerator()
        for round in 0..<6 {
            let runner = CLIRunner()
            let home = runner.folder + "/home"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            // Early rounds die before or while the schema is made, later ones while the demo is imported.
            let delay = [5, 40, 80].indices.contains(round) ? [5, 40, 80][round] : Int.random(in: 5...400, using: &random)
            try killed(runner, ["stats"], after: delay, environment: ["HOME": home])
            let stats = try runner.run(["stats", "--format", "json"], database: false)
            #expect(stats.status == 0, "after a kill at \(delay) ms: \(stats.stderr)")
            let counts = try stats.json() as? [String: Any]
            #expect(counts?["jobs"] as? Int == 39 && counts?["candidates"] as? Int == 7, "after a kill at \(delay) ms: \(stats.stdout)")
            let folder = home + "/.local/share/skillmatch"
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("seeding") }.isEmpty)
        }
    }

    @Test("an empty default catalogue left by an older version is seeded again")
    func emptyDefaultRepaired() throws {
        let runner = CLIRunner()
        let folder = runner.folder + "/home/.local/share/skillmatch"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/catalog.sqlite", contents: Data())
        let counts = try runner.run(["stats", "--format", "json"], database: false).json() as? [String: Any]
        #expect(counts?["jobs"] as? Int == 39)
    }

    @Test("`import demo` into a new file, killed at any point, leaves no file or a whole catalogue")
    func importDemoKilled() throws {
        for delay in [10, 60, 150, 300] {
            let runner = CLIRunner()
            try killed(runner, ["import", "demo", "--db", runner.database], after: delay)
            if FileManager.default.fileExists(atPath: runner.database) {
                let counts = try runner.run(["stats", "--format", "json"]).json() as? [String: Any]
                #expect(counts?["jobs"] as? Int == 39 && counts?["candidates"] as? Int == 7, "killed at \(delay) ms")
            }
            try runner.ok(["import", "demo"])
            let counts = try runner.run(["stats", "--format", "json"]).json() as? [String: Any]
            #expect(counts?["jobs"] as? Int == 39 && counts?["candidates"] as? Int == 7)
        }
    }

    @Test("concurrent first uses of a new database file all succeed")
    func concurrentFirstUse() throws {
        let runner = CLIRunner()
        let catalog = runner.write("small.json", #"{"skills": [{"id": "a", "label": "A"}], "jobs": [{"id": "j", "title": "J", "requirements": [{"skill": "a", "importance": 1}]}]}"#)
        for round in 0..<4 {
            let database = runner.folder + "/db\(round).sqlite"
            let processes = (0..<3).map { _ -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
                process.arguments = ["import", "catalog", catalog, "--db", database]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round)")
            }
        }
    }

    @Test("a file holding only GRDB's empty bookkeeping table (a first run killed early) is taken as new")
    func bookkeepingOnly() throws {
        let runner = CLIRunner()
        let create = Process()
        create.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        create.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)'); c.commit()", runner.database]
        try create.run()
        create.waitUntilExit()
        try #require(create.terminationStatus == 0)
        try runner.ok(["import", "demo"])
    }

    @Test("an import killed at any point lands whole or not at all; so does candidate add")
    func importKilled() throws {
        let runner = CLIRunner()
        try runner.ok(["import", "catalog", runner.write("small.json", #"{"skills": [{"id": "zz", "label": "ZZ"}], "jobs": [{"id": "zz-job", "title": "ZZ", "requirements": [{"skill": "zz", "importance": 1}]}]}"#)])
        let demo = CLIRunner.packageRoot + "/datasets/demo/catalog.json"
        for delay in [20, 60, 100, 150, 220, 300] {
            try killed(runner, ["import", "catalog", demo, "--db", runner.database], after: delay)
            let counts = try runner.run(["stats", "--format", "json"]).json() as? [String: Any]
            let jobs = counts?["jobs"] as? Int
            #expect(jobs == 1 || jobs == 40, "killed at \(delay) ms: \(jobs ?? -1) jobs")
            #expect(try runner.run(["stats"]).status == 0)
        }
        try runner.ok(["import", "catalog", demo])
        let people = CLIRunner.packageRoot + "/datasets/demo/candidates.jsonl"
        for delay in [20, 80, 160] {
            try killed(runner, ["candidate", "add", people, "--db", runner.database], after: delay)
            let counts = try runner.run(["stats", "--format", "json"]).json() as? [String: Any]
            let stored = counts?["candidates"] as? Int
            #expect(stored == 0 || stored == 7, "killed at \(delay) ms: \(stored ?? -1) candidates")
        }
    }
}
