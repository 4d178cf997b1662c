import SkillMatch

/// Reads the Open Badges 3.0 credentials a person holds (`OpenBadgeCredential` / `AchievementCredential` JSON,
/// one or a list) as candidates: one per credential subject.
///
/// - id: `credentialSubject.id` (a DID or URI), else the plain (unhashed) `emailAddress` of its `identifier`,
///   else the file name without its extension. Credentials of the same subject make one candidate.
/// - Each `credentialSubject.achievement` is matched to a catalogue credential by its `id` (as an id or URL), else
///   by `name` (narrowed by the creator's name) (``CredentialResolver``), and becomes a held credential, whose
///   grants then count as for any holder. An achievement not in the catalogue is reported, and its `alignment`s
///   are matched to skills (``SkillResolver``: `targetUrl`, `targetCode`, `targetName`) and held at the level its
///   `result` shows (``resultLevel(_:achievement:)``), else 1.
/// - Proofs, issuance and expiry dates are not checked.
enum HeldBadgesReader {
    /// Whether a parsed document is one or a list of verifiable credentials with a `credentialSubject`.
    static func matches(_ root: JSONTree) -> Bool {
        let records = root.list
        return !records.isEmpty && records.allSatisfy { $0["credentialSubject"] != nil }
    }

    static func read(_ root: JSONTree, elementLines: [String: [Int]], file: String, catalog: Catalog) throws(InputError) -> [LocatedCandidate] {
        let skills = SkillResolver(catalog: catalog)
        let credentials = CredentialResolver(catalog: catalog)
        var order: [String] = []
        var people: [String: (line: Int?, held: HeldSkills, credentials: [String], unresolved: [UnresolvedItem])] = [:]
        for (node, place) in JSONRecords.split(root, elementLines: elementLines, file: file) {
            let context = RecordContext(place: place, kind: "credential")
            let prefix = root.object == nil ? FieldPath().index(place.record - 1) : FieldPath()
            guard OpenBadgesReader.awardsAchievement(node) else {
                // An endorsement or another credential that awards nothing to hold: noted under its subject.
                let subject = try context.objects(node, "credentialSubject", at: FieldPath()).first
                let person = try subject.flatMap { s throws(InputError) in try subjectID(s.0, at: s.1, context: context) } ?? PersonDocumentReader.fileStem(file)
                if people[person] == nil { order.append(person); people[person] = (place.line, HeldSkills(), [], []) }
                people[person]!.unresolved.append(UnresolvedItem(field: prefix.description.isEmpty ? "credentialSubject" : prefix.description,
                    value: node.types.joined(separator: "/"), reason: "a credential that awards no achievement; left out"))
                continue
            }
            for (subject, path) in try context.objects(node, "credentialSubject", at: FieldPath()) {
                let field = (prefix.description.isEmpty ? "" : prefix.description + ".") + path.description
                let person = try subjectID(subject, at: path, context: context) ?? PersonDocumentReader.fileStem(file)
                if people[person] == nil { order.append(person); people[person] = (place.line, HeldSkills(), [], []) }
                guard let achievement = subject["achievement"], achievement.object != nil else {
                    throw context.error(path.key("achievement"), "missing required field (the achievement held)")
                }
                let at = path.key("achievement")
                let id = try context.string(achievement, "id", at: at)
                let name = try context.text(achievement, "name", at: at)
                var creator: String?
                if let profile = achievement["creator"], profile.object != nil { creator = try context.text(profile, "name", at: at.key("creator")) }
                switch credentials.resolve(id: id, url: id, name: name, issuer: creator) {
                case .success(let credential):
                    if !people[person]!.credentials.contains(credential) { people[person]!.credentials.append(credential) }
                case .failure(let failure):
                    let level = resultLevel(subject, achievement: achievement) ?? 1
                    people[person]!.unresolved.append(UnresolvedItem(field: field + ".achievement", value: name ?? id ?? "",
                        reason: failure.reason + "; its alignments are read as skills held at level \(level.levelText)"))
                    for (alignment, alignmentPath) in try context.objects(achievement, "alignment", at: at) {
                        let url = try context.string(alignment, "targetUrl", at: alignmentPath)
                        let code = try context.string(alignment, "targetCode", at: alignmentPath)
                        let target = try context.text(alignment, "targetName", at: alignmentPath)
                        switch skills.resolve(url: url, code: code, name: target) {
                        case .matched(let skill, _): people[person]!.held.add(skill, level)
                        case .unmatched(let reason):
                            let written = (prefix.description.isEmpty ? "" : prefix.description + ".") + alignmentPath.description
                            people[person]!.unresolved.append(UnresolvedItem(field: written, value: target ?? url ?? code ?? "", reason: reason))
                        }
                    }
                }
            }
        }
        return order.map { person in
            let entry = people[person]!
            return LocatedCandidate(
                candidate: Candidate(id: person, skills: entry.held.skills, credentials: entry.credentials),
                file: file, line: entry.line, unresolved: entry.unresolved)
        }
    }

    /// The level a subject's `result` shows, in (0, 1], when it shows one: the `achievedLevel` rubric level of the
    /// achievement's `resultDescription` named by a level word (its `level`, else its `name`; the words of
    /// ``JSONResumeReader/level(_:)``), else the `value` placed between the description's `valueMin` and `valueMax`,
    /// else the `value` read as ``JSONResumeReader/level(_:)`` reads a resume's level (a word, a number in (0, 1],
    /// `80%`, `4/5`).
    static func resultLevel(_ subject: JSONTree, achievement: JSONTree) -> Double? {
        let descriptions = achievement["resultDescription"]?.list ?? []
        for result in subject["result"]?.list ?? [] {
            let description = result["resultDescription"]?.string.flatMap { id in descriptions.first { $0.id == id } }
            if let achieved = result["achievedLevel"]?.string {
                let levels = (description.map { [$0] } ?? descriptions).flatMap { $0["rubricCriterionLevel"]?.list ?? [] }
                if let rubric = levels.first(where: { $0.id == achieved }),
                   let level = (rubric["level"]?.text).flatMap(JSONResumeReader.level) ?? (rubric["name"]?.text).flatMap(JSONResumeReader.level) {
                    return level
                }
            }
            guard let value = result["value"]?.text else { continue }
            if let number = Double(value.trimmed), let low = description?["valueMin"]?.text.flatMap({ Double($0) }),
               let high = description?["valueMax"]?.text.flatMap({ Double($0) }), high > low {
                let level = (number - low) / (high - low)
                if level > 0 { return min(level, 1) }
                continue
            }
            if let level = JSONResumeReader.level(value) { return level }
        }
        return nil
    }

    /// `credentialSubject.id`, else an unhashed `emailAddress` identifier.
    private static func subjectID(_ subject: JSONTree, at path: FieldPath, context: RecordContext) throws(InputError) -> String? {
        if let id = try context.string(subject, "id", at: path) { return id }
        for (identifier, field) in try context.objects(subject, "identifier", at: path) {
            guard identifier["identityType"]?.string == "emailAddress", identifier["hashed"] != .bool(true),
                  let email = try context.string(identifier, "identityHash", at: field) else { continue }
            return email
        }
        return nil
    }
}

extension Double {
    /// `1`, `0.75`: the number as written in messages.
    var levelText: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
