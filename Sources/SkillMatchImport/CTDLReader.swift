import SkillMatch

/// Reads Credential Engine CTDL JSON-LD: credential nodes (`ceterms:Certification`, `ceterms:Certificate`,
/// `ceterms:Badge`, `ceterms:DigitalBadge`, `ceterms:OpenBadge`, `ceterms:License`, `ceterms:MicroCredential`, degrees
/// and diplomas, …), one object, a list, or an `@graph` envelope as the Credential Registry serves them.
///
/// - id: `ceterms:ctid`, else `@id`; name: `ceterms:name` (a language map: `en-US`, else `en`, else another
///   English key, else the first). Both are required.
/// - issuer: the name of `ceterms:ownedBy`, else `ceterms:offeredBy` (an organisation object, or a URI replaced
///   by the name of the organisation node with that id when a file of the import holds it, else kept as written).
/// - type: from the class (``type(class:)``). url: `ceterms:subjectWebpage`, else `@id`.
/// - cost: the sum of the `ceterms:price` of the `ceterms:estimatedCost` profiles, in US dollars (a profile
///   without `ceterms:currency` counts as USD; any other currency leaves the cost unknown, reported); when a profile
///   is an aggregate (`ceterms:directCostType` `costType:AggregateCost`, the total of the others), its price alone
///   (the smallest, if several).
/// - hours: from the `ceterms:estimatedDuration` profiles (``ISODuration``): a profile's `ceterms:exactDuration`,
///   else the midpoint of its minimum and maximum, else the one given; of several profiles, the shortest.
/// - skills: the CredentialAlignmentObjects of `ceterms:targetCompetency` in the `ceterms:requires` condition
///   profiles (and of `ceterms:assesses` / `ceterms:teaches` of assessments and learning opportunities embedded
///   there), and of `ceterms:teaches` / `ceterms:assesses` on the credential itself: `ceterms:targetNode` is matched
///   as a URL, `ceterms:codedNotation` as a code and `ceterms:targetNodeName` as a name; a target node described in
///   the same document (a `ceasn:Competency`) lends its `ceasn:codedNotation` and `ceasn:competencyText`.
///   `ceterms:recommends` is not read: it is preparation, not what the credential shows.
/// - prerequisites: the `ceterms:targetCredential`s of the `ceterms:requires` profiles (URIs or objects).
/// - occupations: the `ceterms:occupationType` alignments (`ceterms:codedNotation`, an O*NET-SOC or SOC code, else
///   `ceterms:targetNode`), matched to catalogue jobs by ``OccupationResolver``.
/// - finder facts: `ceterms:accreditedBy` bodies (``accreditation(_:)``); `ceterms:renewalFrequency` (an ISO 8601
///   duration, in years); a `ceterms:requires` profile with a `ceterms:targetAssessment` sets exam required, with a
///   `ceterms:targetLearningOpportunity` education required, with `ceterms:yearsOfExperience` above 0 or
///   `ceterms:experience` experience required (their absence leaves these unknown, not false).
/// - Credentials whose `ceterms:lifeCycleStatusType` / `ceterms:credentialStatusType` is Ceased, Deprecated or
///   Suspended, and nodes that are not credentials (organisations, competencies, profiles), are left out and reported.
enum CTDLReader {
    /// Credential classes and their SkillMatch types (`nil`: a credential without a SkillMatch type).
    static func type(class name: String) -> CredentialType?? {
        guard name.hasPrefix("ceterms:") else { return .none }
        let local = String(name.dropFirst(8))
        switch local {
        case "Certification": return .some(.certification)
        case "License": return .some(.license)
        case "Badge", "DigitalBadge", "OpenBadge": return .some(.badge)
        case "MicroCredential": return .some(.microcredential)
        case "ApprenticeshipCertificate": return .some(.apprenticeship)
        case _ where local.hasSuffix("Certificate") || local == "CertificateOfCompletion": return .some(.certificate)
        case _ where local.hasSuffix("Degree") || local.hasSuffix("Diploma") || local.hasSuffix("Doctorate"),
            "GeneralEducationDevelopment", "QualityAssuranceCredential", "Credential":
            return .some(nil)
        default: return .none
        }
    }

    static func read(_ root: JSONTree, elementLines: [String: [Int]], file: String) throws(InputError)
        -> (drafts: [CredentialDraft], skipped: [ImportNote])
    {
        let index = JSONRecords.index(root)
        var drafts: [CredentialDraft] = []
        var skipped: [ImportNote] = []
        for (node, place) in JSONRecords.split(root, elementLines: elementLines, file: file) {
            var context = RecordContext(place: place, kind: "credential")
            guard node.object != nil else { throw context.error(FieldPath(), "expected an object, found \(node.kind)") }
            let classes = node.types
            guard let type = classes.lazy.compactMap({ Self.type(class: $0) }).first else {
                let what = classes.isEmpty ? "a node without @type" : "a node of type \(classes.joined(separator: "/"))"
                var note = ImportNote(place: place, reason: "\(what), not a credential")
                note.id = node["ceterms:ctid"]?.string ?? node.id
                skipped.append(note)
                continue
            }
            let top = FieldPath()
            var ctid = try context.string(node, "ceterms:ctid", at: top)
            if ctid == nil { ctid = try context.string(node, "@id", at: top) }
            guard let id = ctid else {
                throw context.error(top.key("ceterms:ctid"), "missing required field (ceterms:ctid or @id)")
            }
            context.id = id
            if let status = try inactiveStatus(node, context: context) {
                skipped.append(ImportNote(place: place, credential: id, reason: "its status is \(status)"))
                continue
            }
            let name = try context.requiredText(node, "ceterms:name", at: top)
            var draft = CredentialDraft(place: place, format: .ctdl, credential: Credential(
                id: id, name: name, issuer: try issuer(node, context: context, index: index), type: type, grants: [],
                url: try context.string(node, "ceterms:subjectWebpage", at: top) ?? node["@id"]?.string))
            if let uri = node["@id"]?.string, uri != id { draft.aliases.append(uri) }
            try readCost(node, context: context, into: &draft)
            draft.credential.hours = try hours(node, context: context)
            try readConditions(node, context: context, index: index, into: &draft)
            try readFinderFacts(node, context: context, index: index, into: &draft.credential)
            for (alignment, field) in try context.objects(node, "ceterms:occupationType", at: top) {
                let code = try context.string(alignment, "ceterms:codedNotation", at: field)
                let node = try context.string(alignment, "ceterms:targetNode", at: field)
                guard let reference = code ?? node else { continue }
                draft.occupations.append(OccupationReference(
                    field: field.description, reference: reference, name: try context.text(alignment, "ceterms:targetNodeName", at: field)))
            }
            for key in ["ceterms:teaches", "ceterms:assesses"] {
                for (alignment, field) in try context.objects(node, key, at: top) {
                    draft.skills.append(try competency(alignment, at: field, context: context, index: index))
                }
            }
            drafts.append(draft)
        }
        return (drafts, skipped)
    }

    private static func inactiveStatus(_ node: JSONTree, context: RecordContext) throws(InputError) -> String? {
        for key in ["ceterms:lifeCycleStatusType", "ceterms:credentialStatusType"] {
            for (status, field) in try context.objects(node, key, at: FieldPath()) {
                guard let target = try context.string(status, "ceterms:targetNode", at: field) else { continue }
                let term = target.split(separator: ":").last.map(String.init) ?? target
                if ["ceased", "deprecated", "suspended"].contains(term.lowercased()) { return term }
            }
        }
        return nil
    }

    private static func issuer(_ node: JSONTree, context: RecordContext, index: [String: JSONTree]) throws(InputError) -> String? {
        for key in ["ceterms:ownedBy", "ceterms:offeredBy"] {
            guard let value = node[key] else { continue }
            for (position, item) in value.list.enumerated() {
                let field = value.list.count == 1 && value.object != nil ? FieldPath().key(key) : FieldPath().key(key).index(position)
                switch item {
                case .string(let uri):
                    if let name = index[uri].flatMap({ $0["ceterms:name"]?.text }) { return name }
                    if !uri.trimmed.isEmpty { return uri.trimmed }
                case .object:
                    if let name = try context.text(item, "ceterms:name", at: field) { return name }
                    if let uri = item.id, let name = index[uri].flatMap({ $0["ceterms:name"]?.text }) { return name }
                    if let uri = item.id { return uri }
                default:
                    throw context.error(field, "expected an organisation URI or object, found \(item.kind)")
                }
            }
        }
        return nil
    }

    private static func readCost(_ node: JSONTree, context: RecordContext, into draft: inout CredentialDraft) throws(InputError) {
        var total = 0.0
        var priced = false
        var aggregate: Double?
        for (profile, field) in try context.objects(node, "ceterms:estimatedCost", at: FieldPath()) {
            guard let value = profile["ceterms:price"] else { continue }
            let price: Double
            switch value {
            case .number(let number): price = number
            case .string(let text):
                guard let number = DecimalText.number(text.trimmed.replacingOccurrences(of: "$", with: "")) else {
                    throw context.error(field.key("ceterms:price"), "\"\(text)\" is not a number")
                }
                price = number
            default: throw context.error(field.key("ceterms:price"), "expected a number, found \(value.kind)")
            }
            guard price >= 0, price.isFinite else { throw context.error(field.key("ceterms:price"), "price \(price) must not be negative") }
            let currency = try context.string(profile, "ceterms:currency", at: field)?.uppercased() ?? "USD"
            guard currency == "USD" else {
                draft.notes.append(ImportNote(place: context.place, credential: context.id, field: field.key("ceterms:currency").description,
                    reason: "a price in \(currency) is not converted to US dollars; the cost is left unknown"))
                return
            }
            // A profile of type costType:AggregateCost is the sum of the others the publisher lists.
            if let kinds = profile["ceterms:directCostType"],
               kinds.list.contains(where: { $0["ceterms:targetNode"]?.string?.lowercased() == "costtype:aggregatecost" }) {
                aggregate = min(aggregate ?? price, price)
            } else {
                total += price
            }
            priced = true
        }
        if priced { draft.credential.cost = aggregate ?? total }
    }

    /// The facts a certification finder shows: accreditation, renewal, and what must come before the credential.
    private static func readFinderFacts(
        _ node: JSONTree, context: RecordContext, index: [String: JSONTree], into credential: inout Credential
    ) throws(InputError) {
        if let bodies = node["ceterms:accreditedBy"] {
            for body in bodies.list {
                let described = body.string.flatMap { index[$0] } ?? body
                guard let name = described["ceterms:name"]?.text else { continue }
                let code = accreditation(name)
                if !credential.accreditations.contains(code) { credential.accreditations.append(code) }
            }
        }
        if let text = try context.string(node, "ceterms:renewalFrequency", at: FieldPath()) {
            guard let hours = ISODuration.hours(text) else {
                throw context.error(FieldPath().key("ceterms:renewalFrequency"), "\"\(text)\" is not an ISO 8601 duration (such as P3Y)")
            }
            credential.renewalYears = (hours / ISODuration.hoursPerYear * 100).rounded() / 100
        }
        for profile in node["ceterms:requires"]?.list ?? [] {
            let profile = profile.string.flatMap { index[$0] } ?? profile
            if profile["ceterms:targetAssessment"] != nil { credential.examRequired = true }
            if profile["ceterms:targetLearningOpportunity"] != nil { credential.educationRequired = true }
            let years: Double? = if case .number(let value)? = profile["ceterms:yearsOfExperience"] { value } else { nil }
            if (years ?? 0) > 0 || profile["ceterms:experience"] != nil { credential.experienceRequired = true }
        }
    }

    /// The accreditation code the certification finder filters on for an accrediting body's name: `ANSI` for a
    /// name with the word "ANSI" (the ANSI National Accreditation Board), `NCCA` for the National Commission for
    /// Certifying Agencies (or a name with the word "NCCA"); other bodies by their name.
    static func accreditation(_ name: String) -> String {
        let upper = name.uppercased()
        let words = Set(upper.split(whereSeparator: { !$0.isLetter }).map(String.init))
        if words.contains("ANSI") { return "ANSI" }
        if words.contains("NCCA") || upper.contains("NATIONAL COMMISSION FOR CERTIFYING AGENCIES") { return "NCCA" }
        return name
    }

    private static func hours(_ node: JSONTree, context: RecordContext) throws(InputError) -> Double? {
        var best: Double?
        for (profile, field) in try context.objects(node, "ceterms:estimatedDuration", at: FieldPath()) {
            func duration(_ key: String) throws(InputError) -> Double? {
                guard let text = try context.string(profile, key, at: field) else { return nil }
                guard let hours = ISODuration.hours(text) else {
                    throw context.error(field.key(key), "\"\(text)\" is not an ISO 8601 duration (such as PT40H, P10W or P3M)")
                }
                return hours
            }
            let exact = try duration("ceterms:exactDuration")
            let minimum = try duration("ceterms:minimumDuration"), maximum = try duration("ceterms:maximumDuration")
            let hours: Double? = exact ?? (minimum != nil && maximum != nil ? (minimum! + maximum!) / 2 : minimum ?? maximum)
            if let hours, best == nil || hours < best! { best = hours }
        }
        return best
    }

    private static func readConditions(
        _ node: JSONTree, context: RecordContext, index: [String: JSONTree], into draft: inout CredentialDraft
    ) throws(InputError) {
        guard let requires = node["ceterms:requires"] else { return }
        for (position, item) in requires.list.enumerated() {
            let field = requires.object != nil ? FieldPath().key("ceterms:requires") : FieldPath().key("ceterms:requires").index(position)
            // A condition profile given by reference to a node of the same document.
            let profile: JSONTree
            switch item {
            case .object: profile = item
            case .string(let reference):
                guard let found = index[reference] else { continue }
                profile = found
            default: throw context.error(field, "expected a condition profile object, found \(item.kind)")
            }
            for (alignment, path) in try context.objects(profile, "ceterms:targetCompetency", at: field) {
                draft.skills.append(try competency(alignment, at: path, context: context, index: index))
            }
            for (key, inner) in [("ceterms:targetAssessment", "ceterms:assesses"), ("ceterms:targetLearningOpportunity", "ceterms:teaches")] {
                guard let targets = profile[key] else { continue }
                for (offset, target) in targets.list.enumerated() {
                    let resolved = target.string.flatMap { index[$0] } ?? target
                    guard resolved.object != nil else { continue }
                    for (alignment, path) in try context.objects(resolved, inner, at: field.key(key).index(offset)) {
                        draft.skills.append(try competency(alignment, at: path, context: context, index: index))
                    }
                }
            }
            if let targets = profile["ceterms:targetCredential"] {
                for (offset, target) in targets.list.enumerated() {
                    let path = field.key("ceterms:targetCredential").index(offset)
                    switch target {
                    case .string(let uri):
                        let described = index[uri]
                        draft.prerequisites.append(PrerequisiteReference(
                            field: path.description, reference: described?["ceterms:ctid"]?.string ?? uri,
                            name: described?["ceterms:name"]?.text))
                    case .object:
                        var reference = try context.string(target, "ceterms:ctid", at: path)
                        if reference == nil { reference = target.id }
                        let name = try context.text(target, "ceterms:name", at: path)
                        draft.prerequisites.append(PrerequisiteReference(field: path.description, reference: reference, name: name))
                    default:
                        throw context.error(path, "expected a credential URI or object, found \(target.kind)")
                    }
                }
            }
        }
    }

    /// A CredentialAlignmentObject (or a bare target URI) as a skill reference.
    private static func competency(
        _ alignment: JSONTree, at path: FieldPath, context: RecordContext, index: [String: JSONTree]
    ) throws(InputError) -> SkillReference {
        let node = try context.string(alignment, "ceterms:targetNode", at: path)
        var code = try context.string(alignment, "ceterms:codedNotation", at: path)
        var name = try context.text(alignment, "ceterms:targetNodeName", at: path)
        if let node, let described = index[node] {
            code = code ?? described["ceasn:codedNotation"]?.string
            name = name ?? described["ceasn:competencyText"]?.text ?? described["ceasn:competencyLabel"]?.text
        }
        return SkillReference(field: path.description, url: node, code: code, name: name)
    }
}
