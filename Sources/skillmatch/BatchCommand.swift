import ArgumentParser
import Foundation
import SkillMatch
import SkillMatchService
import SkillMatchImport
import SkillVectors

/// `skillmatch batch --candidates FILE.jsonl|DIR --top K --out FILE`: every candidate against every job.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Score every candidate of a file (or folder) against every job, in bounded memory, on all cores.",
        discussion: """
            Writes, in input order, one JSON line per candidate: {"candidate", "matches": [{"job", "score"}]} \
            (--format csv: candidate,rank,job,score). With --direction candidates, one line per job instead: \
            {"job", "matches": [{"candidate", "score"}]}, jobs in id order. Scores and order are those of `match` without a \
            relatedness model (score rounded to 6 decimals, descending, then id): batch never infers related skills. \
            Candidates read from documents (.txt/.md resumes, JSON Resumes, records with "text") are ranked as `match` \
            ranks them, by the rank score of text relevance, titles held and fit, and their matches carry "rank" and \
            "relevance" beside "score" (the fit; in CSV rows follow the rank, so scores need not descend); --no-infer \
            leaves out the levels inferred from titles held. --direction candidates ranks every candidate by fit. Input: JSON Lines files (.jsonl, .ndjson) are \
            streamed; a folder is read file by file in name order (.jsonl, .ndjson, .json, and .txt/.md resumes, whose \
            skills are extracted at --text-level, as are those of records with "text"). The output file is \
            written under a temporary name and renamed when the run succeeds: a bad line stops the run with its \
            file and line, and leaves no truncated output. --shard I/N processes the I-th of N contiguous slices \
            (of the candidates, or of the jobs with --direction candidates); the N outputs, concatenated in order, \
            equal the single run.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Candidates: a JSON Lines file, a JSON file, a folder of them, or - for JSON Lines on standard input.", valueName: "file|dir|-"))
    var candidates: String
    @Option(parsing: .unconditional, help: "Matches to keep per candidate (or per job).") var top: Int = 10
    @Option(help: ArgumentHelp("The output file (default: standard output).", valueName: "file")) var out: String?
    @Option(help: "Output format: jsonl (or json, the same) or csv.") var format: BatchFormat = .jsonl
    @Option(help: ArgumentHelp(
        "Write timings as JSON: {\"candidates\", \"seconds\": {\"read\", \"score\", \"write\", \"total\"}}.", valueName: "file"))
    var stats: String?
    @Option(help: ArgumentHelp("Process slice I of N (1-based), e.g. 2/4.", valueName: "I/N")) var shard: String?
    @Option(name: .customLong("min-score"), parsing: .unconditional, help: "Leave out matches scoring below this (0 to 1).") var minScore: Double = 0
    @Option(help: "jobs: the best jobs per candidate; candidates: the best candidates per job.")
    var direction: BatchDirection = .jobs
    @Option(name: .customLong("text-level"), help: "The level of skills found in resume text (.txt/.md files, \"text\" fields), in (0, 1].")
    var textLevel: Double = TextResumeReader.defaultLevel
    @Flag(name: .customLong("no-infer"), help: "Infer no skill levels from the titles a resume shows the person held.")
    var noInfer = false
    @Option(help: ArgumentHelp("Scoring kernel: automatic, table, sparse or gemm.", visibility: .hidden))
    var kernel: BatchScorer.Kernel = .automatic
    @Option(help: ArgumentHelp("Worker threads (default: all cores; 1 for an executor with one core). The output is the same on any number.", valueName: "n"))
    var threads: Int?
    @Option(name: .customLong("chunk-bytes"), help: ArgumentHelp("Bytes read at a time (tests use tiny chunks).", visibility: .hidden))
    var chunkBytes: Int = 4 << 20

    func validate() throws {
        guard (1...OptionLimits.maximumTop).contains(top) else { throw ValidationError("--top must be a whole number from 1 to \(OptionLimits.maximumTop), not \(top)") }
        guard (0 ... 1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard chunkBytes >= 1 else { throw ValidationError("--chunk-bytes must be at least 1") }
        guard CatalogLimits.isLevel(textLevel) else { throw ValidationError("--text-level must be in [0.000001, 1]") }
        if let out, let stats, out == stats, out != "-" {
            // One regular file cannot hold both; a device or FIFO (/dev/null) takes both, one after the other.
            var status = stat()
            if stat(out, &status) != 0 || status.st_mode & S_IFMT == S_IFREG { throw ValidationError("--out and --stats name the same file") }
        }
        _ = try parsedShard()
    }

    /// `--shard I/N` as (I, N), 1-based; (1, 1) without it.
    func parsedShard() throws -> (index: Int, count: Int) {
        guard let shard else { return (1, 1) }
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1 ... count).contains(index) else {
            throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N (for example 2/4), not \"\(shard)\"")
        }
        return (index, count)
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        var timings = BatchTimings()
        let store = try database.open()
        let catalog = try store.loadCatalog()
        if let model = try store.model() {
            log("batch scores without inferred skills (as `match --no-infer`); the relatedness model \"\(model.name)\" is not used")
        }
        let matcher = BatchMatcher(catalog: catalog, kernel: kernel)
        let resolver = ResumeTextResolver(
            catalog: catalog, level: textLevel, inferFromTitles: !noInfer, asOfYear: try DocumentYear.current(),
            extractor: storedExtractor(store, catalog),
            documentIndexes: storedDocumentIndexes(store, catalog))
        let shard = try parsedShard()
        let workers = threads ?? Parallel.threadCount
        let files = try BatchInput.files(candidates)
        // Outputs never replace the catalogue or an input (checked before any work), nor each other.
        let protected = [(file: store.path, role: "the catalogue database")] + files.map { (file: $0, role: "an input") }
        let sink = try BatchSink(path: out, option: "--out", protected: protected + (stats.map { [(file: $0, role: "the --stats file")] } ?? []))
        let statsSink = try stats.map { path in
            try BatchSink(path: path, option: "--stats", protected: protected + (out.map { [(file: $0, role: "the --out file")] } ?? []))
        }
        let writer = BatchWriter(catalog: catalog, format: format, direction: direction)
        let pipeline = BatchPipeline(matcher: matcher, resolver: resolver, writer: writer, top: top, minimumScore: minScore, workers: workers)
        if shard.index == 1, let header = writer.header { try sink.write(header) }
        timings.setup = (clock.now - started).seconds

        // Which candidates this run reads: all, or one contiguous slice of them.
        var keep = 0 ..< Int.max
        if direction == .jobs && shard.count > 1 {
            // The slice is found by counting the records first: a stream cannot be read twice.
            if let stream = files.first(where: LineChunkReader.isStream) {
                throw CLIError("""
                    --shard with --direction jobs reads the candidates twice (to count them, then to score its slice), and \
                    \(LineChunkReader.displayName(stream)) can be read only once: pass a file, or give each run its own part of the stream
                    """)
            }
            let total = try BatchInput.countRecords(files, catalog: catalog)
            keep = total * (shard.index - 1) / shard.count ..< total * shard.index / shard.count
        }
        let jobSlice = direction == .candidates
            ? catalog.jobs.count * (shard.index - 1) / shard.count ..< catalog.jobs.count * shard.index / shard.count
            : 0 ..< catalog.jobs.count
        var rankings = CandidateRankings<String>(jobCount: catalog.jobs.count, k: top, minimumScore: minScore)
        let progress = Progress(total: try BatchInput.totalBytes(files), label: "candidates")
        var scored = 0
        var bytesBefore = 0

        // Scores a block (or the blocks of one chunk, one per worker) and writes its lines.
        func process(_ blocks: [CandidateBlock]) throws {
            let scoreStart = clock.now
            switch direction {
            case .jobs:
                let scores = pipeline.score(blocks)
                timings.score += (clock.now - scoreStart).seconds
                let writeStart = clock.now
                try sink.write(pipeline.lines(blocks, scores))
                timings.write += (clock.now - writeStart).seconds
            case .candidates:
                for block in blocks where block.count > 0 {
                    matcher.scorer.rank(block.held, ties: block.ids, firstOrdinal: block.firstOrdinal, into: &rankings,
                                        jobs: jobSlice, threads: workers)
                }
                timings.score += (clock.now - scoreStart).seconds
            }
            scored += blocks.reduce(0) { $0 + $1.count }
        }

        var ordinal = 0
        for file in files {
            let readStart = clock.now
            if !BatchInput.isLines(file) {
                // A JSON file (one candidate or a list) or a text resume: read whole through the reference reader.
                let located = try CandidateReader.read(path: file, catalog: catalog)
                var block = CandidateBlock()
                block.firstOrdinal = ordinal
                var scratch = BatchMatcher.Scratch(skillCount: catalog.skills.count)
                for var candidate in located {
                    defer { ordinal += 1 }
                    guard keep.contains(ordinal) else { continue }
                    // What the record states is checked; what its text adds comes from the catalogue itself.
                    do { try catalog.validate(candidate.candidate) } catch {
                        throw InputError(file: file, line: candidate.line, message: error.description)
                    }
                    var evidence: DocumentEvidence?
                    if let text = candidate.text {
                        evidence = resolver.evidence(text)
                        candidate.candidate = resolver.resolve(candidate.candidate, text: text, evidence: noInfer ? nil : evidence)
                    }
                    if block.count == 0 { block.firstOrdinal = ordinal }
                    if let evidence { block.documents.append(DocumentRow(row: block.count, candidate: candidate.candidate, evidence: evidence)) }
                    block.ids.append(candidate.candidate.id)
                    block.lines.append(candidate.line ?? 0)
                    matcher.appendEffective(candidate.candidate, to: &block.held, scratch: &scratch)
                }
                bytesBefore += (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                timings.read += (clock.now - readStart).seconds
                try process([block])
                progress.update(bytes: bytesBefore, items: scored)
                continue
            }
            let reader = try LineChunkReader(path: file, chunkBytes: chunkBytes)
            timings.read += (clock.now - readStart).seconds
            while true {
                let chunkStart = clock.now
                guard let chunk = try reader.next() else { break }
                let blocks: [CandidateBlock]
                (blocks, ordinal) = try pipeline.blocks(
                    chunk.bytes, file: LineChunkReader.displayName(file), firstLine: chunk.firstLine, firstOrdinal: ordinal, keep: keep)
                timings.read += (clock.now - chunkStart).seconds
                try process(blocks)
                progress.update(bytes: bytesBefore + reader.bytesRead, items: scored)
            }
            bytesBefore += reader.bytesRead
        }

        if direction == .candidates {
            let writeStart = clock.now
            try sink.write(writer.candidateLines(rankings, jobs: jobSlice))
            timings.write += (clock.now - writeStart).seconds
        }
        let commitStart = clock.now
        try sink.commit()
        timings.write += (clock.now - commitStart).seconds
        progress.finish()
        timings.total = (clock.now - started).seconds
        if let statsSink {
            try BatchStats(candidates: scored, jobs: catalog.jobs.count, kernel: matcher.scorer.kernel.rawValue,
                           threads: workers, seconds: timings).write(to: statsSink)
        }
    }
}

extension BatchDirection: ExpressibleByArgument {}


extension BatchScorer.Kernel: ExpressibleByArgument {}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
