import SkillMatch

/// Reads badges as issuers publish them in Open Badges: 2.0 `BadgeClass` JSON(-LD) and 3.0 `Achievement` JSON,
/// bare or inside an `OpenBadgeCredential` / `AchievementCredential` (`credentialSubject.achievement`), one per
/// file, a list of them, or an `@graph`. An Open Badges 2.0 `Assertion` that embeds its `BadgeClass` yields it.
///
/// - id: the badge's `id` (a URI); name: `name` (a string or a language map). Both are required.
/// - issuer: 2.0 `issuer`, 3.0 `creator` (else the wrapping credential's `issuer`): a profile object's `name`, or a
///   URL, replaced by the name of the profile with that id when a file of the import holds it.
/// - type: 3.0 `achievementType` (``type(achievementType:)``); 2.0 badges are ``CredentialType/badge``.
/// - url: the id when it is an `http(s)` URL.
/// - `alignment` entries become skill references (`targetUrl`, `targetCode`, `targetName`) at the import's level;
///   an alignment to an occupation (``OccupationResolver/isOccupation(url:code:framework:)``: a SOC or O*NET-SOC
///   framework or code, an O*NET OnLine or ESCO occupation URL) says which occupation the badge serves.
/// - Other records (profiles, endorsements, assertions that only link their badge) are left out and reported.
enum OpenBadgesReader {
    /// Reads the records of one parsed document.
    static func read(_ root: JSONTree, elementLines: [String: [Int]], file: String) throws(InputError)
        -> (drafts: [CredentialDraft], skipped: [ImportNote])
    {
        let index = JSONRecords.index(root)
        var drafts: [CredentialDraft] = []
        var skipped: [ImportNote] = []
        for (node, place) in JSONRecords.split(root, elementLines: elementLines, file: file) {
            let context = RecordContext(place: place, kind: "badge")
            guard node.object != nil else { throw context.error(FieldPath(), "expected an object, found \(node.kind)") }
            let types = node.types
            if types.contains("BadgeClass") || types.contains("Achievement") {
                drafts.append(try badge(node, at: FieldPath(), context: context, issuerFallback: nil, index: index))
            } else if node["credentialSubject"] != nil, !awardsAchievement(node) {
                var note = ImportNote(place: place, reason: "a credential of type \(types.joined(separator: "/")) that awards no achievement (an endorsement, say)")
                note.id = node.id
                skipped.append(note)
            } else if node["credentialSubject"] != nil {
                let issuer = try issuerName(node, "issuer", at: FieldPath(), context: context, index: index)
                for (subject, path) in try context.objects(node, "credentialSubject", at: FieldPath()) {
                    guard let achievement = subject["achievement"] else {
                        throw context.error(path.key("achievement"), "missing required field (the achievement the credential awards)")
                    }
                    guard achievement.object != nil else { throw context.error(path.key("achievement"), "expected an object, found \(achievement.kind)") }
                    drafts.append(try badge(achievement, at: path.key("achievement"), context: context, issuerFallback: issuer, index: index))
                }
            } else if types.contains("Assertion"), let badge = node["badge"], badge.object != nil {
                drafts.append(try self.badge(badge, at: FieldPath().key("badge"), context: context, issuerFallback: nil, index: index))
            } else {
                let what = types.isEmpty ? "an object without a type" : "a record of type \(types.joined(separator: "/"))"
                let reason = types.contains("Assertion")
                    ? "an Open Badges assertion that only links its badge class; import the badge class itself"
                    : "\(what), not a BadgeClass, an Achievement or a credential holding one"
                var note = ImportNote(place: place, reason: reason)
                note.id = node.id
                skipped.append(note)
            }
        }
        return (drafts, skipped)
    }

    private static func badge(
        _ node: JSONTree, at path: FieldPath, context outer: RecordContext, issuerFallback: String?, index: [String: JSONTree]
    ) throws(InputError) -> CredentialDraft {
        var context = outer
        guard let id = try context.string(node, "id", at: path) else {
            throw context.error(path.key("id"), "missing required field (the badge's id URI)")
        }
        context.id = id
        let name = try context.requiredText(node, "name", at: path)
        let isAchievement = node.types.contains("Achievement") || node["achievementType"] != nil || node["creator"] != nil
        var issuer = try issuerName(node, isAchievement ? "creator" : "issuer", at: path, context: context, index: index)
        if issuer == nil { issuer = try issuerName(node, "issuer", at: path, context: context, index: index) }
        if issuer == nil { issuer = issuerFallback }
        var type = CredentialType.badge
        if let kind = try context.string(node, "achievementType", at: path) { type = Self.type(achievementType: kind) ?? .badge }
        let url = SkillResolver.urlKey(id) != nil ? id : nil
        var draft = CredentialDraft(
            place: context.place, format: .openbadges,
            credential: Credential(id: id, name: name, issuer: issuer, type: type, grants: [], url: url))
        if let kind = node["achievementType"]?.string, Self.type(achievementType: kind) == nil {
            draft.notes.append(ImportNote(place: context.place, credential: id, field: path.key("achievementType").description,
                reason: "achievementType \"\(kind)\" has no SkillMatch credential type; left unknown"))
            draft.credential.type = nil
        }
        for (alignment, field) in try context.objects(node, "alignment", at: path) {
            let url = try context.string(alignment, "targetUrl", at: field)
            let code = try context.string(alignment, "targetCode", at: field)
            let name = try context.text(alignment, "targetName", at: field)
            // An alignment to an occupation (SOC, O*NET-SOC, ESCO occupations) says whom it serves, not a skill.
            if OccupationResolver.isOccupation(url: url, code: code, framework: try context.string(alignment, "targetFramework", at: field)),
               let reference = code ?? url {
                draft.occupations.append(OccupationReference(field: field.description, reference: reference, name: name))
                continue
            }
            draft.skills.append(SkillReference(field: field.description, url: url, code: code, name: name))
        }
        return draft
    }

    /// Whether a verifiable credential awards an achievement: an Open Badges type, or a subject with one.
    static func awardsAchievement(_ node: JSONTree) -> Bool {
        let types = node.types
        return types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")
            || (node["credentialSubject"]?.list.contains { $0["achievement"] != nil } ?? false)
    }

    /// The issuer: a profile object's name (else its id), or a URL (replaced by the name of a profile in the file).
    private static func issuerName(
        _ node: JSONTree, _ key: String, at path: FieldPath, context: RecordContext, index: [String: JSONTree]
    ) throws(InputError) -> String? {
        guard let value = node[key] else { return nil }
        switch value {
        case .string(let url):
            return index[url].flatMap { $0["name"]?.text } ?? (url.trimmed.isEmpty ? nil : url.trimmed)
        case .object:
            return try context.text(value, "name", at: path.key(key)) ?? value.id
        default:
            throw context.error(path.key(key), "expected a URL or a profile object, found \(value.kind)")
        }
    }

    /// The SkillMatch type of an Open Badges 3.0 `achievementType`: `Certification` → certification; `Certificate`,
    /// `CertificateOfCompletion`, the journeyman and master certificates → certificate; `ApprenticeshipCertificate` →
    /// apprenticeship;
    /// `License` → license; `MicroCredential` → microcredential; degrees, diplomas and `GeneralEducationDevelopment`
    /// → `nil` (no SkillMatch type); every other value (`Badge`, `Achievement`, `Competency`, `Course`, `ext:…`) → badge.
    static func type(achievementType: String) -> CredentialType? {
        let kind = achievementType.lowercased()
        switch kind {
        case "certification": return .certification
        case "license", "licence": return .license
        case "microcredential": return .microcredential
        case "apprenticeshipcertificate": return .apprenticeship
        case _ where kind.hasSuffix("certificate") || kind == "certificateofcompletion": return .certificate
        case _ where kind.hasSuffix("degree") || kind.hasSuffix("diploma") || kind.hasSuffix("doctorate")
            || kind == "generaleducationdevelopment":
            return nil
        default: return .badge
        }
    }
}
