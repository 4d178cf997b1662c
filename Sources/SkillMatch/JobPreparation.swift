/// What a job asks in education, related work experience and training, as O*NET's Education, Training and
/// Experience survey reports it: for each question, the answer most respondents gave.
public struct JobPreparation: Sendable, Hashable, Codable {
    /// Required level of education (O*NET `RL`, categories 1–12, from "Less than a High School Diploma" to
    /// "Post-Doctoral Training").
    public var education: PreparationCategory?
    /// Related work experience (O*NET `RW`, categories 1–11, from "None" to "Over 10 years").
    public var relatedExperience: PreparationCategory?
    /// On-site or in-plant training (O*NET `PT`, categories 1–9).
    public var onSiteTraining: PreparationCategory?
    /// On-the-job training (O*NET `OJ`, categories 1–9).
    public var onTheJobTraining: PreparationCategory?

    /// Creates a preparation profile.
    public init(
        education: PreparationCategory? = nil, relatedExperience: PreparationCategory? = nil,
        onSiteTraining: PreparationCategory? = nil, onTheJobTraining: PreparationCategory? = nil
    ) {
        self.education = education
        self.relatedExperience = relatedExperience
        self.onSiteTraining = onSiteTraining
        self.onTheJobTraining = onTheJobTraining
    }

    /// Whether nothing is known.
    public var isEmpty: Bool { education == nil && relatedExperience == nil && onSiteTraining == nil && onTheJobTraining == nil }
}

/// One answer of a preparation question: its category number on the source scale, what it means, and the share of
/// respondents who gave it.
public struct PreparationCategory: Sendable, Hashable, Codable {
    /// The category number on the source scale (O*NET: 1 is the least preparation).
    public var category: Int
    /// What the category means ("Bachelor's Degree", "Over 2 years, up to and including 4 years").
    public var label: String
    /// The share of respondents who gave this answer, in [0, 1].
    public var share: Double

    /// Creates a category.
    public init(category: Int, label: String, share: Double) {
        self.category = category
        self.label = label
        self.share = share
    }
}
