import GRDB

/// The catalogue's tables. Migrations never change once shipped: add new ones.
enum CatalogSchema {
    /// `PRAGMA application_id` of SkillMatch databases: the ASCII bytes "SKM1".
    static let applicationID: Int32 = 0x534B_4D31
    /// `PRAGMA user_version` of a catalogue at this schema: the number of migrations. A larger one was written by a
    /// newer SkillMatch, even when its migrations are named as ours.
    static let version: Int32 = 8

    static func isFromTheFuture(_ db: Database) throws -> Bool { (try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0) > version }

    static func isStamped(_ db: Database) throws -> Bool { (try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0) == version }

    /// Records the schema version (after migrating).
    static func stampVersion(_ db: Database) throws {
        if try !isStamped(db) { try db.execute(sql: "PRAGMA user_version = \(version)") }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: catalogue and candidates") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "skill") { t in
                t.primaryKey("id", .text)
                t.column("label", .text).notNull()
                t.column("type", .text)
                t.column("description", .text)
                t.column("altLabels", .text).notNull().defaults(to: "[]")  // JSON list
            }
            try db.create(table: "job") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("description", .text)
                t.column("inDemand", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "requirement") { t in
                t.column("jobId", .text).notNull().references("job", onDelete: .cascade)
                t.column("skillId", .text).notNull().references("skill")
                t.column("position", .integer).notNull()
                t.column("importance", .double).notNull()
                t.column("level", .double).notNull()
                t.primaryKey(["jobId", "skillId"])
            }
            try db.create(index: "requirement_on_skill", on: "requirement", columns: ["skillId"])
            try db.create(table: "credential") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("issuer", .text)
                t.column("type", .text)
                t.column("cost", .double)
                t.column("hours", .double)
                t.column("url", .text)
                t.column("inDemand", .boolean).notNull().defaults(to: false)
                t.column("accreditations", .text).notNull().defaults(to: "[]")  // JSON list
                t.column("industryEndorsed", .boolean)
                t.column("examRequired", .boolean)
                t.column("educationRequired", .boolean)
                t.column("experienceRequired", .boolean)
                t.column("renewalYears", .double)
                t.column("renewalMethods", .text).notNull().defaults(to: "[]")  // JSON list
            }
            try db.create(table: "grant") { t in
                t.column("credentialId", .text).notNull().references("credential", onDelete: .cascade)
                t.column("skillId", .text).notNull().references("skill")
                t.column("position", .integer).notNull()
                t.column("level", .double).notNull()
                t.primaryKey(["credentialId", "skillId"])
            }
            try db.create(index: "grant_on_skill", on: "grant", columns: ["skillId"])
            try db.create(table: "prerequisite") { t in
                t.column("credentialId", .text).notNull().references("credential", onDelete: .cascade)
                t.column("prerequisiteId", .text).notNull().references("credential")
                t.column("position", .integer).notNull()
                t.primaryKey(["credentialId", "prerequisiteId"])
            }
            try db.create(table: "candidate") { t in
                t.primaryKey("id", .text)
                t.column("name", .text)
            }
            try db.create(table: "candidateSkill") { t in
                t.column("candidateId", .text).notNull().references("candidate", onDelete: .cascade)
                t.column("skillId", .text).notNull().references("skill")
                t.column("position", .integer).notNull()
                t.column("level", .double).notNull()
                t.primaryKey(["candidateId", "skillId"])
            }
            try db.create(table: "candidateCredential") { t in
                t.column("candidateId", .text).notNull().references("candidate", onDelete: .cascade)
                t.column("credentialId", .text).notNull().references("credential")
                t.column("position", .integer).notNull()
                t.primaryKey(["candidateId", "credentialId"])
            }
        }
        migrator.registerMigration("v2: job zones and alternate titles") { db in
            try db.alter(table: "job") { t in
                t.add(column: "jobZone", .integer)
                t.add(column: "alternateTitles", .text).notNull().defaults(to: "[]")  // JSON list
            }
        }
        migrator.registerMigration("v3: hidden labels, skill hierarchy and skill groups, ISCO groups") { db in
            try db.alter(table: "skill") { t in
                t.add(column: "hiddenLabels", .text).notNull().defaults(to: "[]")  // JSON list
                t.add(column: "broader", .text).notNull().defaults(to: "[]")  // JSON list of skill or skill group ids
                t.add(column: "reuseLevel", .text)
            }
            try db.alter(table: "job") { t in
                t.add(column: "iscoGroup", .text)
            }
            try db.create(table: "skillGroup") { t in
                t.primaryKey("id", .text)
                t.column("label", .text).notNull()
                t.column("code", .text)
                t.column("description", .text)
                t.column("broader", .text).notNull().defaults(to: "[]")  // JSON list of skill group ids
            }
        }
        migrator.registerMigration("v4: technology flags, original levels, job preparation, sources, ESCO collections and relations") { db in
            try db.alter(table: "skill") { t in
                t.add(column: "hotTechnology", .boolean).notNull().defaults(to: false)
                t.add(column: "source", .text)
                t.add(column: "collections", .text).notNull().defaults(to: "[]")  // JSON list
                t.add(column: "related", .text).notNull().defaults(to: "[]")  // JSON list of {"skill", "relation"}
            }
            try db.alter(table: "requirement") { t in
                t.add(column: "originalLevel", .double)
                t.add(column: "inDemand", .boolean).notNull().defaults(to: false)
            }
            try db.alter(table: "job") { t in
                t.add(column: "preparation", .text)  // JSON object (JobPreparation)
                t.add(column: "source", .text)
                t.add(column: "hiddenTitles", .text).notNull().defaults(to: "[]")  // JSON list
            }
            try db.alter(table: "credential") { t in
                t.add(column: "source", .text)
            }
            try db.alter(table: "skillGroup") { t in
                t.add(column: "source", .text)
            }
        }
        migrator.registerMigration("v5: relatedness models", migrate: relatednessModels)  // CatalogStore+Models.swift
        migrator.registerMigration("v6: job tasks, derived requirements, inferred candidate skills") { db in
            try db.alter(table: "job") { t in
                t.add(column: "tasks", .text).notNull().defaults(to: "[]")  // JSON list
                t.add(column: "derivedRequirements", .text)  // JSON object (DerivedRequirements), NULL when rated
            }
            try db.alter(table: "candidateSkill") { t in
                t.add(column: "evidence", .text)  // NULL when stated; how a level was inferred from a document
            }
        }
        migrator.registerMigration("v7: job activities and interests") { db in
            try db.alter(table: "job") { t in
                t.add(column: "activities", .text).notNull().defaults(to: "[]")  // JSON list of DWA ids
                t.add(column: "interests", .text)  // JSON object (InterestProfile), NULL when not published
            }
        }
        migrator.registerMigration("v8: semantic index and extractor index", migrate: semanticIndex)  // CatalogStore+SemanticIndex.swift
        migrator.registerMigration("v9: credential occupations, approximate figures, provenance, derived grants") { db in
            try db.alter(table: "credential") { t in
                t.add(column: "occupations", .text).notNull().defaults(to: "[]")  // JSON list of job ids
                t.add(column: "costApproximate", .boolean).notNull().defaults(to: false)
                t.add(column: "hoursApproximate", .boolean).notNull().defaults(to: false)
                t.add(column: "sector", .text)
                t.add(column: "references", .text).notNull().defaults(to: "[]")  // JSON list of URLs
                t.add(column: "verified", .text)
                t.add(column: "notes", .text)
            }
            try db.alter(table: "grant") { t in
                t.add(column: "derivedFrom", .text)  // job id; NULL for a grant the publisher states
            }
        }
        migrator.registerMigration("v10: credential alternate names") { db in
            try db.alter(table: "credential") { t in
                t.add(column: "alternateNames", .text).notNull().defaults(to: "[]")  // JSON list of names
            }
        }
        return migrator
    }
}
