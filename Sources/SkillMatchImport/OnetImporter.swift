import Foundation
import SkillMatch

/// What an O*NET import read, kept and left out.
public struct OnetImportReport: Sendable, Hashable, Codable {
    /// Occupations in `Occupation Data`.
    public var occupationsRead = 0
    /// Occupations imported as jobs (those with at least one usable rating).
    public var jobs = 0
    /// Skill elements (from `Skills`).
    public var skills = 0
    /// Knowledge elements (from `Knowledge`).
    public var knowledge = 0
    /// Requirements imported.
    public var requirements = 0
    /// Ratings left out because O*NET marks the element Not Relevant for the occupation.
    public var notRelevant = 0
    /// Ratings left out because O*NET recommends suppressing the estimate (too uncertain).
    public var suppressed = 0
    /// Ratings left out because the level is 0 (the element is not needed at any level).
    public var zeroLevel = 0
    /// Ratings left out because the importance or the level is missing (`n/a` or empty).
    public var incomplete = 0
    /// Ratings for occupations not in `Occupation Data` (left out).
    public var unknownOccupations = 0
    /// Imported jobs with a Job Zone.
    public var jobZones = 0
    /// Alternate and reported titles attached to imported jobs.
    public var alternateTitles = 0
    /// Technologies (from `Technology Skills`) imported as skills.
    public var technologies = 0
    /// Of those, the ones O*NET flags Hot Technology.
    public var hotTechnologies = 0
    /// Technology commodity classes imported as skill groups.
    public var commodityClasses = 0
    /// Technology requirements imported (included in `requirements`).
    public var technologyRequirements = 0
    /// Of those, the ones O*NET flags In Demand for the occupation.
    public var inDemandTechnologyRequirements = 0
    /// Technology uses left out because the occupation has no usable Skills or Knowledge rating (no job to attach
    /// them to) or is not in `Occupation Data`.
    public var technologyUsesWithoutJob = 0
    /// Imported jobs with education, training and experience facts.
    public var preparations = 0
    /// Imported jobs that O*NET describes but does not rate, whose requirements were derived from the nearest rated
    /// occupations (``DerivedRequirements``).
    public var derivedJobs = 0
    /// Occupations O*NET describes (a job zone or task statements) but rates nothing for and that no rated
    /// occupation resembles: not imported.
    public var underivable = 0
    /// Task statements attached to imported jobs.
    public var tasks = 0
}

/// Reads the O*NET database (release text files, or the Excel layout converted to tab-separated text) into a
/// SkillMatch catalogue.
///
/// - Occupations keep their O*NET-SOC code as id (`15-1232.00`), with title and description.
/// - Skills and Knowledge elements keep their Element ID as skill id (`2.A.1.a`), typed `skill` or `knowledge`,
///   with the Element Name as label and the description from `Content Model Reference` when present.
/// - Each occupation × element rated on both scales becomes a requirement: importance is the Importance (IM,
///   1–5) value; level is the Level (LV, 0–7) value divided by 7.
/// - Ratings O*NET flags Not Relevant, or Recommend Suppress on either scale, and ratings with level 0 or a missing
///   value, are left out and counted in the report. Occupations left with no rating are not imported.
/// - Job Zones (1–5) become the jobs' `jobZone`; Alternate Titles and Sample of Reported Titles become their
///   `alternateTitles` (deduplicated, case ignored), so jobs can be found by the titles people use. These files
///   are optional.
/// - Each requirement keeps the LV value as `originalLevel`.
/// - Technology Skills become skills typed `technology` with stable ids, Hot Technology flags and their commodity
///   classes as skill groups; each occupation's technologies become requirements sharing a fixed part of its
///   importance, flagged In Demand where O*NET says so (see ``OnetTechnologyOptions`` and `OnetTechnologyFile`).
///   Optional file.
/// - Education, Training, and Experience become the jobs' `preparation` (the most common answer to each question).
///   Optional file.
/// - Occupations that O*NET describes (a Job Zone or Task Statements) but does not rate get requirements derived from
///   the nearest rated occupations by detailed work activities, technologies, SOC group and job zone
///   (`OnetDerivedRequirements`), recorded in the job's ``Job/derivedRequirements``. Occupations neither rated nor
///   described (O*NET's non-data-level titles) are not imported.
/// - Task Statements become the jobs' `tasks` (text evidence for matching resumes). Optional file, as is `Tasks to
///   DWAs` (used only for the similarity above).
/// - Every skill, skill group and job records `source: "onet"`.
/// - Columns are found by header name, so both layouts read (the Excel layout adds Title and Scale Name).
public enum OnetImporter {
    /// Reads an O*NET directory.
    /// - Parameters:
    ///   - technology: how Technology Skills become requirements.
    ///   - progress: called with a short note as each file is read.
    /// - Throws: ``InputError`` naming the file, line and column for a missing file or column or a bad value.
    public static func read(
        directory: String, technology: OnetTechnologyOptions = .standard, progress: ((String) -> Void)? = nil
    ) throws(InputError) -> (document: CatalogDocument, report: OnetImportReport) {
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var report = OnetImportReport()
        progress?("reading Occupation Data.txt")

        let occupations = try TabularFile.read(path: folder + "/Occupation Data.txt")
        let (code, title, text) = (try occupations.column("O*NET-SOC Code"), try occupations.column("Title"), try occupations.column("Description"))
        var jobs: [(id: String, title: String, description: String?)] = []
        for row in occupations.rows {
            guard let id = TabularFile.value(row.fields[code]), let name = TabularFile.value(row.fields[title]) else {
                throw InputError(file: occupations.path, line: row.line, message: "column \"O*NET-SOC Code\" or \"Title\" is empty")
            }
            jobs.append((String(id), String(name), TabularFile.value(row.fields[text]).map(String.init)))
        }
        report.occupationsRead = jobs.count
        let known = Set(jobs.map(\.id))

        var descriptions: [String: String] = [:]
        if let reference = try? TabularFile.read(path: folder + "/Content Model Reference.txt"),
            let element = reference.optionalColumn("Element ID"), let description = reference.optionalColumn("Description")
        {
            for row in reference.rows {
                if let id = TabularFile.value(row.fields[element]), let text = TabularFile.value(row.fields[description]) {
                    descriptions[String(id)] = String(text)
                }
            }
        }

        var skills: [String: Skill] = [:]
        var requirements: [String: [Requirement]] = [:]
        for (file, type) in [("Skills.txt", SkillType.skill), ("Knowledge.txt", SkillType.knowledge)] {
            progress?("reading \(file)")
            let ratings = try readRatings(folder + "/" + file, known: known, report: &report)
            for (id, name) in ratings.elements where skills[id] == nil {
                skills[id] = Skill(id: id, label: name, type: type, description: descriptions[id], source: "onet")
                if type == .skill { report.skills += 1 } else { report.knowledge += 1 }
            }
            for (occupation, list) in ratings.requirements { requirements[occupation, default: []] += list }
        }

        progress?("reading job zones and titles")
        let zones = try readJobZones(folder + "/Job Zones.txt")
        var titles: [String: [String]] = [:]
        for (file, column) in [("Alternate Titles.txt", "Alternate Title"), ("Sample of Reported Titles.txt", "Reported Job Title")] {
            for (occupation, list) in try readTitles(folder + "/" + file, column: column) { titles[occupation, default: []] += list }
        }
        progress?("reading Technology Skills.txt")
        let technologies = try OnetTechnologyFile.read(folder + "/Technology Skills.txt")
        progress?("reading Education, Training, and Experience.txt")
        let preparations = try OnetPreparationFile.read(
            folder + "/Education, Training, and Experience.txt",
            categories: folder + "/Education, Training, and Experience Categories.txt")
        progress?("reading Task Statements.txt")
        let tasks = try readTitles(folder + "/Task Statements.txt", column: "Task")
        let activities = try readSets(folder + "/Tasks to DWAs.txt", column: "DWA ID")
        progress?("reading Interests.txt")
        let interests = try readInterests(folder + "/Interests.txt")
        let deriver = OnetDerivedRequirements(
            activities: activities, technologies: technologies.uses.mapValues { Set($0.map(\.skill)) }, zones: zones)
        var derived: [String: DerivedRequirements] = [:]
        let ratedRequirements = requirements
        for job in jobs where requirements[job.id] == nil && (zones[job.id] != nil || tasks[job.id] != nil) {
            guard let (list, origin) = deriver.derive(for: job.id, rated: ratedRequirements) else {
                report.underivable += 1
                continue
            }
            derived[job.id] = origin
            requirements[job.id] = list
        }
        let imported = jobs.compactMap { job -> Job? in
            guard var list = requirements[job.id], !list.isEmpty else { return nil }
            // Summed in skill order: the ratings were gathered through a dictionary, whose order changes between
            // processes, and a floating-point sum depends on its order.
            list.sort { $0.skill < $1.skill }
            let rated = list.reduce(0) { $0 + $1.importance }
            let used = technologies.requirements(of: job.id, rated: rated, options: technology)
            // A technology that is also a rated element cannot happen (different id spaces), so ids stay unique.
            list += used
            var seen: Set<String> = [job.title.lowercased()]
            let alternates = (titles[job.id] ?? []).filter { seen.insert($0.lowercased()).inserted }
            return Job(
                id: job.id, title: job.title, description: job.description, requirements: list.sorted { $0.skill < $1.skill },
                alternateTitles: alternates, jobZone: zones[job.id], preparation: preparations[job.id], source: "onet",
                tasks: tasks[job.id] ?? [], derivedRequirements: derived[job.id],
                activities: (activities[job.id] ?? []).sorted(), interests: interests[job.id])
        }
        let importedIDs = Set(imported.map(\.id))
        for (occupation, uses) in technologies.uses where !importedIDs.contains(occupation) {
            report.technologyUsesWithoutJob += uses.count
        }
        for technologySkill in technologies.skills.values { skills[technologySkill.id] = technologySkill }
        report.technologies = technologies.skills.count
        report.hotTechnologies = technologies.skills.values.filter(\.hotTechnology).count
        report.commodityClasses = technologies.groups.count
        let technologyRequirements = imported.flatMap(\.requirements).filter { $0.skill.hasPrefix("onet-tech:") }
        report.technologyRequirements = technologyRequirements.count
        report.inDemandTechnologyRequirements = technologyRequirements.filter(\.inDemand).count
        report.preparations = imported.filter { $0.preparation != nil }.count
        report.jobs = imported.count
        report.derivedJobs = derived.count
        report.tasks = imported.reduce(0) { $0 + $1.tasks.count }
        report.jobZones = imported.filter { $0.jobZone != nil }.count
        report.alternateTitles = imported.reduce(0) { $0 + $1.alternateTitles.count }
        report.requirements = imported.reduce(0) { $0 + $1.requirements.count }
        let document = CatalogDocument(
            skills: skills.values.sorted { $0.id < $1.id }, jobs: imported, credentials: [],
            skillGroups: technologies.groups.values.sorted { $0.id < $1.id })
        return (document, report)
    }

    /// Job Zones by occupation, or none when the file is absent.
    private static func readJobZones(_ path: String) throws(InputError) -> [String: Int] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let file = try TabularFile.read(path: path)
        let (code, zone) = (try file.column("O*NET-SOC Code"), try file.column("Job Zone"))
        var zones: [String: Int] = [:]
        for row in file.rows {
            guard let occupation = TabularFile.value(row.fields[code]), let text = TabularFile.value(row.fields[zone]) else { continue }
            guard let value = Int(text), (1...5).contains(value) else {
                throw InputError(file: path, line: row.line, message: "column \"Job Zone\": \"\(text)\" is not a whole number from 1 to 5")
            }
            zones[String(occupation)] = value
        }
        return zones
    }

    /// Titles by occupation from one column of a file, in file order, or none when the file is absent.
    private static func readTitles(_ path: String, column name: String) throws(InputError) -> [String: [String]] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let file = try TabularFile.read(path: path)
        let (code, title) = (try file.column("O*NET-SOC Code"), try file.column(name))
        var titles: [String: [String]] = [:]
        for row in file.rows {
            if let occupation = TabularFile.value(row.fields[code]), let text = TabularFile.value(row.fields[title]) {
                titles[String(occupation), default: []].append(String(text))
            }
        }
        return titles
    }

    /// RIASEC profiles (the OI scale's six values) by occupation, or none when the file is absent. An occupation with
    /// some but not all six values gets no profile.
    private static func readInterests(_ path: String) throws(InputError) -> [String: InterestProfile] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let file = try TabularFile.read(path: path)
        let (code, element, scale, value) = (
            try file.column("O*NET-SOC Code"), try file.column("Element ID"), try file.column("Scale ID"), try file.column("Data Value")
        )
        let order = ["1.B.1.a", "1.B.1.b", "1.B.1.c", "1.B.1.d", "1.B.1.e", "1.B.1.f"]
        var values: [String: [Double?]] = [:]
        for row in file.rows {
            guard TabularFile.value(row.fields[scale]) == "OI", let occupation = TabularFile.value(row.fields[code]),
                let id = TabularFile.value(row.fields[element]), let slot = order.firstIndex(where: { $0 == id })
            else { continue }
            let text = TabularFile.value(row.fields[value]) ?? ""
            guard let number = DecimalText.number(text), (1...7).contains(number) else {
                throw InputError(file: path, line: row.line, message: "column \"Data Value\": \"\(text)\" is not a number from 1 to 7")
            }
            values[String(occupation), default: [Double?](repeating: nil, count: 6)][slot] = number
        }
        return values.compactMapValues { six in
            let known = six.compactMap { $0 }
            guard known.count == 6 else { return nil }
            return InterestProfile(
                realistic: known[0], investigative: known[1], artistic: known[2], social: known[3], enterprising: known[4],
                conventional: known[5])
        }
    }

    /// Distinct values of one column by occupation, or none when the file is absent.
    private static func readSets(_ path: String, column name: String) throws(InputError) -> [String: Set<String>] {
        try readTitles(path, column: name).mapValues(Set.init)
    }

    /// One occupation's rating of one element on the IM and LV scales.
    private struct Rating {
        var importance: Double?
        var level: Double?
        var suppressed = false
        var notRelevant = false
    }

    /// Reads a Skills- or Knowledge-shaped file: element names and, per occupation, the usable requirements.
    private static func readRatings(
        _ path: String, known: Set<String>, report: inout OnetImportReport
    ) throws(InputError) -> (elements: [String: String], requirements: [String: [Requirement]]) {
        let file = try TabularFile.read(path: path)
        let code = try file.column("O*NET-SOC Code")
        let element = try file.column("Element ID")
        let name = try file.column("Element Name")
        let scale = try file.column("Scale ID")
        let value = try file.column("Data Value")
        let suppress = file.optionalColumn("Recommend Suppress")
        let relevant = file.optionalColumn("Not Relevant")

        var elements: [String: String] = [:]
        var ratings: [String: [String: Rating]] = [:]
        for row in file.rows {
            let fields = row.fields
            guard let occupation = TabularFile.value(fields[code]), let id = TabularFile.value(fields[element]) else {
                throw InputError(file: path, line: row.line, message: "column \"O*NET-SOC Code\" or \"Element ID\" is empty")
            }
            elements[String(id)] = String(TabularFile.value(fields[name]) ?? id)
            guard let scaleID = TabularFile.value(fields[scale]).map({ $0.uppercased() }), scaleID == "IM" || scaleID == "LV" else { continue }
            var number: Double?
            if let text = TabularFile.value(fields[value]) {
                guard let parsed = DecimalText.number(text), parsed.isFinite else {
                    throw InputError(file: path, line: row.line, message: "column \"Data Value\": \"\(text)\" is not a number")
                }
                number = parsed
            }
            var rating = ratings[String(occupation), default: [:]][String(id)] ?? Rating()
            if scaleID == "IM" { rating.importance = number } else { rating.level = number }
            if let suppress, TabularFile.value(fields[suppress])?.uppercased() == "Y" { rating.suppressed = true }
            if let relevant, TabularFile.value(fields[relevant])?.uppercased() == "Y" { rating.notRelevant = true }
            ratings[String(occupation), default: [:]][String(id)] = rating
        }

        var requirements: [String: [Requirement]] = [:]
        for (occupation, byElement) in ratings {
            guard known.contains(occupation) else {
                report.unknownOccupations += byElement.count
                continue
            }
            for (id, rating) in byElement {
                if rating.notRelevant { report.notRelevant += 1; continue }
                if rating.suppressed { report.suppressed += 1; continue }
                guard let importance = rating.importance, let level = rating.level, importance > 0 else { report.incomplete += 1; continue }
                guard level > 0 else { report.zeroLevel += 1; continue }
                requirements[occupation, default: []].append(
                    Requirement(skill: id, importance: importance, level: min(level / 7, 1), originalLevel: level))
            }
        }
        return (elements, requirements)
    }
}
