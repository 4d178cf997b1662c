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
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM candidate WHERE id = ?)", arguments: [candidate.id]) ?? false
                if exists { updated += 1 } else { added += 1 }
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
            }
            return (added, updated)
        }
    }

    /// The stored candidate with this id.
    public func candidate(_ id: String) throws -> Candidate? {
        try read("read the candidates") { db in try Self.loadCandidates(db, id: id).first }
    }

    /// Every stored candidate, by id.
    public func candidates() throws -> [Candidate] {
        try read("read the candidates") { db in try Self.loadCandidates(db, id: nil) }
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
