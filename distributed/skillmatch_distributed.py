"""What the Spark and Dask jobs share: running skillmatch on one partition's records, and merging the partitions'
outputs exactly as one run over the whole input would give them."""
import json
import os
import re
import subprocess
import tempfile


def run_partition(command, lines, partition):
    """Runs `command` (skillmatch and its arguments, ending in `--candidates -`) with the partition's records on
    standard input and returns its standard output; raises (failing the task) when the process fails."""
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines).encode("utf-8")
    result = subprocess.run(command, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, SKILLMATCH_DB=""))
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError("skillmatch failed on partition %d (exit %d): %s"
                           % (partition, result.returncode, " | ".join(message[-3:])))
    return result.stdout.decode("utf-8")


SEGMENT = re.compile(r'\{"candidate":("(?:[^"\\]|\\.)*"),"score":([^,}]*)\}')
LINE = re.compile(r'^\{"job":("(?:[^"\\]|\\.)*"),"matches":\[(.*)\]\}$')


def merge_candidates_per_job(partition_outputs, top):
    """Each partition's top K per job (lines in job order), merged into the exact top K per job."""
    jobs = {}
    order = []
    for output in partition_outputs:
        for line in output.splitlines():
            match = LINE.match(line)
            if not match:
                raise RuntimeError("unexpected batch output line: %s" % line[:200])
            job = match.group(1)
            if job not in jobs:
                jobs[job] = []
                order.append(job)
            for segment in SEGMENT.finditer(match.group(2)):
                candidate = json.loads(segment.group(1))
                key = round(float(segment.group(2)) * 1_000_000)
                jobs[job].append((-key, candidate.encode("utf-8"), segment.group(0)))
    lines = []
    for job in order:
        ranked = sorted(jobs[job], key=lambda entry: (entry[0], entry[1]))[:top]  # stable: input order breaks ties
        lines.append('{"job":%s,"matches":[%s]}' % (job, ",".join(entry[2] for entry in ranked)))
    return lines


def merge_gaps(skillmatch, parts, report_format, top):
    """The partitions' `gaps --partial` reports merged by `gaps merge` into the whole pool's report (bytes)."""
    folder = tempfile.mkdtemp(prefix="skillmatch-gaps-")
    paths = []
    for index, text in enumerate(parts):
        path = os.path.join(folder, "part-%05d.json" % index)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        paths.append(path)
    command = [skillmatch, "gaps", "merge", "--format", report_format] + paths + (["--top", str(top)] if top is not None else [])
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise RuntimeError("gaps merge failed: %s" % result.stderr.decode("utf-8", "replace").strip())
    return result.stdout
