import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SkillMatchService
@testable import SkillMatchWeb
import Testing

@Suite("The advisor's web app")
struct WebAppTests {
    static let resume: String = (try? String(contentsOfFile: ServerFixture.packageRoot + "/datasets/demo/resumes/sam-okafor.md", encoding: .utf8)) ?? ""

    @Test("every page of a stored candidate and the finder answers HTML, private and script-free")
    func pages() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let base = "/candidates/dana-it-legacy"
            for uri in ["/", "/credentials", "/credentials?q=network&type=certification&maxCost=", "/credentials/comptia-a-plus", base,
                        base + "/jobs/15-1232.00", base + "/jobs/15-1232.00/plan", base + "/jobs/15-1232.00/plan?target=0.9&axis=hours&type=certification",
                        base + "/next?maxCost=500", base + "/report?job=15-1232.00"] {
                let response = try await client.get(uri)
                #expect(response.status == .ok, "\(uri): \(response.text.prefix(300))")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
                #expect(!response.text.contains("<script"), "\(uri) has a script")
                #expect(response.text.hasPrefix("<!DOCTYPE html>"))
            }
            // A template variable left unfilled would show as an empty attribute or text where numbers belong.
            let plan = try await client.get(base + "/jobs/15-1232.00/plan")
            #expect(!plan.text.contains("x=\"\""), "an SVG coordinate is empty")
            #expect(plan.text.contains("<svg id=\"fit-chart\""))
        }
    }

    @Test("the plan page's numbers and chart are POST /v1/gap's for the same person")
    func planEqualsAPI() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let api = try await client.post("/v1/gap", #"{"candidate": "dana-it-legacy", "job": "15-1232.00", "target": 0.9}"#).object()
            let page = try await client.get("/candidates/dana-it-legacy/jobs/15-1232.00/plan?target=0.9").text
            let before = try #require(api["scoreBefore"] as? Double), after = try #require(api["scoreAfter"] as? Double)
            #expect(page.contains("id=\"score-before\">\(String(format: "%.3f", before))<"))
            #expect(page.contains("id=\"score-after\">\(String(format: "%.3f", after))<"))
            let steps = try #require(api["credentials"] as? [[String: Any]])
            #expect(!steps.isEmpty)
            let shown = page.components(separatedBy: "data-credential=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(shown == steps.compactMap { $0["id"] as? String })
            let fits = page.components(separatedBy: "data-fit=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(fits.count == steps.count + 1)
            #expect(fits.first == String(format: "%.3f", before) && fits.last == String(format: "%.3f", after))
        }
    }

    @Test("a pasted resume (multipart or URL-encoded) is read, kept in memory, and its pages answer; bad forms say why")
    func intake() async throws {
        let fixture = try ServerFixture()
        let resume = Self.resume
        #expect(!resume.isEmpty)
        try await fixture.withClient { client in
            let boundary = "----skillmatch-test"
            let multipart = "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sam.md\"\r\nContent-Type: text/markdown\r\n\r\n\(resume)\r\n--\(boundary)--\r\n"
            let uploaded = try await client.post("/people", multipart, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
            #expect(uploaded.status == .seeOther)
            let location = try #require(uploaded.headers[.location])
            #expect(location.hasPrefix("/resumes/") && location.count == "/resumes/".count + 32)
            let page = try await client.get(location)
            #expect(page.status == .ok)
            #expect(page.text.contains("<q>Active Directory</q>"), "skills found show their words")
            #expect(page.text.contains("data-job=\"15-1232.00\""))

            let encoded = "text=" + (resume.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let pasted = try await client.post("/people", encoded, headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(pasted.status == .seeOther)
            #expect(pasted.headers[.location] != location, "each reading has its own key")

            let empty = try await client.post("/people", "text=+++", headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("paste a resume or choose a file"))
            let json = try await client.post("/people", "{}", headers: [.contentType: "application/json"])
            #expect(json.status == .unsupportedMediaType)
            let broken = try await client.post("/people", "text=%7B%22basics%22%3A", headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(broken.status == .badRequest, "a JSON Resume cut short is refused with the reason")
            #expect(broken.text.contains("the pasted text"))

            let big = try await client.post("/people", "text=" + String(repeating: "a", count: 3 << 20), headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(big.status == .contentTooLarge)
            #expect(big.text.contains("the form is larger than 2 MiB"))
            let binary = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.txt\"\r\n\r\nab\u{FFFD}\r\n--\(boundary)--\r\n"
            var bytes = Array(binary.utf8)
            if let replacement = bytes.firstIndex(of: 0xEF) { bytes.replaceSubrange(replacement ..< replacement + 3, with: [0xFF]) }
            let invalid = try await client.execute(
                uri: "/people", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: bytes))
            #expect(invalid.status == .badRequest)
            #expect(invalid.text.contains("cv.txt") && invalid.text.contains("UTF-8"))

            let unknown = try await client.get("/resumes/0123456789abcdef0123456789abcdef")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("paste it again"))
            let stored = try await client.get("/people?candidate=dana-it-legacy")
            #expect(stored.status == .seeOther && stored.headers[.location] == "/candidates/dana-it-legacy")
            let missing = try await client.get("/people?candidate=nobody")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            let wrongMethod = try await client.execute(uri: "/credentials", method: .delete)
            #expect(wrongMethod.status == .methodNotAllowed)
        }
    }

    @Test("text from a resume cannot inject markup: every value is escaped")
    func escaping() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let text = "<script>alert(1)</script> Troubleshooting and customer service at the <b>help desk</b>"
            let encoded = "text=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let posted = try await client.post("/people", encoded, headers: [.contentType: "application/x-www-form-urlencoded"])
            let location = try #require(posted.headers[.location])
            let page = try await client.get(location).text
            #expect(!page.contains("<script>") && !page.contains("<b>help"))
            let finder = try await client.get("/credentials?q=%3Cimg%20src%3Dx%3E").text
            #expect(finder.contains("&lt;img src=x&gt;") && !finder.contains("<img src=x>"))
        }
    }

    @Test("skillmatch report writes a self-contained HTML file with the chart; bad options are refused")
    func reportCommand() throws {
        let fixture = try ServerFixture()
        let out = fixture.folder + "/report.html"
        let run = try fixture.cli(["report", "--candidate", "dana-it-legacy", "--job", "15-1232.00", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<svg id=\"fit-chart\""))
        #expect(html.contains("Advisor report: Dana"))
        #expect(!html.contains("href=\"/") && !html.contains("<script") && !html.contains("<link"), "nothing to fetch")
        let unknownJob = try fixture.cli(["report", "--candidate", "dana-it-legacy", "--job", "nope", "--out", out])
        #expect(unknownJob.status == 1 && unknownJob.stderr.contains("nope"))
        let folder = try fixture.cli(["report", "--candidate", "dana-it-legacy", "--out", fixture.folder])
        #expect(folder.status != 0 && folder.stderr.contains("is a folder"))
    }

    @Test("the chart: a step line from now to the last credential, axes on round numbers, a small gain still visible")
    func chart() {
        let chart = GapChart(
            before: 0.765, steps: [.init(name: "A", amount: 300, fit: 0.768), .init(name: "B", amount: nil, fit: 0.772)], axis: .cost, target: nil)
        #expect(chart.points.map(\.fit) == ["0.765", "0.768", "0.772"])
        #expect(chart.points.map(\.amount) == ["0", "300", "300"])
        #expect(chart.unknownAmounts)
        #expect(chart.yTicks.first?.label == "0.700" && chart.yTicks.last?.label == "0.800", "the fit axis spans whole tenths around the scores")
        let ys = chart.points.compactMap { Double($0.y) }
        #expect(ys == ys.sorted(by: >), "a rising fit is drawn upwards")
        #expect(ys[0] - ys[2] > 15, "a 0.007 gain spans more than 15 pixels")
        #expect(chart.path.split(separator: " ").count == 1 + 2 * 2)
        #expect(GapChart.niceCeiling(2650) == 3000 && GapChart.niceCeiling(0) == 1 && GapChart.niceCeiling(100) == 100 && GapChart.niceCeiling(101) == 120)
        let targeted = GapChart(before: 0.2, steps: [.init(name: "A", amount: 10, fit: 0.5)], axis: .hours, target: 0.9)
        #expect(targeted.targetLine != nil && targeted.yTicks.last?.label == "0.900")
        #expect(targeted.xTicks.last?.label == "10 h")
        let counted = GapChart(before: 0.2, steps: [.init(name: "A", amount: nil, fit: 0.3), .init(name: "B", amount: nil, fit: 0.4)], axis: .credentials, target: nil)
        #expect(counted.points.map(\.amount) == ["0", "1", "2"] && !counted.unknownAmounts && counted.axisTitle == "credentials earned")
    }

    @Test("amounts read as the CLI prints them")
    func formats() {
        #expect(WebFormat.money(1200) == "$1,200" && WebFormat.money(nil) == "—" && WebFormat.money(99.5, approximate: true) == "≈ $99.50")
        #expect(WebFormat.hours(1_000_000) == "1,000,000 h" && WebFormat.score(0.7654) == "0.765")
        #expect(WebFormat.segment("a b/é") == "a%20b%2F%C3%A9")
        #expect(WebFormat.barPercent(1.5) == "100.0" && WebFormat.barPercent(-1) == "0.0")
    }
}
