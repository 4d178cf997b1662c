import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SkillMatch
import SkillMatchImport
import SkillMatchService
import SkillVectors

/// `POST /v1/extract` and `POST /v1/similar`: the CLI's `extract` and `similar`, with the same JSON shapes.
extension APIRoutes {
    /// `{"text"}` → the skills the text mentions, with exact spans (`extract --format json`; lexical mentions).
    func extract(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(request, context: context, allowed: ["text"])
        guard let text = try body.string("text", maxLength: APILimits.textLength) else {
            throw Problem(.badRequest, "give the text to read as \"text\"", field: "text")
        }
        let session = try catalog.session()
        return try await offload {
            let extractor = session.reader(inferFromTitles: false).extractor
            return try json(ExtractedText(skills: extractor.mentions(in: text).map { MentionRecord($0, catalog: session.catalog) }))
        }
    }

    /// `{"job" | "skill" | "credential", "top", "method"}` → related jobs, skills or credentials (`similar`), by the
    /// registered relatedness model; `method` (`fused` or `model`) ranks jobs and is ignored for skills and credentials.
    func similar(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(request, context: context, allowed: ["job", "skill", "credential", "top", "method"])
        let given = try ["job", "skill", "credential"].compactMap { key in try body.string(key).map { (key, $0) } }
        guard given.count == 1, let (kind, id) = given.first else {
            throw Problem(.badRequest, "give exactly one of \"job\", \"skill\" and \"credential\"", field: given.first?.0 ?? "job")
        }
        let top = try body.integer("top", in: 1...APILimits.top) ?? 10
        let methodName = try body.string("method") ?? SimilarMethod.fused.rawValue
        guard let method = SimilarMethod(rawValue: methodName) else {
            throw Problem(.badRequest, "method must be fused or model, not \"\(methodName.prefix(40))\"", field: "method")
        }
        let session = try catalog.session()
        return try await offload {
            let related = try session.relatedness()
            switch kind {
            case "job":
                return try json(SimilarJobsJSON(
                    job: id, catalog: session.catalog, model: related.model, method: method, top: top, built: (related.fused, related.similarity)))
            case "skill":
                return try json(SimilarSkillsJSON(skill: id, catalog: session.catalog, model: related.model, top: top))
            default:
                return try json(SimilarCredentialsJSON(credential: id, catalog: session.catalog, model: related.model, top: top))
            }
        }
    }
}

/// `POST /v1/gaps`: the workforce board's question for a pool (`gaps`).
extension APIRoutes {
    /// `{"jobs", "candidates", "qualified", "top", "noPlans", "noInfer", ...the credential filters}` → the credentials
    /// that would lift the most people to qualified (`gaps --format json`). The pool is `candidates` (at most
    /// ``APILimits/poolSize``: ids, resume texts or records; larger pools go through `/v1/batch` or the CLI), else the
    /// stored candidates.
    func gaps(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONRequest.read(
            request, context: context, allowed: JSONRequest.credentialMembers.union(["jobs", "candidates", "qualified", "top", "noPlans", "noInfer"]))
        let jobs = try body.strings("jobs", maxCount: 50)
        guard !jobs.isEmpty else { throw Problem(.badRequest, "\"jobs\" must name at least one job", field: "jobs") }
        let inputs = try body.candidates(maxCount: APILimits.poolSize)
        let qualified = try body.number("qualified", in: 0...1) ?? 0.8
        let top = try body.integer("top", in: 1...APILimits.top) ?? 20
        let plans = !(try body.bool("noPlans") ?? false)
        let infer = !(try body.bool("noInfer") ?? false)
        let choice = try body.credentialChoice()
        let session = try catalog.session()
        return try await offload {
            let analysis = try PoolGapAnalysis(catalog: session.catalog, jobs: jobs)
            let people = try inputs.map { try $0.map { try session.resolve($0, inferFromTitles: infer).candidate } } ?? session.store.candidates()
            var seen = Set<String>()
            for person in people where !seen.insert(person.id).inserted {
                throw ServiceError(.unprocessable, field: "candidates", "candidate id \"\(person.id)\" appears more than once in the pool")
            }
            let report = try analysis.analyse(
                people, qualified: qualified, filter: choice.filter(towards: jobs, in: session.catalog), plans: plans, threads: Parallel.threadCount,
                timeLimit: APILimits.poolSeconds, progress: { _ in })
            return try json(GapsJSON(report, shown: Array(report.credentials.prefix(top))))
        }
    }
}

/// `POST /v1/batch`: many candidates against every job (`batch`), JSON Lines in and out.
extension APIRoutes {
    /// The body is JSON Lines of candidate records (as `batch --candidates FILE.jsonl` reads: `id`, `skills`,
    /// `credentials`, `text`), at most ``APILimits/batchBodyBytes``. Every line is read and checked first, so a bad
    /// line is a 400 naming it and nothing is scored; then the answer streams, a chunk of candidates at a time, one
    /// line per candidate in input order (`?format=csv`: CSV rows), exactly `batch`'s output. `?direction=candidates`
    /// ranks the candidates for every job instead (`batch --direction candidates`: one line per job).
    func batch(_ request: Request, _ context: Context) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["top", "minScore", "noInfer", "format", "direction"])
        let top = try query.integer("top", in: 1...APILimits.top) ?? 10
        let minScore = try query.number("minScore", in: 0...1) ?? 0
        let infer = !(try query.bool("noInfer") ?? false)
        let formatName = try query.string("format") ?? "jsonl"
        guard let format = BatchFormat(rawValue: formatName) else {
            throw Problem(.badRequest, "format must be jsonl or csv, not \"\(formatName.prefix(40))\"", field: "format")
        }
        let directionName = try query.string("direction") ?? "jobs"
        guard let direction = BatchDirection(rawValue: directionName) else {
            throw Problem(.badRequest, "direction must be jobs or candidates, not \"\(directionName.prefix(40))\"", field: "direction")
        }
        let contentType = (request.headers[.contentType] ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let contentType, ["application/x-ndjson", "application/jsonl", "application/json-lines"].contains(contentType) else {
            throw Problem(.unsupportedMediaType, "send JSON Lines as application/x-ndjson (or application/jsonl)")
        }
        let body = Array(buffer: try await request.body.collect(upTo: APILimits.batchBodyBytes))
        let session = try catalog.session()
        let pipeline = BatchPipeline(
            matcher: session.batchMatcher, resolver: session.reader(inferFromTitles: infer),
            writer: BatchWriter(catalog: session.catalog, format: format, direction: direction), top: top, minimumScore: minScore)
        // Read and check every line before answering, a chunk of whole lines at a time.
        let blocks = try await offload {
            var blocks: [[CandidateBlock]] = []
            var (start, line, ordinal) = (0, 1, 0)
            while start < body.count {
                var end = min(body.count, start + APILimits.batchChunkBytes)
                while end < body.count && body[end - 1] != 0x0A { end += 1 }
                let chunk = Array(body[start ..< end])
                let parsed = try pipeline.blocks(chunk, file: "the request body", firstLine: line, firstOrdinal: ordinal)
                blocks.append(parsed.blocks)
                ordinal = parsed.nextOrdinal
                line += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                start = end
            }
            return blocks
        }
        let records = blocks.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        guard records <= APILimits.batchRecords else {
            throw Problem(.contentTooLarge, "the body holds \(records) candidates; at most \(APILimits.batchRecords) per request", field: "body")
        }
        var headers: HTTPFields = [.contentType: format == .csv ? "text/csv; charset=utf-8" : "application/x-ndjson"]
        headers[HTTPField.Name("X-Candidates")!] = String(records)
        if direction == .candidates {
            // Every candidate ranked for every job: the answer is one line per job, written once all are scored.
            let jobs = 0 ..< session.catalog.jobs.count
            let text = try await offload {
                var rankings = CandidateRankings<String>(jobCount: jobs.count, k: top, minimumScore: minScore)
                for block in blocks.joined() where block.count > 0 {
                    pipeline.matcher.scorer.rank(block.held, ties: block.ids, firstOrdinal: block.firstOrdinal, into: &rankings,
                                                 jobs: jobs, threads: Parallel.threadCount)
                }
                return (pipeline.writer.header ?? []) + pipeline.writer.candidateLines(rankings, jobs: jobs)
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            if let header = pipeline.writer.header { try await writer.write(ByteBuffer(bytes: header)) }
            for chunk in blocks {
                let text = try await offload { pipeline.lines(chunk, pipeline.score(chunk)) }
                try await writer.write(ByteBuffer(bytes: text))
            }
            try await writer.finish(nil)
        })
    }
}
