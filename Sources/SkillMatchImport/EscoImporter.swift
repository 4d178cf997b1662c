import Foundation
import SkillMatch

/// Reads the ESCO classification (the CSV download, English) into a SkillMatch catalogue.
///
/// - Files: `skills_en.csv`, `occupations_en.csv` and the occupation–skill relations, named
///   `occupationSkillRelations_en.csv` (ESCO v1.2) or `occupationSkillRelations.csv` (v1.1, whose relation files
///   are language-independent); optionally `broaderRelationsSkillPillar_en.csv` (or without `_en`) and
///   `skillGroups_en.csv`. Where both names are present the `_en` one is read. Files are RFC 4180 CSV
///   (``CSVFile``); columns are found by header name, so v1.2's extra label columns are ignored and URIs joined.
/// - Skills keep their concept URI as id, with the preferred label, alternative labels, hidden labels (each
///   newline-separated in one field; the preferred label and repeats left out), `skillType` (`skill/competence`
///   becomes ``SkillType/skill``, `knowledge` ``SkillType/knowledge``, empty none), `reuseLevel`, and the
///   description (else the definition). Every released skill is imported, required by an occupation or not.
/// - Hierarchy: each broader relation whose two ends are imported becomes a parent id in ``Skill/broader`` or
///   ``SkillGroup/broader``. Skill groups become ``SkillGroup``s (never skills: no job requires a group, no
///   credential grants one). Links with an end not in the files are left out and counted as dangling.
/// - Occupations keep their URI as id, the preferred label as title, alternative labels as alternate titles (so
///   `jobs search` finds them), hidden labels as ``Job/hiddenTitles`` (found by search, never shown), the
///   description (else the definition) and the ISCO-08 unit group.
/// - Optional extras: the thematic collections (`digitalSkillsCollection_en.csv` → `digital`,
///   `digCompSkillsCollection_en.csv` → `digcomp`, `greenSkillsCollection_en.csv` → `green`,
///   `languageSkillsCollection_en.csv` → `language`, `researchSkillsCollection_en.csv` → `research`,
///   `transversalSkillsCollection_en.csv` → `transversal`) become ``Skill/collections``; `skillSkillRelations.csv`
///   (or `_en`) becomes ``Skill/related`` (`essential` or `optional`). Entries naming a skill not in the files are
///   counted as dangling. Not read: the occupation hierarchy, ISCO group labels, concept schemes.
/// - Relations become requirements at level 1 with the importance ``EscoWeights`` gives their kind (essential 1,
///   optional 0.5 by default). A pair listed twice keeps the higher weight (essential when they are equal). Relations whose occupation or skill URI
///   is not in the files are counted as dangling, not fatal. Occupations left with no requirement are not imported.
/// - Status: only concepts whose `status` is `released` (or empty, or files without the column) are imported;
///   others are counted, as are the relations and links that touch them. ESCO's downloads hold released
///   concepts only, so this guards hand-made or future files.
/// - Bad input (a missing file or column, broken quoting, invalid UTF-8, a wrong number of fields, an empty URI
///   or label, a URI listed twice, an unknown skill type or relation type, an ISCO group that is not a code)
///   throws an ``InputError`` naming the file, line and column; nothing is imported.
public enum EscoImporter {
    /// Reads an ESCO folder.
    /// - Parameters:
    ///   - weights: the importance of essential and optional relations.
    ///   - progress: called with a short note as each file is read.
    /// - Throws: ``InputError`` naming the file, line and column of the first fault.
    public static func read(
        directory: String, weights: EscoWeights = .standard, progress: ((String) -> Void)? = nil
    ) throws(InputError) -> (document: CatalogDocument, report: EscoImportReport) {
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: directory, message: "no such folder (expected the ESCO CSV download, holding skills_en.csv)")
        }
        var reader = Reader(folder: folder, weights: weights, progress: progress)
        try reader.readSkills()
        try reader.readSkillGroups()
        try reader.readBroaderRelations()
        try reader.readOccupations()
        try reader.readRelations()
        try reader.readCollections()
        try reader.readSkillRelations()
        return reader.finish()
    }

    /// The state of one import, file by file.
    private struct Reader {
        let folder: String
        let weights: EscoWeights
        let progress: ((String) -> Void)?
        var report = EscoImportReport()

        var skills: [Skill] = []
        var skillIndex: [String: Int] = [:]
        var groups: [SkillGroup] = []
        var groupIndex: [String: Int] = [:]
        var occupations: [Job] = []
        var occupationIndex: [String: Int] = [:]
        /// URIs of concepts left out for their status.
        var unreleased: Set<String> = []
        var dangling: Set<String> = []
        /// Per occupation, in ``occupations`` order: each required skill's position and whether it is essential.
        var relations: [[String: (position: Int, essential: Bool)]] = []

        init(folder: String, weights: EscoWeights, progress: ((String) -> Void)?) {
            self.folder = folder
            self.weights = weights
            self.progress = progress
            report.weights = weights
        }

        /// Opens the first of `names` present in the folder, or `nil` when none is and the file is optional.
        mutating func open(_ names: [String], required: Bool) throws(InputError) -> CSVFile? {
            guard let name = names.first(where: { FileManager.default.fileExists(atPath: folder + "/" + $0) }) else {
                guard required else { return nil }
                let options = names.count == 1 ? names[0] : names.joined(separator: " or ")
                throw InputError(file: folder + "/" + names[0], message: "no such file (expected \(options) in the ESCO folder)")
            }
            progress?("reading \(name)")
            report.files.append(name)
            return try CSVFile.read(path: folder + "/" + name)
        }

        /// Whether a concept's status lets it in; counts it when not.
        mutating func released(_ file: CSVFile, _ row: Int, _ status: Int?, uri: String) -> Bool {
            guard let status, let value = file.value(row, status), value.lowercased() != "released" else { return true }
            unreleased.insert(uri)
            report.notReleased += 1
            return false
        }

        /// A required, non-empty field.
        static func required(_ file: CSVFile, _ row: Int, _ column: Int) throws(InputError) -> String {
            guard let value = file.value(row, column) else {
                throw file.error(row, column, "column \"\(file.header[column])\" is empty")
            }
            return value
        }

        /// The columns that the skills, skill groups and occupations files share.
        struct Concepts {
            let file: CSVFile
            let uri: Int, label: Int, status: Int?, description: Int?, definition: Int?
            /// The line on which each URI was first seen.
            var lines: [String: Int] = [:]

            init(_ file: CSVFile) throws(InputError) {
                self.file = file
                (uri, label) = (try file.column("conceptUri"), try file.column("preferredLabel"))
                (status, description, definition) = (file.optionalColumn("status"), file.optionalColumn("description"), file.optionalColumn("definition"))
            }

            /// A row's URI (not seen before in the file) and preferred label, both required.
            mutating func concept(_ row: Int) throws(InputError) -> (id: String, label: String) {
                let id = try Reader.required(file, row, uri)
                if let first = lines.updateValue(file.line(ofRecord: row), forKey: id) {
                    throw file.error(row, uri, "\"\(id)\" is listed twice (first on line \(first))")
                }
                return (id, try Reader.required(file, row, label))
            }

            /// A row's description, else its definition.
            func description(_ row: Int) -> String? {
                description.flatMap { file.value(row, $0) } ?? definition.flatMap { file.value(row, $0) }
            }
        }

        mutating func readSkills() throws(InputError) {
            guard let file = try open(["skills_en.csv"], required: true) else { return }
            var concepts = try Concepts(file)
            let type = try file.column("skillType"), alt = try file.column("altLabels")
            let hidden = file.optionalColumn("hiddenLabels"), reuse = file.optionalColumn("reuseLevel")
            report.skillsRead = file.count
            for row in 0 ..< file.count {
                let (id, name) = try concepts.concept(row)
                let kind: SkillType?
                switch file.value(row, type)?.lowercased() {
                case nil: kind = nil
                case "skill/competence": kind = .skill
                case "knowledge": kind = .knowledge
                case let other?:
                    throw file.error(row, type, "column \"skillType\": \"\(other)\" is not skill/competence, knowledge or empty")
                }
                guard released(file, row, concepts.status, uri: id) else { continue }
                let altLabels = EscoImporter.labels(file.string(row, alt), excluding: [name])
                let hiddenLabels = hidden.map { EscoImporter.labels(file.string(row, $0), excluding: [name] + altLabels) } ?? []
                skillIndex[id] = skills.count
                skills.append(Skill(
                    id: id, label: name, altLabels: altLabels, type: kind,
                    description: concepts.description(row), hiddenLabels: hiddenLabels, reuseLevel: reuse.flatMap { file.value(row, $0) }, source: "esco"))
                switch kind {
                case .knowledge: report.knowledge += 1
                case nil: report.untyped += 1
                default: report.skillsCompetences += 1
                }
                report.altLabels += altLabels.count
                report.hiddenLabels += hiddenLabels.count
            }
            report.skills = skills.count
        }

        mutating func readSkillGroups() throws(InputError) {
            guard let file = try open(["skillGroups_en.csv"], required: false) else { return }
            var concepts = try Concepts(file)
            let code = file.optionalColumn("code")
            for row in 0 ..< file.count {
                let (id, name) = try concepts.concept(row)
                guard released(file, row, concepts.status, uri: id) else { continue }
                if skillIndex[id] != nil { throw file.error(row, concepts.uri, "\"\(id)\" is already a skill in skills_en.csv") }
                groupIndex[id] = groups.count
                groups.append(SkillGroup(id: id, label: name, code: code.flatMap { file.value(row, $0) }, description: concepts.description(row), source: "esco"))
            }
            report.skillGroups = groups.count
        }

        mutating func readBroaderRelations() throws(InputError) {
            let names = ["broaderRelationsSkillPillar_en.csv", "broaderRelationsSkillPillar.csv"]
            guard let file = try open(names, required: false) else { return }
            let uri = try file.column("conceptUri"), broader = try file.column("broaderUri")
            for row in 0 ..< file.count {
                let child = try Reader.required(file, row, uri), parent = try Reader.required(file, row, broader)
                if child == parent { throw file.error(row, broader, "\"\(child)\" is given as broader than itself") }
                if unreleased.contains(child) || unreleased.contains(parent) {
                    report.linksToNotReleased += 1
                } else if let skill = skillIndex[child], skillIndex[parent] != nil || groupIndex[parent] != nil {
                    if !skills[skill].broader.contains(parent) { skills[skill].broader.append(parent); report.broaderLinks += 1 }
                } else if let group = groupIndex[child], groupIndex[parent] != nil {
                    if !groups[group].broader.contains(parent) { groups[group].broader.append(parent); report.broaderLinks += 1 }
                } else {
                    report.danglingBroaderLinks += 1
                }
            }
        }

        mutating func readOccupations() throws(InputError) {
            guard let file = try open(["occupations_en.csv"], required: true) else { return }
            var concepts = try Concepts(file)
            let alt = file.optionalColumn("altLabels"), isco = file.optionalColumn("iscoGroup")
            let hidden = file.optionalColumn("hiddenLabels")
            report.occupationsRead = file.count
            for row in 0 ..< file.count {
                let (id, title) = try concepts.concept(row)
                let group = isco.flatMap { file.value(row, $0) }
                if let group, let isco, !(group.count <= 4 && group.allSatisfy({ ("0"..."9").contains($0) })) {
                    throw file.error(row, isco, "column \"iscoGroup\": \"\(group)\" is not an ISCO-08 code (up to four digits)")
                }
                guard released(file, row, concepts.status, uri: id) else { continue }
                occupationIndex[id] = occupations.count
                let alternates = alt.map { EscoImporter.labels(file.string(row, $0), excluding: [title]) } ?? []
                occupations.append(Job(
                    id: id, title: title, description: concepts.description(row),
                    requirements: [], alternateTitles: alternates, iscoGroup: group, source: "esco",
                    hiddenTitles: hidden.map { EscoImporter.labels(file.string(row, $0), excluding: [title] + alternates) } ?? []))
            }
        }

        mutating func readRelations() throws(InputError) {
            let names = ["occupationSkillRelations_en.csv", "occupationSkillRelations.csv"]
            guard let file = try open(names, required: true) else { return }
            let occupation = try file.column("occupationUri"), relation = try file.column("relationType")
            let skill = try file.column("skillUri")
            report.relationsRead = file.count
            relations = Array(repeating: [:], count: occupations.count)
            for row in 0 ..< file.count {
                let job = try Reader.required(file, row, occupation), skillURI = try Reader.required(file, row, skill)
                let essential: Bool
                switch try Reader.required(file, row, relation).lowercased() {
                case "essential": essential = true
                case "optional": essential = false
                case let other: throw file.error(row, relation, "column \"relationType\": \"\(other)\" is not essential or optional")
                }
                guard let index = occupationIndex[job], skillIndex[skillURI] != nil else {
                    if unreleased.contains(job) || unreleased.contains(skillURI) {
                        report.linksToNotReleased += 1
                    } else {
                        report.danglingRelations += 1
                        for uri in [job, skillURI] where occupationIndex[uri] == nil && skillIndex[uri] == nil { dangling.insert(uri) }
                    }
                    continue
                }
                let weight = essential ? weights.essential : weights.optional
                guard weight > 0 else { report.zeroWeight += 1; continue }
                if let (position, wasEssential) = relations[index][skillURI] {
                    // A pair listed twice keeps the higher weight; with equal weights, essential wins.
                    report.duplicateRelations += 1
                    let kept = occupations[index].requirements[position].importance
                    if weight > kept || (weight == kept && essential && !wasEssential) {
                        occupations[index].requirements[position].importance = weight
                        relations[index][skillURI] = (position, essential)
                    }
                    continue
                }
                relations[index][skillURI] = (occupations[index].requirements.count, essential)
                occupations[index].requirements.append(Requirement(skill: skillURI, importance: weight, level: 1))
            }
        }

        mutating func readCollections() throws(InputError) {
            let collections = [
                ("digcomp", "digCompSkillsCollection_en.csv"), ("digital", "digitalSkillsCollection_en.csv"),
                ("green", "greenSkillsCollection_en.csv"), ("language", "languageSkillsCollection_en.csv"),
                ("research", "researchSkillsCollection_en.csv"), ("transversal", "transversalSkillsCollection_en.csv"),
            ]
            for (name, fileName) in collections {
                guard let file = try open([fileName], required: false) else { continue }
                let uri = try file.column("conceptUri")
                var placed = 0
                for row in 0 ..< file.count {
                    let id = try Reader.required(file, row, uri)
                    guard let index = skillIndex[id] else {
                        if unreleased.contains(id) { report.linksToNotReleased += 1 } else { report.danglingCollectionEntries += 1 }
                        continue
                    }
                    if !skills[index].collections.contains(name) {
                        skills[index].collections.append(name)
                        placed += 1
                    }
                }
                report.collections[name] = placed
            }
        }

        mutating func readSkillRelations() throws(InputError) {
            guard let file = try open(["skillSkillRelations_en.csv", "skillSkillRelations.csv"], required: false) else { return }
            let original = try file.column("originalSkillUri"), related = try file.column("relatedSkillUri")
            let relation = try file.column("relationType")
            for row in 0 ..< file.count {
                let from = try Reader.required(file, row, original), to = try Reader.required(file, row, related)
                let kind = try Reader.required(file, row, relation).lowercased()
                guard kind == "essential" || kind == "optional" else {
                    throw file.error(row, relation, "column \"relationType\": \"\(kind)\" is not essential or optional")
                }
                guard let index = skillIndex[from], skillIndex[to] != nil, from != to else {
                    if unreleased.contains(from) || unreleased.contains(to) { report.linksToNotReleased += 1 } else { report.danglingSkillRelations += 1 }
                    continue
                }
                if let existing = skills[index].related.firstIndex(where: { $0.skill == to }) {
                    if kind == "essential" { skills[index].related[existing].relation = kind }
                    continue
                }
                skills[index].related.append(SkillRelation(skill: to, relation: kind))
                report.skillRelations += 1
            }
        }

        func finish() -> (document: CatalogDocument, report: EscoImportReport) {
            var report = report
            var jobs: [Job] = []
            for (index, var job) in occupations.enumerated() {
                guard !job.requirements.isEmpty else { report.occupationsWithoutRequirements += 1; continue }
                job.requirements.sort { $0.skill < $1.skill }
                report.requirements += job.requirements.count
                let essential = relations[index].values.filter(\.essential).count
                report.essential += essential
                report.optional += job.requirements.count - essential
                report.alternateTitles += job.alternateTitles.count
                report.hiddenTitles += job.hiddenTitles.count
                jobs.append(job)
            }
            report.jobs = jobs.count
            report.danglingURIs = dangling.count
            report.danglingExamples = Array(dangling.sorted().prefix(5))
            let sortedSkills = skills.map { skill -> Skill in
                var skill = skill
                skill.collections.sort()
                skill.related.sort { $0.skill < $1.skill }
                return skill
            }
            return (CatalogDocument(skills: sortedSkills, jobs: jobs, credentials: [], skillGroups: groups), report)
        }
    }

    /// The labels in a newline-separated field, trimmed, without empty ones, repeats or `excluding` (case ignored).
    /// - Complexity: O(length of the text); lines are split on bytes (LF, CR), not grapheme by grapheme.
    static func labels(_ text: String, excluding: [String]) -> [String] {
        guard !text.isEmpty else { return [] }
        var seen = Set(excluding.map { $0.lowercased() })
        var labels: [String] = []
        for line in text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            let label = String(Substring(line).trimmingSpaces)
            if !label.isEmpty && seen.insert(label.lowercased()).inserted { labels.append(label) }
        }
        return labels
    }
}
