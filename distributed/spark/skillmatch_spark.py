#!/usr/bin/env python3
"""SkillMatch on Apache Spark: `batch` (both directions) and pool `gaps` over candidates in a data lake, exactly.

The skillmatch binary (a bundle from `make bundle`, or any binary that runs on the executors) and the catalogue
database are shipped with the job; each partition's candidates are fed to `skillmatch ... --candidates -` on
standard input; Spark does the fan-out. The output equals one run over the whole input, byte for byte:

  batch --direction jobs        each partition's lines, in input order (partitions keep the input's order);
  batch --direction candidates  each partition's top K per job, merged into the exact top K per job (score rounded
                                to 6 decimals descending, then candidate id, then input order, as the binary ranks);
  gaps                          each partition's complete partial report (`gaps --partial`), merged by `gaps merge`.

A partition whose process fails fails its task, and so the job, with the process's message (never a silently
shorter output: unlike RDD.pipe, whose checkCode is off by default).

  spark-submit distributed/spark/skillmatch_spark.py \\
      --binary dist/skillmatch-linux-x86_64.tar.gz --catalog catalog.sqlite \\
      --input candidates.jsonl --output out/ --mode batch --top 10 [--partitions 8] [--threads 1]
  spark-submit ... --mode batch --direction candidates --top 20
  spark-submit ... --mode gaps --job 15-1232.00 --job 43-4051.00 [--format json|table|csv]

Input: JSON Lines files (any Hadoop path Spark reads: file:, hdfs:, s3a:), or Parquet (--input-format parquet) with
one JSON record per row in --column (default "record") or the candidate's fields as columns. Output: for batch,
part files of JSON Lines under --output (concatenated in name order they equal the single run); for gaps, the
report (written to --output as one file).
"""
import argparse
import os
import shutil
import sys
import tarfile
import tempfile

from pyspark import SparkFiles
from pyspark.sql import SparkSession

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from skillmatch_distributed import merge_candidates_per_job, merge_gaps, run_partition  # noqa: E402


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the skillmatch binary, or a bundle .tar.gz from make bundle")
    parser.add_argument("--catalog", required=True, help="the catalogue database (.sqlite)")
    parser.add_argument("--input", required=True, nargs="+", help="candidate files or folders (JSON Lines or Parquet)")
    parser.add_argument("--input-format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--column", default="record", help="with Parquet: the column holding one JSON record per row")
    parser.add_argument("--output", required=True)
    parser.add_argument("--mode", choices=["batch", "gaps"], default="batch")
    parser.add_argument("--direction", choices=["jobs", "candidates"], default="jobs")
    parser.add_argument("--top", type=int, default=None)
    parser.add_argument("--min-score", default=None)
    parser.add_argument("--no-infer", action="store_true")
    parser.add_argument("--job", action="append", default=[], help="gaps: a job id; repeatable")
    parser.add_argument("--qualified", default=None)
    parser.add_argument("--no-plans", action="store_true")
    parser.add_argument("--format", choices=["json", "table", "csv"], default="json", help="gaps: the report's format")
    parser.add_argument("--partitions", type=int, default=None, help="partitions to split the candidates into")
    parser.add_argument("--threads", type=int, default=1, help="threads per partition's process (one per executor core)")
    return parser.parse_args(argv)


def executable(binary_name):
    """The skillmatch to run on this machine: the shipped binary, or the launcher of the shipped bundle (unpacked
    once per machine and user)."""
    shipped = SparkFiles.get(binary_name)
    if not shipped.endswith(".tar.gz"):
        os.chmod(shipped, 0o755)
        return shipped
    target = os.path.join(tempfile.gettempdir(), "skillmatch-bundle-%d-%d" % (os.getuid(), os.path.getsize(shipped)))
    if not os.path.isdir(target):
        # Unpacked beside the target and renamed into place: tasks on one machine never run a half-written binary.
        staging = tempfile.mkdtemp(prefix=os.path.basename(target) + ".", dir=os.path.dirname(target))
        with tarfile.open(shipped) as bundle:
            bundle.extractall(staging, filter="tar")
        try:
            os.rename(staging, target)
        except OSError:  # another task was first: use its copy
            shutil.rmtree(staging, ignore_errors=True)
    folder = next(name for name in sorted(os.listdir(target)) if not name.startswith("."))
    return os.path.join(target, folder, "bin", "skillmatch")


def run(arguments, lines, partition, binary_name):
    """Runs skillmatch with the partition's records on standard input; raises (failing the task) on any failure."""
    return run_partition([executable(binary_name)] + arguments, lines, partition)


def candidate_lines(spark, options):
    """The candidates as an RDD of JSON Lines strings, in input order (partitions in order, lines in order)."""
    if options.input_format == "parquet":
        frame = spark.read.parquet(*options.input)
        rdd = frame.select(options.column).rdd.map(lambda row: row[0]) if options.column in frame.columns else frame.toJSON()
        if options.partitions and options.partitions < rdd.getNumPartitions():
            rdd = rdd.coalesce(options.partitions)  # merges neighbouring partitions: the order is kept
    else:
        rdd = spark.sparkContext.textFile(",".join(options.input), minPartitions=options.partitions or 2)
    return rdd.filter(lambda line: line.strip() != "")


def main(argv=None):
    options = parse_arguments(argv if argv is not None else sys.argv[1:])
    spark = SparkSession.builder.appName("skillmatch-%s" % options.mode).getOrCreate()
    context = spark.sparkContext
    context.addFile(os.path.abspath(options.catalog))
    context.addFile(os.path.abspath(options.binary))
    context.addPyFile(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "skillmatch_distributed.py"))
    catalog_name = os.path.basename(options.catalog)
    binary_name = os.path.basename(options.binary)

    lines = candidate_lines(spark, options)

    common = ["--db", None, "--candidates", "-", "--threads", str(options.threads)]
    if options.no_infer:
        common.append("--no-infer")

    def arguments():
        values = list(common)
        values[1] = SparkFiles.get(catalog_name)
        return values

    if options.mode == "batch":
        extra = ["--direction", options.direction]
        if options.top is not None:
            extra += ["--top", str(options.top)]
        if options.min_score is not None:
            extra += ["--min-score", options.min_score]

        def score(partition, records):
            records = list(records)
            if not records and options.direction == "jobs":
                return []
            yield run(["batch"] + arguments() + extra, records, partition, binary_name)

        outputs = lines.mapPartitionsWithIndex(score)
        if options.direction == "jobs":
            outputs.flatMap(lambda text: text.splitlines()).saveAsTextFile(options.output)
        else:
            merged = merge_candidates_per_job(outputs.collect(), options.top or 10)
            context.parallelize(merged, 1).saveAsTextFile(options.output)
    else:
        extra = ["--partial"] + [value for job in options.job for value in ("--job", job)]
        if options.qualified is not None:
            extra += ["--qualified", options.qualified]
        if options.no_plans:
            extra.append("--no-plans")

        def partial(partition, records):
            records = list(records)
            if records:
                yield run(["gaps"] + arguments() + extra, records, partition, binary_name)

        parts = lines.mapPartitionsWithIndex(partial).collect()
        report = merge_gaps(executable(binary_name), parts, options.format, options.top)
        os.makedirs(options.output, exist_ok=True)
        with open(os.path.join(options.output, "report." + ("txt" if options.format == "table" else options.format)), "wb") as handle:
            handle.write(report)
    spark.stop()


if __name__ == "__main__":
    main()
