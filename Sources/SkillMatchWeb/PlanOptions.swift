import SkillMatch
import SkillMatchService

/// The plan controls of the web app and `skillmatch report`: the credentials a plan may use (budgets, types,
/// accredited only, scope: ``CredentialChoice``, as `gap` takes them), the target, the time limit, and what the
/// chart's horizontal axis counts.
public struct PlanOptions: Sendable, Hashable {
    public enum Axis: String, Sendable, Hashable, CaseIterable { case cost, hours }

    public var choice: CredentialChoice
    public var target: Double?
    public var axis: Axis
    /// How long the plan search may take.
    public var timeLimit: Duration

    public init(choice: CredentialChoice = CredentialChoice(), target: Double? = nil, axis: Axis = .cost, timeLimit: Duration = .seconds(10)) {
        (self.choice, self.target, self.axis, self.timeLimit) = (choice, target, axis, timeLimit)
    }

    /// The form's fields showing these options.
    var controls: PlanControls {
        PlanControls(
            maxCost: WebFormat.input(choice.maxCost), maxHours: WebFormat.input(choice.maxHours), target: WebFormat.input(target),
            byCost: axis == .cost, accredited: choice.accreditedOnly,
            types: CredentialType.allCases.map { .init(value: $0.rawValue, checked: choice.types.contains($0)) })
    }
}
