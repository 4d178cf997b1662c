import GRDB
import SkillMatch

/// What an import changed.
public struct ImportSummary: Sendable, Hashable, Codable {
    /// Skills, jobs and credentials added (new ids).
    public var added: CatalogCounts
    /// Skills, jobs and credentials replaced (ids already in the catalogue).
    public var updated: CatalogCounts
}

/// Numbers of skills, jobs, credentials and skill groups.
public struct CatalogCounts: Sendable, Hashable, Codable {
    /// Skills.
    public var skills = 0
    /// Jobs.
    public var jobs = 0
    /// Credentials.
    public var credentials = 0
    /// Skill groups (a taxonomy's hierarchy above its skills).
    public var skillGroups = 0
}

extension CatalogStore {
    /// The whole catalogue.
    public func loadCatalog() throws -> Catalog {
        try read("read the catalogue") { db in try Self.loadCatalog(db) }
    }

    /// Imports a document in one transaction: records with known ids are replaced, new ones added.
    ///
    /// - Parameters:
    ///   - progress: called now and then with the number of records written and the number to write.
    ///   - merge: given the catalogue as it is, returns it with the document merged in, or throws
    ///     (for example ``CatalogValidationError`` or an error naming the file); then nothing changes.
    /// - Returns: what was added and what was replaced.
    /// - Complexity: O(catalogue + document): every statement is prepared once and reused.
    public func importCatalog(
        _ document: CatalogDocument, progress: ((_ written: Int, _ total: Int) -> Void)? = nil,
        merge: (Catalog) throws -> Catalog
    ) throws -> ImportSummary {
        try write("import the catalogue") { db in
            let existing = try Self.loadCatalog(db)
            let merged = try merge(existing)
            var summary = ImportSummary(added: CatalogCounts(), updated: CatalogCounts())
            let (skills, groups, credentials, jobs) = (
                Self.lastByID(document.skills), Self.lastByID(document.skillGroups), Self.lastByID(document.credentials),
                Self.lastByID(document.jobs)
            )
            let total = skills.count + groups.count + credentials.count + jobs.count
            var written = 0
            func step() {
                written += 1
                if written % 500 == 0 || written == total { progress?(written, total) }
            }
            for skill in skills {
                if existing.skill(skill.id) == nil { summary.added.skills += 1 } else { summary.updated.skills += 1 }
                try Self.save(skill, db)
                step()
            }
            for group in groups {
                if existing.skillGroup(group.id) == nil { summary.added.skillGroups += 1 } else { summary.updated.skillGroups += 1 }
                try Self.save(group, db)
                step()
            }
            for credential in credentials {
                if existing.credential(credential.id) == nil { summary.added.credentials += 1 } else { summary.updated.credentials += 1 }
                try Self.saveHead(credential, db)
            }
            // Prerequisites refer to credentials, so they are written once every credential exists.
            for credential in credentials {
                try Self.saveLinks(credential, db)
                step()
            }
            for job in jobs {
                if existing.job(job.id) == nil { summary.added.jobs += 1 } else { summary.updated.jobs += 1 }
                try Self.save(job, db)
                step()
            }
            try Self.storeExtractorIndex(for: merged, db)
            return summary
        }
    }

    /// One record per id, in first-seen order, keeping the last record with each id.
    private static func lastByID<T: Identifiable>(_ records: [T]) -> [T] where T.ID == String {
        var positions: [String: Int] = [:]
        var result: [T] = []
        for record in records {
            if let position = positions[record.id] { result[position] = record } else {
                positions[record.id] = result.count
                result.append(record)
            }
        }
        return result
    }

    private static func save(_ skill: Skill, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO skill (id, label, type, description, altLabels, hiddenLabels, broader, reuseLevel,
                  hotTechnology, source, collections, related)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET label = excluded.label, type = excluded.type,
                  description = excluded.description, altLabels = excluded.altLabels,
                  hiddenLabels = excluded.hiddenLabels, broader = excluded.broader, reuseLevel = excluded.reuseLevel,
                  hotTechnology = excluded.hotTechnology, source = excluded.source, collections = excluded.collections,
                  related = excluded.related
                """
        ).execute(arguments: [
            skill.id, skill.label, skill.type?.rawValue, skill.description, ListColumn.encode(skill.altLabels),
            ListColumn.encode(skill.hiddenLabels), ListColumn.encode(skill.broader), skill.reuseLevel,
            skill.hotTechnology, skill.source, ListColumn.encode(skill.collections), RelationsColumn.encode(skill.related),
        ])
    }

    private static func save(_ group: SkillGroup, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO skillGroup (id, label, code, description, broader, source) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET label = excluded.label, code = excluded.code,
                  description = excluded.description, broader = excluded.broader, source = excluded.source
                """
        ).execute(arguments: [group.id, group.label, group.code, group.description, ListColumn.encode(group.broader), group.source])
    }

    private static func save(_ job: Job, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO job (id, title, description, inDemand, jobZone, alternateTitles, iscoGroup, preparation, source,
                  hiddenTitles, tasks, derivedRequirements, activities, interests)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, description = excluded.description,
                  inDemand = excluded.inDemand, jobZone = excluded.jobZone, alternateTitles = excluded.alternateTitles,
                  iscoGroup = excluded.iscoGroup, preparation = excluded.preparation, source = excluded.source,
                  hiddenTitles = excluded.hiddenTitles, tasks = excluded.tasks,
                  derivedRequirements = excluded.derivedRequirements, activities = excluded.activities,
                  interests = excluded.interests
                """
        ).execute(arguments: [
            job.id, job.title, job.description, job.inDemand, job.jobZone, ListColumn.encode(job.alternateTitles), job.iscoGroup,
            PreparationColumn.encode(job.preparation), job.source, ListColumn.encode(job.hiddenTitles),
            ListColumn.encode(job.tasks), ObjectColumn.encode(job.derivedRequirements), ListColumn.encode(job.activities),
            ObjectColumn.encode(job.interests),
        ])
        try db.cachedStatement(sql: "DELETE FROM requirement WHERE jobId = ?").execute(arguments: [job.id])
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO requirement (jobId, skillId, position, importance, level, originalLevel, inDemand)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, requirement) in job.requirements.enumerated() {
            try insert.execute(arguments: [
                job.id, requirement.skill, position, requirement.importance, requirement.level, requirement.originalLevel,
                requirement.inDemand,
            ])
        }
    }

    private static func saveHead(_ credential: Credential, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO credential (id, name, issuer, type, cost, hours, url, inDemand, accreditations,
                  industryEndorsed, examRequired, educationRequired, experienceRequired, renewalYears, renewalMethods, source,
                  occupations, costApproximate, hoursApproximate, sector, "references", verified, notes, alternateNames)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, issuer = excluded.issuer, type = excluded.type,
                  cost = excluded.cost, hours = excluded.hours, url = excluded.url, inDemand = excluded.inDemand,
                  accreditations = excluded.accreditations, industryEndorsed = excluded.industryEndorsed,
                  examRequired = excluded.examRequired, educationRequired = excluded.educationRequired,
                  experienceRequired = excluded.experienceRequired, renewalYears = excluded.renewalYears,
                  renewalMethods = excluded.renewalMethods, source = excluded.source, occupations = excluded.occupations,
                  costApproximate = excluded.costApproximate, hoursApproximate = excluded.hoursApproximate,
                  sector = excluded.sector, "references" = excluded."references", verified = excluded.verified, notes = excluded.notes,
                  alternateNames = excluded.alternateNames
                """,
            arguments: [
                credential.id, credential.name, credential.issuer, credential.type?.rawValue, credential.cost,
                credential.hours, credential.url, credential.inDemand, ListColumn.encode(credential.accreditations),
                credential.industryEndorsed, credential.examRequired, credential.educationRequired,
                credential.experienceRequired, credential.renewalYears, ListColumn.encode(credential.renewalMethods),
                credential.source, ListColumn.encode(credential.occupations), credential.costApproximate,
                credential.hoursApproximate, credential.sector, ListColumn.encode(credential.references), credential.verified,
                credential.notes, ListColumn.encode(credential.alternateNames),
            ])
    }

    private static func saveLinks(_ credential: Credential, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM \"grant\" WHERE credentialId = ?", arguments: [credential.id])
        try db.execute(sql: "DELETE FROM prerequisite WHERE credentialId = ?", arguments: [credential.id])
        let grant = try db.cachedStatement(sql: "INSERT INTO \"grant\" (credentialId, skillId, position, level, derivedFrom) VALUES (?, ?, ?, ?, ?)")
        for (position, item) in credential.grants.enumerated() {
            try grant.execute(arguments: [credential.id, item.skill, position, item.level, item.derivedFrom])
        }
        let prerequisite = try db.cachedStatement(
            sql: "INSERT INTO prerequisite (credentialId, prerequisiteId, position) VALUES (?, ?, ?)")
        for (position, id) in credential.prerequisites.enumerated() {
            try prerequisite.execute(arguments: [credential.id, id, position])
        }
    }

    static func loadCatalog(_ db: Database) throws -> Catalog {
        // Columns are read by position: looking a column up by name costs more than decoding it, and these
        // loops run once per skill and per requirement (about 0.1 s of a 0.4 s load on 100,000 requirements).
        var skills: [Skill] = []
        let skillRows = try Row.fetchCursor(db, sql: """
            SELECT id, label, altLabels, type, description, hiddenLabels, broader, reuseLevel, hotTechnology, source,
              collections, related FROM skill
            """)
        while let row = try skillRows.next() {
            skills.append(Skill(
                id: row[0], label: row[1], altLabels: ListColumn.decode(row[2]),
                type: (row[3] as String?).flatMap(SkillType.init(rawValue:)), description: row[4],
                hiddenLabels: ListColumn.decode(row[5]), broader: ListColumn.decode(row[6]),
                reuseLevel: row[7], hotTechnology: row[8], source: row[9],
                collections: ListColumn.decode(row[10]), related: RelationsColumn.decode(row[11])))
        }
        let groups = try Row.fetchAll(db, sql: "SELECT * FROM skillGroup").map { row in
            SkillGroup(
                id: row["id"], label: row["label"], code: row["code"], description: row["description"],
                broader: ListColumn.decode(row["broader"]), source: row["source"])
        }
        var requirements: [String: [Requirement]] = [:]
        let requirementRows = try Row.fetchCursor(
            db, sql: "SELECT jobId, skillId, importance, level, originalLevel, inDemand FROM requirement ORDER BY jobId, position")
        while let row = try requirementRows.next() {
            requirements[row[0], default: []].append(
                Requirement(skill: row[1], importance: row[2], level: row[3], originalLevel: row[4], inDemand: row[5]))
        }
        let jobs = try Row.fetchAll(db, sql: "SELECT * FROM job").map { row in
            Job(id: row["id"], title: row["title"], description: row["description"], inDemand: row["inDemand"],
                requirements: requirements[row["id"]] ?? [], alternateTitles: ListColumn.decode(row["alternateTitles"]),
                jobZone: row["jobZone"], iscoGroup: row["iscoGroup"], preparation: PreparationColumn.decode(row["preparation"]),
                source: row["source"], hiddenTitles: ListColumn.decode(row["hiddenTitles"]), tasks: ListColumn.decode(row["tasks"]),
                derivedRequirements: ObjectColumn.decode(row["derivedRequirements"]), activities: ListColumn.decode(row["activities"]),
                interests: ObjectColumn.decode(row["interests"]))
        }
        var grants: [String: [Grant]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \"grant\" ORDER BY credentialId, position") {
            grants[row["credentialId"], default: []].append(Grant(skill: row["skillId"], level: row["level"], derivedFrom: row["derivedFrom"]))
        }
        var prerequisites: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM prerequisite ORDER BY credentialId, position") {
            prerequisites[row["credentialId"], default: []].append(row["prerequisiteId"])
        }
        let credentials = try Row.fetchAll(db, sql: "SELECT * FROM credential").map { row in
            let id: String = row["id"]
            return Credential(
                id: id, name: row["name"], issuer: row["issuer"],
                type: (row["type"] as String?).flatMap(CredentialType.init(rawValue:)),
                cost: row["cost"], hours: row["hours"], grants: grants[id] ?? [], prerequisites: prerequisites[id] ?? [],
                url: row["url"], inDemand: row["inDemand"], accreditations: ListColumn.decode(row["accreditations"]),
                industryEndorsed: row["industryEndorsed"], examRequired: row["examRequired"],
                educationRequired: row["educationRequired"], experienceRequired: row["experienceRequired"],
                renewalYears: row["renewalYears"], renewalMethods: ListColumn.decode(row["renewalMethods"]),
                source: row["source"], occupations: ListColumn.decode(row["occupations"]),
                costApproximate: row["costApproximate"], hoursApproximate: row["hoursApproximate"], sector: row["sector"],
                references: ListColumn.decode(row["references"]), verified: row["verified"], notes: row["notes"],
                alternateNames: ListColumn.decode(row["alternateNames"]))
        }
        // Every write went through Catalog.merging (importCatalog), which checked every rule.
        return Catalog(stored: skills, jobs: jobs, credentials: credentials, skillGroups: groups)
    }
}
