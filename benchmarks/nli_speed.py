"""Speed of the ONNX NLI backend, and proof that the fast path gives the same numbers.

Reads N news sentence pairs from ``../shared/data/paraphrase/msrp_test.tsv`` at run time,
then, in interleaved rounds so both paths see the same machine load, times
``OnnxNLI.predict`` (both directions + head) on:

* the reference path: one pair at a time, untrimmed graph (``workers=1, trim=False``),
  which is the implementation the head and combiner were trained on;
* the fast path: the defaults (parallel runs, trimmed graph), result cache off.

It also prints the largest difference of ``predict``, ``features`` and ``class1``
between the two, and the speed of a second pass with the result cache on.
Exit code 1 when any difference exceeds ``--tolerance``.

    HF_HUB_OFFLINE=1 python benchmarks/nli_speed.py --n 200 --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consistency.embed import resolve_model_dir  # noqa: E402
from consistency.judges.nli import OnnxNLI  # noqa: E402
from consistency.settings import DEFAULT_JUDGE  # noqa: E402


def load_pairs(path: Path, n: int) -> list[tuple[str, str]]:
    """The first ``n`` (s1, s2) sentence pairs of an MSRP tsv (no header)."""
    pairs = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("\t")
        if len(fields) >= 5:
            pairs.append((fields[3], fields[4]))
        if len(pairs) == n:
            break
    return pairs


def timed(call: Callable[[], np.ndarray], n: int) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    result = call()
    return n / (time.perf_counter() - start), result


def compare(reference: OnnxNLI, fast: OnnxNLI, pairs: list) -> dict[str, float]:
    """Largest absolute difference of each public output between two backends."""
    return {name: float(np.abs(getattr(reference, name)(pairs)
                               - getattr(fast, name)(pairs)).max())
            for name in ("predict", "features", "class1")}


def race(reference: OnnxNLI, fast: OnnxNLI, pairs: list, rounds: int) -> dict[str, list]:
    """pairs/s of both backends over interleaved rounds."""
    speeds: dict[str, list] = {"reference": [], "fast": []}
    for index in range(rounds):
        for name, backend in (("reference", reference), ("fast", fast)):
            if index % 2:  # alternate who goes first
                name, backend = ("fast", fast) if name == "reference" else ("reference", reference)
            speed, _ = timed(lambda backend=backend: backend.predict(pairs), len(pairs))
            speeds[name].append(speed)
            print(f"round {index + 1}: {name:9s} {speed:6.1f} pairs/s", flush=True)
    return speeds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tolerance", type=float, default=1e-4)
    args = parser.parse_args()
    pairs = load_pairs(args.data / "paraphrase" / "msrp_test.tsv", args.n)
    folder = Path(resolve_model_dir(DEFAULT_JUDGE))
    reference = OnnxNLI(DEFAULT_JUDGE, folder, workers=1, trim=False, cache_size=0)
    fast = OnnxNLI(DEFAULT_JUDGE, folder, cache_size=0)
    for backend in (reference, fast):
        backend.predict(pairs[:2])
    words = np.mean([len(a.split()) + len(b.split()) for a, b in pairs])
    print(f"{len(pairs)} MSRP pairs, {words:.0f} words per pair; fast path: "
          f"{fast.workers} workers, trimmed graph")

    speeds = race(reference, fast, pairs, args.rounds)
    before, after = (statistics.median(speeds[k]) for k in ("reference", "fast"))
    print(f"median: reference {before:.1f} pairs/s, fast {after:.1f} pairs/s, "
          f"speed-up {after / before:.2f}x")

    cached = OnnxNLI(DEFAULT_JUDGE, folder)
    cached.predict(pairs)
    speed, _ = timed(lambda: cached.predict(pairs), len(pairs))
    print(f"second pass with the result cache: {speed:.0f} pairs/s")

    differences = compare(reference, fast, pairs)
    print("max abs difference: " + ", ".join(f"{k} {v:.2e}" for k, v in differences.items()))
    same = max(differences.values()) <= args.tolerance
    print("outputs identical within tolerance" if same else "OUTPUTS DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
