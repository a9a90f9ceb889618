"""The pins match the imports: every third-party module the code imports is pinned, and every
pin is imported (read from the source with ast, so a lazy import inside a function counts)."""

from __future__ import annotations

import ast
import re
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Our own packages (lab, ui, ...) and the scripts, which tests import from scripts/ on sys.path.
LOCAL = {p.name for p in ROOT.iterdir() if p.is_dir()} | {p.stem for p in ROOT.glob("scripts/*.py")}
MODULE_OF = {"pillow": "PIL"}  # distributions whose module name is not their name
TOOLS = {"ruff"}  # run as commands (make lint), never imported
AWAITING: dict[str, str] = {}  # pinned ahead of the code using it (none now)


def _parse(source: str) -> ast.Module:
    """ast.parse in a fresh thread: CPython 3.11.7's parser can raise "AST constructor
    recursion depth mismatch" when the calling thread's recursion bookkeeping was left off by
    earlier tests (seen once in the full suite); a new thread starts with a clean count."""
    out: list[ast.Module] = []
    worker = threading.Thread(target=lambda: out.append(ast.parse(source)))
    worker.start()
    worker.join()
    return out[0]


def imported(paths: list[Path]) -> dict[str, str]:
    """Third-party top-level modules imported by these files: module -> one file importing it."""
    found = {}
    for path in paths:
        for node in ast.walk(_parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in LOCAL:
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def pinned(requirements: str) -> dict[str, str]:
    """Module name -> pinned version, for each ``name==version`` line of a requirements file."""
    pins = {}
    for line in (ROOT / requirements).read_text("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith("-r"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==([\w.]+)", line)
        assert match, f"{requirements}: {line!r} is not pinned as name==version"
        name = match.group(1).lower()
        pins[MODULE_OF.get(name, name.replace("-", "_"))] = match.group(2)
    return pins


APP = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py"), *ROOT.glob("lab/*.py")]
DEV = [*ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/*.py"), *ROOT.glob("scripts/*.py")]


def test_every_run_time_import_is_pinned_and_every_pin_imported():
    """requirements.txt lists exactly the third-party modules of app.py, pages/, ui/ and lab/
    (plus AWAITING, which must not be imported yet: remove it from AWAITING once it is)."""
    used, pins = imported(APP), pinned("requirements.txt")
    missing = {m: f for m, f in used.items() if m not in pins}
    assert not missing, f"imported but not in requirements.txt: {missing}"
    early = sorted(m for m in AWAITING if m in used)
    assert not early, f"{early} is imported now: delete it from AWAITING in this test"
    unused = sorted(set(pins) - set(used) - set(AWAITING))
    assert not unused, f"pinned in requirements.txt but imported nowhere in the app: {unused}"


def test_every_dev_import_is_pinned_and_every_dev_pin_used():
    """tests/, benchmarks/ and scripts/ import only what the two files pin, and every pin of
    requirements-dev.txt is imported there or is a command-line tool."""
    run_time, dev = pinned("requirements.txt"), pinned("requirements-dev.txt")
    used = imported(DEV)
    missing = {m: f for m, f in used.items() if m not in run_time and m not in dev}
    assert not missing, f"imported by tests/benchmarks/scripts but pinned nowhere: {missing}"
    unused = sorted(set(dev) - set(used) - TOOLS)
    assert not unused, f"pinned in requirements-dev.txt but imported nowhere: {unused}"
    assert not set(dev) & set(run_time), "pin a package in one file only"


def test_streamlit_drawable_canvas_maps_to_its_module():
    """The distribution name with dashes maps to the module streamlit_drawable_canvas, and
    pillow to PIL, so the two checks above compare like with like."""
    pins = pinned("requirements.txt")
    assert "streamlit_drawable_canvas" in pins and "PIL" in pins
