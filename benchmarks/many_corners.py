"""Planning time of a room drawn with many points: the first household of the bundled 52 with
its hall's four walls cut into N pieces each, straight (a survey's collinear points) or wobbling
0.5 mm (every point a corner). Prints one row per N: seconds to plan, both ways.

    python3 benchmarks/many_corners.py build/src/cli/barrierfree [PIECES …]
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def household(pieces: int, wobble: float) -> dict:
    case = json.loads((ROOT / "data" / "examples" / "huimin-52.jsonl").read_text(encoding="utf-8").splitlines()[0])
    room = next(r for r in case["rooms"] if "rect" in r)
    x0, y0, x1, y1 = room.pop("rect")
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    points = []
    for i, (ax, ay) in enumerate(corners):
        bx, by = corners[(i + 1) % 4]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        nx, ny = -(by - ay) / length, (bx - ax) / length  # inwards: the ring runs counter-clockwise
        for k in range(pieces):
            w = wobble if k % 2 else 0.0
            points.append([ax + (bx - ax) * k / pieces + w * nx, ay + (by - ay) * k / pieces + w * ny])
    room["polygon"] = points
    return case


def seconds(cli: str, case: dict) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(case, f)
    start = time.perf_counter()
    done = subprocess.run([cli, "plan", f.name], capture_output=True, text=True)
    took = time.perf_counter() - start
    Path(f.name).unlink()
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["?"])[0]
        return "refused: " + first.split("] ", 1)[-1][:40]
    return f"{took:.2f}"


def main() -> None:
    cli = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build" / "src" / "cli" / "barrierfree")
    print("| points | straight walls (s) | wobbling walls (s) |")
    print("|---|---|---|")
    for pieces in [int(n) for n in sys.argv[2:]] or (1, 16, 64, 250, 2500):
        print(f"| {4 * pieces} | {seconds(cli, household(pieces, 0.0))} | {seconds(cli, household(pieces, 0.5))} |")


if __name__ == "__main__":
    main()
