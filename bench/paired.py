#!/usr/bin/env python3
"""Times two commands in alternation and prints the ratio of their wall times: median, lowest, highest.

    bench/paired.py RUNS COMMAND-A... -- COMMAND-B...

hyperfine times all runs of one tool, then all runs of the other, minutes apart for the larger corpora; this VM's speed
drifts by up to 25% within minutes, which moved the ×10 ratio between 0.155 and 0.225 on one afternoon. Alternating
(A, B, A, B, ...) puts each pair in the same minute, so the ratio of each pair compares the tools, not the moments.
One warm-up pair is run and not counted. Output and exit codes of the commands are ignored.
"""
import statistics
import subprocess
import sys
import time


def wall(command):
    start = time.monotonic()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.monotonic() - start


def main(arguments):
    if len(arguments) < 4 or "--" not in arguments[1:]:
        sys.exit("usage: paired.py RUNS COMMAND-A... -- COMMAND-B...")
    runs = int(arguments[0])
    split = arguments.index("--", 1)
    first, second = arguments[1:split], arguments[split + 1:]
    wall(first)
    wall(second)
    ratios = []
    for _ in range(runs):
        ratios.append(wall(first) / wall(second))
    print(f"{statistics.median(ratios):.3f} [{min(ratios):.3f}-{max(ratios):.3f}]")


if __name__ == "__main__":
    main(sys.argv[1:])
