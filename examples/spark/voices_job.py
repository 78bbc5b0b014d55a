#!/usr/bin/env python3
"""Who said what across a crawl: `voices --json` over WARC files on Spark.

Each task runs the `voices` binary on one WARC file (a subprocess, its output streamed
line by line) and the JSON Lines are written out as text (part files in input order) or,
with --parquet, as Parquet.

On a cluster, ship the binary with the job:

    spark-submit --master yarn --files /path/to/voices examples/spark/voices_job.py \
        --paths warc-paths.txt --output s3://bucket/quotes/

WARC paths must be readable by the executors (a shared file system; for object stores,
mount them or copy each file to local disk first). Records that are not articles are
skipped and counted in the executors' stderr logs; damaged records are reported there too
and do not fail the task (voices exits 65 then); any other failure fails the task.
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def voices_path(name):
    """The binary shipped with --files (or addFile), made executable if the copy is not."""
    path = SparkFiles.get(name)
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def run_voices(paths, binary_name, extra_args):
    """mapPartitions: every JSON line of every WARC file in the partition, in order."""
    binary = voices_path(binary_name)
    for path in paths:
        proc = subprocess.Popen([binary, "--json", *extra_args, path], stdout=subprocess.PIPE, stderr=None)
        for line in proc.stdout:
            yield line.decode("utf-8").rstrip("\n")
        code = proc.wait()
        # 65: some records were damaged (reported on stderr), the others are in the output.
        if code not in (0, 65):
            raise RuntimeError(f"voices failed on {path} with status {code}")


def read_paths(args):
    paths = list(args.warc)
    if args.paths:
        with open(args.paths, encoding="utf-8") as f:
            paths += [line.strip() for line in f if line.strip()]
    return paths


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("warc", nargs="*", help="WARC files (.warc.gz or .warc)")
    ap.add_argument("--paths", help="a file listing WARC paths, one per line")
    ap.add_argument("--output", required=True, help="output folder (must not exist)")
    ap.add_argument("--voices", help="the voices binary to ship (default: the one given to spark-submit --files)")
    ap.add_argument("--parquet", action="store_true", help="write Parquet instead of JSON Lines")
    ap.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    ap.add_argument("--jobs", type=int, default=1, help="voices --jobs inside each task (default 1: Spark runs the tasks in parallel)")
    args = ap.parse_args(argv)

    paths = read_paths(args)
    if not paths:
        ap.error("no WARC paths given")
    builder = SparkSession.builder.appName("voices")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    binary_name = "voices"
    if args.voices:
        sc.addFile(os.path.abspath(args.voices))
        binary_name = os.path.basename(args.voices)
    extra = ["--jobs", str(args.jobs)]
    # One WARC file per partition: files are the unit of work, and part files keep input order.
    lines = sc.parallelize(paths, numSlices=len(paths)).mapPartitions(lambda it: run_voices(it, binary_name, extra))
    if args.parquet:
        spark.read.json(lines).write.parquet(args.output)
    else:
        lines.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
