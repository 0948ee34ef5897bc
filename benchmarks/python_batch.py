"""barrierfree.batch from Python: the bundled 52 households planned with 1 and 2 threads.

    python benchmarks/python_batch.py [ROUNDS]

Prints the best of ROUNDS wall-clock times for each thread count and checks that the
results are the same.
"""
import json
import sys
import time
from pathlib import Path

import barrierfree as bf

HUIMIN = Path(__file__).resolve().parents[1] / "data" / "examples" / "huimin-52.jsonl"


def main(rounds: int = 5) -> None:
    cases = [json.loads(line) for line in HUIMIN.read_text(encoding="utf-8").splitlines()]
    best = {}
    results = {}
    for threads in (1, 2):
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            results[threads] = [r.to_dict() for r in bf.batch(cases, threads=threads)]
            times.append(time.perf_counter() - start)
        best[threads] = min(times)
    assert results[1] == results[2], "results differ between thread counts"
    for threads, seconds in best.items():
        print(f"threads={threads}: {len(cases)} households planned in {seconds:.3f} s "
              f"({len(cases) / seconds:.0f} households/s)")
    print(f"speed-up with 2 threads: {best[1] / best[2]:.2f}x (same results)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
