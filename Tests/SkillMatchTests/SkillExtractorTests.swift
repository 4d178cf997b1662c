import SkillMatch
import Testing

/// Skill extraction: spans and offsets, normalisation, longest match, word boundaries, the context rule for short
/// and ambiguous labels, boilerplate, collisions and determinism.
@Suite("SkillExtractor")
struct SkillExtractorTests {
    static let skills: [Skill] = [
        Skill(id: "python", label: "Python (computer programming)", altLabels: ["Python"]),
        Skill(id: "r", label: "R"),
        Skill(id: "go", label: "Go"),
        Skill(id: "c", label: "C"),
        Skill(id: "excel", label: "Microsoft Excel", altLabels: ["Excel"]),
        Skill(id: "sql", label: "SQL"),
        Skill(id: "manage-staff", label: "manage staff"),
        Skill(id: "project-management", label: "project management"),
        Skill(id: "agile-pm", label: "agile project management"),
        Skill(id: "communication", label: "communication"),
        Skill(id: "problem-solving", label: "problem-solving"),
        Skill(id: "e-commerce", label: "e-commerce"),
        Skill(id: "cafe", label: "café management"),
        Skill(id: "ml", label: "machine learning", hiddenLabels: ["machine lerning"]),
        Skill(id: "kanban", label: "ICT project methods", altLabels: ["kanban"]),
        Skill(id: "technologies", label: "emerging technologies"),
        Skill(id: "z-care", label: "client care", altLabels: ["customer care"]),
        Skill(id: "customer-care", label: "customer care"),
        Skill(id: "b-help", label: "help desks", altLabels: ["service desk"]),
        Skill(id: "a-help", label: "support desks", altLabels: ["service desk"]),
        Skill(id: "a-feedback", label: "measure customer feedback", altLabels: ["ensure customer satisfaction"]),
        Skill(id: "b-satisfaction", label: "guarantee customer satisfaction", altLabels: ["ensure customer satisfaction"]),
        Skill(id: "etcs", label: "European Train Control System", altLabels: ["ETCS"]),
        Skill(id: "securities", label: "securities"),
        Skill(id: "budgets", label: "manage budgets", type: .skill),
        Skill(id: "budget-knowledge", label: "budget management principles", type: .knowledge),
        Skill(id: "teams", label: "work in teams", type: .skill),
        Skill(id: "solve", label: "solve problems", type: .skill),
        Skill(id: "manuals", label: "compile manuals", altLabels: ["and procedures"]),
        Skill(id: "saas", label: "service-oriented modelling", altLabels: ["saas"]),
    ]

    static let extractor = SkillExtractor(skills: skills)

    func found(_ text: String, _ extractor: SkillExtractor = Self.extractor) -> [String] {
        extractor.mentions(in: text).map(\.skill)
    }

    @Test("offsets are Unicode scalar offsets, end exclusive, and the span text is exactly the text between them")
    func offsets() {
        let text = "Café management 😀 and managing staff’s rota; Python, R and SQL. Naïve ÅB 🇫🇷 machine learning"
        let mentions = Self.extractor.mentions(in: text)
        #expect(mentions.map(\.skill) == ["cafe", "manage-staff", "python", "r", "sql", "ml"])
        let scalars = Array(text.unicodeScalars)
        for mention in mentions {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[mention.start ..< mention.end])
            #expect(String(slice) == mention.text)
        }
        let cafe = mentions[0]
        #expect((cafe.start, cafe.end, cafe.text, cafe.label) == (0, 15, "Café management", "café management"))
        let staff = mentions[1]
        #expect(staff.text == "managing staff’s")
        let ml = mentions.last!
        #expect(ml.end == scalars.count)
        #expect(ml.start == scalars.count - "machine learning".unicodeScalars.count)
    }

    @Test("the longest match wins and spans never overlap")
    func longest() {
        let mentions = Self.extractor.mentions(in: "We run agile project management and project management offices.")
        #expect(mentions.map(\.skill) == ["agile-pm", "project-management"])
        #expect(mentions[0].text == "agile project management")
        for (a, b) in zip(mentions, mentions.dropFirst()) { #expect(a.end <= b.start) }
    }

    @Test("never inside words or compounds")
    func boundaries() {
        #expect(found("Pythonic code in SQLite and MySQL; a Rust crate; C-level contacts; R&D budget; go-live.") == [])
        #expect(found("Knowledge of C-level reporting") == [])
        #expect(found("Deep knowledge of SQL.") == ["sql"])
    }

    @Test("case, punctuation, hyphens, plurals, -ing/-ed forms and possessives are normalised")
    func normalisation() {
        #expect(found("MANAGED STAFF, manages staff, managing staff's hours") == ["manage-staff", "manage-staff", "manage-staff"])
        #expect(found("Problem solving, problem-solving and ecommerce or e-commerce") == ["problem-solving", "problem-solving", "e-commerce", "e-commerce"])
        #expect(found("machine-learning models and Machine Learning") == ["ml", "ml"])
        #expect(found("emerging technology") == ["technologies"])
        // Acronyms keep their final s: ETCS is not "etc".
        #expect(found("Python, SQL etc. and ETCS signalling") == ["python", "sql", "etcs"])
    }

    @Test("verb-phrase skill labels also match as noun phrases, with a noun form the catalogue uses")
    func nominalForms() {
        // A label as written ("problem-solving") wins over a noun form derived from another ("solve problems").
        #expect(found("Budget management and problem solving") == ["budgets", "problem-solving"])
        #expect(found("Managing budgets; solved problems") == ["budgets", "solve"])
        #expect(found("In teams working together") == [])
        let mention = Self.extractor.mentions(in: "budget management")[0]
        #expect((mention.label, mention.labelKind) == ("manage budgets", .preferred))
    }

    @Test("short names need a cue or a list, and their case")
    func shortNames() {
        #expect(found("Go to the meeting and report to R. Smith.") == [])
        #expect(found("Experience with Go is a plus.") == ["go"])
        #expect(found("You write Go programming daily") == ["go"])
        #expect(found("Python, R and SQL") == ["python", "r", "sql"])
        #expect(found("Languages: Go / Python") == ["go", "python"])
        #expect(found("knowledge of r and c") == [])  // written in lower case: not the names R and C
        #expect(found("Knowledge of C and SQL") == ["c", "sql"])
        let support = Self.extractor.mentions(in: "We need Python, R and SQL").map(\.support)
        #expect(support == [.distinctive, .list, .distinctive])
        // A name opening a sentence needs support too: here the list; or another skill in the sentence.
        #expect(Self.extractor.mentions(in: "Python, R and SQL").map(\.support) == [.list, .list, .distinctive])
        #expect(Self.extractor.mentions(in: "Python is used for machine learning.").map(\.support) == [.sentence, .distinctive])
        #expect(found("Python is a must.") == [])
    }

    @Test("ambiguous one-word labels: names opening a sentence or in lower case need support")
    func ambiguousWords() {
        #expect(found("Excel in a fast-paced team.") == [])
        #expect(found("You will excel at planning.") == [])
        #expect(found("Proficient in Excel and Microsoft Excel macros") == ["excel", "excel"])
        #expect(found("We use Excel daily") == ["excel"])
        #expect(found("Good communication.") == ["communication"])
        #expect(found("The communication tower is tall.") == [])
        #expect(found("Tools: python, sql") == ["python", "sql"])  // a lower-case list supports itself through its names
        #expect(found("kanban boards") == [])
        #expect(found("experience with kanban") == ["kanban"])
    }

    @Test("plural one-word labels match plurals only; lower-case labels written as names in the text; label fragments")
    func pluralAndNames() {
        #expect(found("Policies and procedures; compile manuals") == ["manuals"])
        #expect(found("Knowledge of securities.") == ["securities"])
        #expect(found("Knowledge of security.") == [])
        #expect(found("our saas product") == [])
        #expect(found("our SaaS product") == ["saas"])
        #expect(found("experience with saas") == ["saas"])
    }

    @Test("words common in the catalogue: alternative labels never match alone, preferred ones need a strong cue")
    func commonWords() {
        var skills = (0 ..< 30).map { Skill(id: "filler-\($0)", label: "filler \($0)", description: "design data from a source for item \($0)") }
        skills.append(Skill(id: "creative", label: "think creatively", altLabels: ["design"]))
        skills.append(Skill(id: "data", label: "data"))
        let extractor = SkillExtractor(skills: skills)
        #expect(found("Experience in design and knowledge of data", extractor) == ["data"])
        #expect(found("We love data.", extractor) == [])
        #expect(found("data skills", extractor) == ["data"])
        #expect(found("Think creatively!", extractor) == ["creative"])
        // A bare name whose catalogue label carried a qualifier, of a common word, needs a strong cue.
        var named = skills
        named.append(Skill(id: "source-engine", label: "Source (digital game creation systems)"))
        let engine = SkillExtractor(skills: named)
        #expect(found("Source code", engine) == [])
        #expect(found("Experience with Source", engine) == ["source-engine"])
    }

    @Test("boilerplate: equal opportunity, benefits and employer sections yield nothing")
    func boilerplate() {
        #expect(found("We are an equal opportunity employer and value Python and SQL skills.") == [])
        #expect(found("We do not discriminate on the basis of race, religion, age or disability.") == [])
        #expect(found("We offer free Python courses and a Go meetup.") == [])
        #expect(found("Benefits include a pension and a gym with Python posters.") == [])
        // A sentence that asks for something is not an offer.
        #expect(found("You must have experience with Python; we offer training.") == ["python"])
        let posting = """
            Benefits:
            Python training budget
            Machine learning conference tickets
            Requirements:
            Python and SQL
            """
        #expect(found(posting) == ["python", "sql"])
        #expect(found("Perks: Python courses\nRequirements: SQL") == ["sql"])
    }

    @Test("one label of several skills: the preferred label wins, then shared words, then the smallest id; hidden labels show the preferred label")
    func collisions() {
        let care = Self.extractor.mentions(in: "Customer care")
        #expect(care.map(\.skill) == ["customer-care"])
        #expect(care[0].alternatives == ["z-care"])
        #expect(care[0].labelKind == .preferred)
        let desk = Self.extractor.mentions(in: "Service desk")
        #expect(desk.map(\.skill) == ["a-help"])
        #expect(desk[0].alternatives == ["b-help"])
        // Alternative labels of several skills: the one whose preferred label shares more words wins.
        let satisfaction = Self.extractor.mentions(in: "Ensure customer satisfaction")
        #expect(satisfaction.map(\.skill) == ["b-satisfaction"])
        #expect(satisfaction[0].alternatives == ["a-feedback"])
        let hidden = Self.extractor.mentions(in: "Machine lerning")
        #expect(hidden.map(\.skill) == ["ml"])
        #expect((hidden[0].label, hidden[0].labelKind) == ("machine learning", .hidden))
        let python = Self.extractor.mentions(in: "We use Python")
        #expect((python[0].label, python[0].labelKind) == ("Python", .alternative))
    }

    @Test("deterministic: the same mentions on every run and whatever the order of the skills")
    func determinism() {
        let text = "Customer care, Python, R and SQL; service desk; managing staff; agile project management."
        let first = Self.extractor.mentions(in: text)
        var random = SystemRandomNumberGenerator()
        for _ in 0 ..< 5 {
            let shuffled = SkillExtractor(skills: Self.skills.shuffled(using: &random))
            #expect(shuffled.mentions(in: text) == first)
        }
        #expect(Self.extractor.mentions(in: text) == first)
        #expect(Self.extractor.skills(in: text) == first.map(\.skill).sorted().reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } })
    }

    @Test("random text: spans in range, equal to the text between their offsets, ordered and never overlapping")
    func randomText() {
        let pieces = ["Python", "R", "SQL", "Go", "C", "C++", "C#", ".NET", "manage", "managing", "staff", "machine",
                      "learning", "project", "management", "agile", "e-commerce", "café", "Café", "naïve", "日本語", "😀",
                      "🇫🇷", "e\u{301}", "’s", "'", "-", "&", ".", ",", ";", ":", "/", "(", ")", "+", "#", "\r\n", "\n",
                      " ", " ", " ", "and", "or", "experience", "with", "skills", "Benefits", "equal opportunity", "\u{00A0}"]
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0 ..< 300 {
            let text = (0 ..< 1 + next() % 60).map { _ in pieces[next() % pieces.count] }.joined(separator: next() % 3 == 0 ? "" : " ")
            let scalars = Array(text.unicodeScalars)
            let mentions = Self.extractor.mentions(in: text)
            var lastEnd = 0
            for mention in mentions {
                #expect(0 <= mention.start && mention.start < mention.end && mention.end <= scalars.count, "\(text)")
                #expect(mention.start >= lastEnd, "overlap in \(text)")
                lastEnd = mention.end
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[mention.start ..< mention.end])
                #expect(String(view) == mention.text, "\(text)")
            }
            #expect(Self.extractor.mentions(in: text) == mentions)
        }
    }

    @Test("empty and punctuation-only text")
    func empty() {
        #expect(found("") == [])
        #expect(found(" \n,.;:!? ") == [])
        #expect(SkillExtractor(skills: []).mentions(in: "Python") == [])
    }
}
