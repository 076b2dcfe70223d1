"""`python -m bench.synth OUT_DIR [--per-source N] [--seed S] [--source NAME ...]`.

Writes a labelled corpus, one folder per source, for `manage.py evaluate OUT_DIR/<source>` and
for leave-one-source-out calibration. Prints one line per source.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.synth.corpus import SOURCES, write_source


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.synth", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--per-source", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--source",
        action="append",
        choices=sorted(SOURCES),
        help="Only this source (repeatable; default: all).",
    )
    options = parser.parse_args(argv)
    for source in options.source or list(SOURCES):
        started = time.perf_counter()
        written = write_source(options.out_dir, source, options.per_source, options.seed)
        elapsed = time.perf_counter() - started
        print(
            f"{source:16} {len(written):4d} documents  {elapsed:5.1f} s"
            f"  -> {options.out_dir / source}"
        )


if __name__ == "__main__":
    main()
