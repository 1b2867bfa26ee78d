#!/usr/bin/env python3
"""Run tact over inputs too large for one machine with Dask distributed.

Each of N tasks runs `tact check --summary --format json --shard K/N` over the
same inputs on whichever worker Dask gives it (every conversation belongs to
exactly one shard, by a stable hash of its id); the partial summaries are then
reduced with `tact merge`, which gives exactly the summary of a single run.

  # a local cluster of 2 workers (what the test does):
  tact_dask.py --shards 8 --local 2 exports/*.jsonl > summary.json
  # an existing cluster (inputs and tact reachable on every worker at the same paths):
  tact_dask.py --scheduler tcp://scheduler:8786 --shards 64 /data/*.jsonl

Options after "--" go to every `tact check` (e.g. -- --group-by agent --min-level warning).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def run_shard(tact, k, n, inputs, extra):
    """Runs one shard on a worker and returns its summary document."""
    out = subprocess.run([tact, "check", "--summary", "--format", "json", "--progress", "never", "-j", "1",
                          "--shard", f"{k}/{n}", *extra, *inputs], capture_output=True, text=True)
    if out.returncode not in (0, 1, 3):  # thresholds and skipped inputs still give a summary
        raise RuntimeError(f"shard {k}/{n} failed ({out.returncode}): {out.stderr[-2000:]}")
    return out.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tact", help="the tact binary (default: tact on the PATH, as .ci/setup installs it)")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--local", type=int, default=0, help="start a LocalCluster with this many workers")
    ap.add_argument("--scheduler", help="address of an existing scheduler")
    ap.add_argument("--format", default="json", help="format of the merged report")
    ap.add_argument("inputs", nargs="+")
    args, extra = ap.parse_known_args()
    extra = [e for e in extra if e != "--"]
    from dask.distributed import Client, LocalCluster

    tact = os.path.abspath(args.tact) if args.tact else shutil.which("tact")
    if not tact:
        sys.exit("tact_dask.py: no tact on the PATH (bash .ci/setup installs it), or give --tact PATH")
    inputs = [os.path.abspath(p) for p in args.inputs]
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, args.local), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(run_shard, tact, k, args.shards, inputs, extra, pure=False)
                   for k in range(1, args.shards + 1)]
        parts = client.gather(futures)
    finally:
        client.close()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, doc in enumerate(parts, 1):
            p = os.path.join(tmp, f"part{k}.json")
            with open(p, "w", encoding="utf-8") as f:
                f.write(doc)
            paths.append(p)
        merged = subprocess.run([tact, "merge", "--format", args.format, *paths], capture_output=True, text=True)
        sys.stdout.write(merged.stdout)
        sys.stderr.write(merged.stderr)
        return merged.returncode


if __name__ == "__main__":
    sys.exit(main())
