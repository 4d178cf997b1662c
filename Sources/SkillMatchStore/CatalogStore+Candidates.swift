import GRDB
import SkillMatch

extension CatalogStore {
    /// Stores candidates in one transaction; a candidate whose id is stored already is replaced.
    ///
    /// - Parameter check: given the catalogue, throws when a candidate is invalid; then nothing changes.
    /// - Returns: how many were added and how many replaced.
    public func addCandidates(_ candidates: [Candidate], check: (Catalog) throws -> Void) throws -> (added: Int, updated: Int) {
        try write("store the candidates") { db in
            try check(try Self.loadCatalog(db))
            var added = 0
            var updated = 0
            for candidate in candidates {
                if try Self.save(candidate, db) { updated += 1 } else { added += 1 }
            }
            return (added, updated)
        }
    }

    /// Stores one candidate already checked against the catalogue (its skill and credential ids are also held to the
    /// catalogue by the database's foreign keys), replacing a stored one with the same id; returns whether it replaced
    /// one. Unlike ``addCandidates(_:check:)`` it does not load the catalogue: for a server that holds it loaded.
    public func saveCandidate(_ candidate: Candidate) throws -> Bool {
        try saveCandidate(candidate, ifCurrent: { _ in })
    }

    /// Stores one candidate as ``saveCandidate(_:)`` does, after `check` has accepted the candidate stored under its
    /// id now (nil when there is none). Reading, checking and writing are one immediate transaction, so no other
    /// writer (thread or process) can change the candidate in between: the way to a conditional write (HTTP
    /// `If-Match`) without lost updates. When `check` throws, nothing changes and its error passes through.
    public func saveCandidate(_ candidate: Candidate, ifCurrent check: (Candidate?) throws -> Void) throws -> Bool {
        try write("store the candidate") { db in
            try check(try Self.loadCandidates(db, id: candidate.id).first)
            return try Self.save(candidate, db)
        }
    }

    /// Removes the stored candidate with this id; returns whether there was one.
    public func removeCandidate(_ id: String) throws -> Bool {
        try removeCandidate(id, ifCurrent: { _ in })
    }

    /// Removes the stored candidate with this id, as ``removeCandidate(_:)`` does, after `check` has accepted the
    /// candidate stored now (nil when there is none), in the same transaction.
    public func removeCandidate(_ id: String, ifCurrent check: (Candidate?) throws -> Void) throws -> Bool {
        try write("remove the candidate") { db in
            try check(try Self.loadCandidates(db, id: id).first)
            try db.execute(sql: "DELETE FROM candidateSkill WHERE candidateId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM candidateCredential WHERE candidateId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM candidate WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    /// A number that changes whenever another connection (another process's import, say) commits a change to the
    /// file (SQLite's `PRAGMA data_version`); changes through this store leave it as it is.
    public func dataVersion() throws -> Int {
        try read("read the catalogue") { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// Writes one candidate; returns whether one with its id was stored already.
    private static func save(_ candidate: Candidate, _ db: Database) throws -> Bool {
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM candidate WHERE id = ?)", arguments: [candidate.id]) ?? false
        try db.execute(
            sql: "INSERT INTO candidate (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name",
            arguments: [candidate.id, candidate.name])
        try db.execute(sql: "DELETE FROM candidateSkill WHERE candidateId = ?", arguments: [candidate.id])
        try db.execute(sql: "DELETE FROM candidateCredential WHERE candidateId = ?", arguments: [candidate.id])
        let skill = try db.cachedStatement(
            sql: "INSERT INTO candidateSkill (candidateId, skillId, position, level, evidence) VALUES (?, ?, ?, ?, ?)")
        for (position, held) in candidate.skills.enumerated() {
            try skill.execute(arguments: [candidate.id, held.skill, position, held.level, held.evidence])
        }
        let credential = try db.cachedStatement(
            sql: "INSERT INTO candidateCredential (candidateId, credentialId, position) VALUES (?, ?, ?)")
        for (position, id) in candidate.credentials.enumerated() {
            try credential.execute(arguments: [candidate.id, id, position])
        }
        return exists
    }

    /// The stored candidate with this id.
    public func candidate(_ id: String) throws -> Candidate? {
        try read("read the candidates") { db in try Self.loadCandidates(db, id: id).first }
    }

    /// Every stored candidate, by id.
    public func candidates() throws -> [Candidate] {
        try read("read the candidates") { db in try Self.loadCandidates(db, id: nil) }
    }

    /// How many candidates are stored, and the first `limit` by id with their names (for a picker; no skills read).
    public func candidateNames(limit: Int) throws -> (count: Int, first: [(id: String, name: String?)]) {
        try read("read the candidates") { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM candidate") ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM candidate ORDER BY id LIMIT ?", arguments: [max(0, limit)])
            return (count, rows.map { (id: $0["id"], name: $0["name"]) })
        }
    }

    private static func loadCandidates(_ db: Database, id: String?) throws -> [Candidate] {
        let filter = id == nil ? "" : "WHERE candidateId = ?"
        let arguments: StatementArguments = id.map { [$0] } ?? []
        var skills: [String: [HeldSkill]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM candidateSkill \(filter) ORDER BY candidateId, position", arguments: arguments) {
            skills[row["candidateId"], default: []].append(HeldSkill(skill: row["skillId"], level: row["level"], evidence: row["evidence"]))
        }
        var credentials: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM candidateCredential \(filter) ORDER BY candidateId, position", arguments: arguments) {
            credentials[row["candidateId"], default: []].append(row["credentialId"])
        }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM candidate \(id == nil ? "" : "WHERE id = ?") ORDER BY id", arguments: arguments)
        return rows.map { row in
            let id: String = row["id"]
            return Candidate(id: id, name: row["name"], skills: skills[id] ?? [], credentials: credentials[id] ?? [])
        }
    }
}
