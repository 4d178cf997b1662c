/// The general English cue words the extractor's rules use: ordinary job-ad and resume vocabulary, written once
/// here, not drawn from any evaluation data. Words are compared in their normalised primary form (so `skills`
/// matches `skill`).
enum ExtractionCues {
    /// Strong words that, up to three words before an ambiguous label, show that a skill is being named:
    /// "experience with R", "knowledge of statistics", "proficient in Go".
    static let before = [
        "experience", "experienced", "knowledge", "knowledgeable", "skill", "skilled", "proficient", "proficiency",
        "expertise", "expert", "familiar", "familiarity", "understanding", "background", "degree", "qualification",
        "qualified", "certified", "certification", "certificate", "fluent", "fluency", "competence", "competent",
        "competency", "mastery",
    ]

    /// Weaker words before a label: enough for a short name or a one-word preferred label ("strong communication",
    /// "using Excel", "write Go"), not for a one-word alternative label.
    static let beforeWeak = [
        "command", "using", "use", "strong", "excellent", "good", "trained", "training", "solid", "proven",
        "advanced", "basic", "working", "hands", "deep", "sound", "fundamental", "practical", "programming",
        "language", "write", "writing", "develop", "developing", "coding", "code",
    ]

    /// Words that, up to three words after a label, show that a skill is being named: "Excel skills", "R
    /// experience", "communication and teamwork skills".
    static let after = [
        "skill", "experience", "knowledge", "proficiency", "expertise", "background", "certification", "certificate",
        "ability", "qualification", "proficient", "expert", "certified",
    ]

    /// Weaker words after a label: enough for a short name or a one-word preferred label ("Go programming",
    /// "R language", "C developer").
    static let afterWeak = [
        "programming", "language", "developer", "development", "framework", "library", "scripting", "script", "code",
        "coding", "principle", "technique", "methodology", "practice", "tool", "software", "stack",
    ]

    /// Words that join the items of a list.
    static let conjunctions = ["and", "or", "nor", "plus", "&"]

    /// Articles, skipped inside labels and text alike ("use the spreadsheet software").
    static let articles = ["a", "an", "the"]

    /// Any one of these phrases makes a sentence an equal-opportunity statement.
    static let equalOpportunityPhrases = [
        "equal opportunity", "equal opportunities", "equal employment", "affirmative action", "without regard",
        "regardless of", "sexual orientation", "gender identity", "gender expression", "national origin",
        "veteran status", "protected veteran", "reasonable accommodation", "reasonable adjustment", "discrimination",
        "discriminate", "nondiscrimination", "diverse workforce", "inclusive workplace", "inclusive environment",
    ]

    /// Three of these in one sentence make it an equal-opportunity statement ("race, religion, age or disability").
    static let equalOpportunityWords = [
        "race", "colour", "color", "religion", "religious", "sex", "gender", "age", "disability", "disabled", "veteran",
        "ethnicity", "ethnic", "nationality", "orientation", "pregnancy", "marital", "ancestry", "citizenship",
        "genetic", "creed", "belief", "origin", "identity",
    ]

    /// Any one of these phrases (or two ``offerWords``) marks a sentence about what the employer offers or how to
    /// apply, unless the sentence also asks for something (``requirementWords``).
    static let offerPhrases = [
        "we offer", "what we offer", "benefits package", "benefit package", "paid time off", "health insurance",
        "dental insurance", "medical insurance", "life insurance", "life assurance", "pension scheme", "pension plan",
        "401k", "401 k", "competitive salary", "competitive compensation", "competitive pay", "annual leave",
        "parental leave", "maternity leave", "paternity leave", "stock option", "employee discount", "gym membership",
        "free lunch", "free breakfast", "company car", "apply now", "how to apply", "to apply", "send your cv",
        "send your resume", "send us your", "submit your cv", "submit your resume", "submit your application",
        "click apply", "privacy policy", "privacy notice", "unsolicited", "recruitment agency", "we are proud",
        "join our team", "join us", "flexible working", "flexible hours", "application process", "application procedure",
        "work life balance", "hybrid working",
    ]

    /// Two of these in a sentence mark it as being about what the employer offers.
    static let offerWords = [
        "benefit", "pension", "insurance", "dental", "vision", "healthcare", "vacation", "holiday", "bonus", "salary",
        "perk", "gym", "allowance", "discount", "leave", "reimbursement", "wellness", "wellbeing", "lunch", "breakfast",
        "snack", "retirement", "medical", "maternity", "paternity", "childcare", "commuter", "compensation", "equity",
        "stock", "social", "event", "relocation", "remote", "flexible", "generous", "competitive", "free", "offer",
    ]

    /// Words that show a sentence asks for something; such a sentence is never taken for an offer.
    static let requirementWords = [
        "experience", "experienced", "knowledge", "proficient", "proficiency", "skill", "skilled", "ability", "able",
        "degree", "qualification", "familiar", "familiarity", "responsible", "responsibility", "require", "required",
        "requirement", "must", "expertise", "understanding",
    ]

    /// Short header lines (six words or fewer) holding one of these phrases start a section about the employer
    /// rather than the job; every sentence of the section is boilerplate until the next header line.
    static let boilerplateHeaders = [
        "benefit", "benefits", "perk", "perks", "we offer", "what we offer", "why join", "why work", "why us",
        "about us", "who we are", "company description", "about the company", "about our company", "our company",
        "equal opportunity", "equal opportunities", "diversity", "how to apply", "application process",
        "compensation", "salary", "our offer", "what you get", "what you will get", "what s in it for you",
    ]

    /// Header lines holding one of these words start a section about the job itself (ending a boilerplate section).
    static let jobHeaderWords = [
        "requirement", "responsibility", "qualification", "skill", "experience", "role", "profile", "you", "your",
        "task", "duty", "position", "job", "description", "need", "looking", "ideal", "candidate", "must", "nice",
    ]
}
