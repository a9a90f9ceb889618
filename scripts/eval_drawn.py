"""Accuracy of a model on the drawn-digit proxy (``data/drawn``), per class and per writer.

    python scripts/eval_drawn.py [FOLDER] [--model NAME | --model-file PATH] [--json]
    python -m lab.predict data/drawn --model default --json | python scripts/eval_drawn.py -

Every image goes through exactly what ``python -m lab.predict`` does (``lab.predict.
predict_file``: ``load_image`` -> ``to_mnist`` -> the model); with ``-`` the script reads
lab.predict's ``--json`` lines from stdin instead. The label is the first character of each
file name (``7_w03_1.png`` is a 7 by writer 3, see ``scripts/make_drawn_digits.py``).

Writers w00-w05 are the "dev" half (look at them while choosing augmentations), w06-w11
the "held-out" half (report them, never tune on them): a writer-independent check.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.models import load, load_model
from lab.predict import find_images, predict_file

NAME = re.compile(r"^(\d)_w(\d+)_\d+\.png$")
DEV_WRITERS = 6  # w00..w05 dev, the rest held out


def predictions(args: argparse.Namespace) -> list[dict]:
    """lab.predict's JSON rows: read from stdin for '-', else computed in-process."""
    if args.folder == "-":
        return [json.loads(line) for line in sys.stdin if line.strip()]
    model = load_model(args.model_file) if args.model_file else load(args.model)
    return [predict_file(model, path) for path, err in find_images([args.folder]) if not err]


def score(rows: list[dict]) -> dict:
    """Accuracy overall, per class, per writer, dev/held-out halves, and the confusions."""
    hits: dict[str, Counter] = defaultdict(Counter)
    confusions: Counter = Counter()
    for row in rows:
        m = NAME.match(Path(row["path"]).name)
        if not m:
            continue
        label, writer = int(m[1]), int(m[2])
        ok = row["digit"] == label
        half = "dev" if writer < DEV_WRITERS else "held_out"
        for key in ("all", f"class {label}", f"writer {writer:02d}", half):
            hits[key]["n"] += 1
            hits[key]["ok"] += ok
        if not ok:
            confusions[f"{label}->{row['digit']}"] += 1
    if not hits:
        raise SystemExit("no <label>_w<writer>_<k>.png files found; run make_drawn_digits.py")
    acc = {key: c["ok"] / c["n"] for key, c in sorted(hits.items())}
    return {"n": hits["all"]["n"], "accuracy": acc, "confusions": dict(confusions.most_common())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default="data/drawn", help="folder, or - for stdin")
    parser.add_argument("--model", default="default", help="registered model name")
    parser.add_argument("--model-file", help="a .npz written by lab.models.save_model")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = score(predictions(args))
    if args.json:
        print(json.dumps(result))
        return 0
    acc = result["accuracy"]
    print(f"drawn-digit accuracy {acc['all']:.4f} on {result['n']} images")
    print(f"  dev writers {acc['dev']:.4f}, held-out writers {acc['held_out']:.4f}")
    print("  per class:  " + " ".join(f"{k[-1]}:{v:.2f}" for k, v in acc.items() if "class" in k))
    print("  per writer: " + " ".join(f"{k[-2:]}:{v:.2f}" for k, v in acc.items() if "writer" in k))
    print("  errors:     " + ", ".join(f"{k} x{v}" for k, v in result["confusions"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
