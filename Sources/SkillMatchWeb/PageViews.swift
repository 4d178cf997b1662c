import Foundation

// What the templates (`Templates/*.mustache`) render: plain values, numbers already formatted. Mustache reads them by
// reflection, so every field name here is a name a template uses.

/// The links of one person's pages (`/candidates/ID` or `/resumes/KEY`).
struct PersonNav: Sendable { var base: String }

struct HomeView: Sendable {
    struct Stored: Sendable { var id: String, name: String }
    var title = "Start", css = WebTemplates.css, selfContained = false
    var person: PersonNav? = nil
    var jobs: Int, skills: Int, credentials: Int
    var error: String?
    var text: String
    var stored: [Stored]
    var storedCount: Int?
    var storedShown: Int?
}

struct SkillRow: Sendable {
    var id: String, label: String, level: String
    var quotes: [String]
    var source: String
}

struct MatchRow: Sendable {
    var position: Int, job: String, title: String, link: String
    var fit: String, barPercent: String
    var rank: String?
    var titlesHeld: String?
    var terms: String?
}

struct PersonView: Sendable {
    struct Held: Sendable { var title: String, line: Int, years: String?, jobs: String? }
    struct HeldCredential: Sendable { var id: String, name: String }
    var title: String, css = WebTemplates.css, selfContained = false
    var person: PersonNav?
    var name: String, kind: String
    var skillCount: Int?, credentialCount: Int?
    var unresolved: [String], hasUnresolved: Bool
    var note: String?
    var document: Bool
    var matches: [MatchRow], hasMatches: Bool
    var heldTitles: [Held], hasHeldTitles: Bool
    var skills: [SkillRow], hasSkills: Bool
    var credentials: [HeldCredential], hasCredentials: Bool
}

struct ExplanationLine: Sendable {
    var skill: String, label: String, importance: String, required: String, have: String, credit: String, source: String
    var detail: String?
}

struct PlanControls: Sendable {
    struct TypeChoice: Sendable { var value: String, checked: Bool }
    var maxCost: String, maxHours: String, target: String, byCost: Bool, accredited: Bool
    var types: [TypeChoice]
}

struct RelatedRow: Sendable { var job: String, title: String, link: String, similarity: String, fit: String, barPercent: String }

struct JobView: Sendable {
    var title: String, css = WebTemplates.css, selfContained = false
    var person: PersonNav?
    var job: String, name: String, fit: String, met: Int, requirementCount: Int
    var lines: [ExplanationLine]
    var related: [RelatedRow], hasRelated: Bool
    var planAction: String
    var controls: PlanControls
}

struct PlanStepRow: Sendable {
    var position: Int, id: String, name: String, link: String?, cost: String, hours: String, prerequisiteFor: String?, closes: String, fitAfter: String
}

/// A gap plan as the plan page and the report show it.
struct PlanBody: Sendable {
    var before: String, after: String, target: String?, optimal: Bool, lowerBound: Int, scope: String?
    var steps: [PlanStepRow], hasPlan: Bool
    var totalCost: String, totalHours: String
    var unknownNote: String?
    var chart: GapChart?
    var uncoverable: [String], hasUncoverable: Bool, uncoverableCount: Int
    /// No credential closes a gap skill: the plan raises the fit as far as the credentials go.
    var raisesOnly = false
    /// The credentials the person holds that serve the job, by name ("CompTIA A+, CompTIA Network+"); nil when none.
    var heldServing: String? = nil
}

struct PlanView: Sendable {
    var title: String, css = WebTemplates.css, selfContained = false
    var person: PersonNav?
    var job: String, name: String, jobLink: String
    var error: String?
    var planAction: String
    var controls: PlanControls
    var plan: PlanBody?
}

struct ProspectRow: Sendable {
    var position: Int, id: String, name: String, link: String?, cost: String, hours: String, unlocks: String?, gain: String, serves: String?, requires: String?
}

struct NextTable: Sendable {
    var prospects: [ProspectRow], hasProspects: Bool
    var bestCount: Int, qualified: String
    /// Credentials serving a best job that the budget left out for want of a published cost or hours.
    var unpriced: [UnpricedCredential] = [], hasUnpriced = false
}

struct UnpricedCredential: Sendable { var id: String, name: String, link: String?, serves: String }

struct BestJob: Sendable { var job: String, title: String, link: String, fit: String }

struct NextView: Sendable {
    var title: String, css = WebTemplates.css, selfContained = false
    var person: PersonNav?
    var name: String, action: String, maxCost: String, maxHours: String
    var error: String?
    var scope: String?
    var prospects: [ProspectRow], hasProspects: Bool, bestCount: Int, qualified: String
    var bestJobs: [BestJob]
    var unpriced: [UnpricedCredential] = [], hasUnpriced = false
}

struct FinderView: Sendable {
    struct Facet: Sendable { var title: String, values: [FacetValue] }
    struct FacetValue: Sendable { var parameter: String, value: String, count: Int, checked: Bool }
    struct Hit: Sendable { var id: String, name: String, issuer: String, type: String, cost: String, hours: String, matchedIn: String, inDemand: Bool }
    var title = "Credential finder", css = WebTemplates.css, selfContained = false
    var person: PersonNav? = nil
    var query: String, maxCost: String, maxHours: String, job: String, inDemand: Bool
    var facets: [Facet]
    var error: String?
    var count: Int, shownNote: String?
    var hits: [Hit]
}

struct CredentialView: Sendable {
    struct Grant: Sendable { var skill: String, label: String, level: String }
    struct RelatedJob: Sendable { var job: String, title: String, share: String }
    var title: String, css = WebTemplates.css, selfContained = false
    var person: PersonNav? = nil
    var id: String, name: String, type: String, issuer: String, accreditation: String?, inDemand: Bool
    var cost: String, hours: String, prerequisites: String?, url: String?
    var grants: [Grant]
    var jobs: [RelatedJob], hasJobs: Bool
}

struct ErrorView: Sendable {
    var title: String, css = WebTemplates.css, selfContained = false
    var person: PersonNav? = nil
    var heading: String, message: String
}

struct ReportView: Sendable {
    struct Focus: Sendable {
        var job: String, title: String, fit: String
        var lines: [ExplanationLine]
        var plan: PlanBody?
        var planError: String?
    }
    var title: String, css = WebTemplates.css, selfContained: Bool
    var person: PersonNav?
    var name: String, kind: String, jobs: Int, credentials: Int, date: String
    var note: String?
    var matches: [MatchRow]
    var focus: Focus?
    var next: NextTable
    var skills: [SkillRow]
}
