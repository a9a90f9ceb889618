"""The pins match the imports: every third-party module the code imports is pinned, and every
pin is imported (read from the source with ast, so a lazy import inside a function counts)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Our own packages (lab, ui, ...) and the scripts, which tests import from scripts/ on sys.path.
LOCAL = {p.name for p in ROOT.iterdir() if p.is_dir()} | {p.stem for p in ROOT.glob("scripts/*.py")}
MODULE_OF = {"pillow": "PIL"}  # distributions whose module name is not their name
# a command (make lint) and pytest plugins: never imported
TOOLS = {"ruff", "pytest_xdist", "pytest_rerunfailures"}
AWAITING: dict[str, str] = {}  # pinned ahead of the code using it (none now)


_IMPORTS_OF = """
import ast, json, sys
found = {}
for name in sys.argv[1:]:
    for node in ast.walk(ast.parse(open(name, encoding="utf-8").read())):
        if isinstance(node, ast.Import):
            mods = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            mods = [node.module]
        else:
            continue
        found[name] = found.get(name, []) + mods
print(json.dumps(found))
"""


def imported(paths: list[Path]) -> dict[str, str]:
    """Third-party top-level modules imported by these files: module -> one file importing it.
    Parsed in a child interpreter: CPython 3.11.7's parser raised "AST constructor recursion
    depth mismatch" inside the full suite after the browser tests' greenlets had run, even in
    a fresh thread; a new process starts clean."""
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTS_OF, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = {}
    for name, modules in json.loads(done.stdout).items():
        for module in modules:
            top = module.split(".")[0]
            if top not in sys.stdlib_module_names and top not in LOCAL:
                found.setdefault(top, str(Path(name).relative_to(ROOT)))
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
