#!/usr/bin/env python3
"""SkillMatch on Dask distributed: `batch` (both directions) and pool `gaps`, exactly as one run over the whole input.

The same job as `distributed/spark/skillmatch_spark.py`, for clusters that run Dask: each partition (a block of
JSON Lines, in input order) is fed to `skillmatch ... --candidates -` on a worker; a failing partition raises, and
the run fails with its message. The binary and the catalogue must be readable at the same paths on every worker
(a shared file system, or the bundle from `make bundle` unpacked on each machine).

  python3 distributed/dask/skillmatch_dask.py --binary BIN --catalog catalog.sqlite --input people.jsonl \\
      --output out/ --mode batch --top 10 [--scheduler tcp://HOST:8786 | --workers 2] [--blocksize 64MB]
"""
import argparse
import os
import sys

import dask.bag
from dask.distributed import Client, LocalCluster

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from skillmatch_distributed import merge_candidates_per_job, merge_gaps, run_partition  # noqa: E402


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the skillmatch binary (or a bundle's bin/skillmatch)")
    parser.add_argument("--catalog", required=True)
    parser.add_argument("--input", required=True, nargs="+", help="JSON Lines files")
    parser.add_argument("--output", required=True)
    parser.add_argument("--mode", choices=["batch", "gaps"], default="batch")
    parser.add_argument("--direction", choices=["jobs", "candidates"], default="jobs")
    parser.add_argument("--top", type=int, default=None)
    parser.add_argument("--job", action="append", default=[])
    parser.add_argument("--format", choices=["json", "table", "csv"], default="json")
    parser.add_argument("--no-infer", action="store_true")
    parser.add_argument("--scheduler", default=None, help="a running scheduler's address (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the local cluster (one thread each)")
    parser.add_argument("--blocksize", default="64MB", help="bytes of input per partition")
    parser.add_argument("--threads", type=int, default=1)
    return parser.parse_args(argv)


def main(argv=None):
    options = parse_arguments(argv if argv is not None else sys.argv[1:])
    binary, catalog = os.path.abspath(options.binary), os.path.abspath(options.catalog)
    cluster = None if options.scheduler else LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True)
    client = Client(options.scheduler or cluster)
    try:
        lines = dask.bag.read_text(options.input, blocksize=options.blocksize).filter(lambda line: line.strip() != "")
        command = [binary, options.mode, "--db", catalog, "--candidates", "-", "--threads", str(options.threads)]
        if options.no_infer:
            command.append("--no-infer")
        if options.mode == "batch":
            command += ["--direction", options.direction] + (["--top", str(options.top)] if options.top is not None else [])
        else:
            command += ["--partial"] + [value for job in options.job for value in ("--job", job)]

        def partition_output(records, partition_info=None):
            records = list(records)
            number = partition_info["number"] if partition_info else 0
            if not records and not (options.mode == "batch" and options.direction == "candidates"):
                return []
            return [run_partition(command, records, number)]

        outputs = lines.map_partitions(partition_output).compute()  # one text per partition, in partition order
        os.makedirs(options.output, exist_ok=True)
        if options.mode == "gaps":
            name = "report." + ("txt" if options.format == "table" else options.format)
            with open(os.path.join(options.output, name), "wb") as handle:
                handle.write(merge_gaps(binary, outputs, options.format, options.top))
        elif options.direction == "candidates":
            with open(os.path.join(options.output, "part-00000"), "w", encoding="utf-8") as handle:
                handle.writelines(line + "\n" for line in merge_candidates_per_job(outputs, options.top or 10))
        else:
            for index, text in enumerate(outputs):
                with open(os.path.join(options.output, "part-%05d" % index), "w", encoding="utf-8") as handle:
                    handle.write(text)
    finally:
        client.close()
        if cluster:
            cluster.close()


if __name__ == "__main__":
    main()
