"""How many bytes of plotly figures each page sends the browser on its first run.

    .venv/bin/python -m benchmarks.bench_chart_bytes                      # every page
    .venv/bin/python -m benchmarks.bench_chart_bytes perceptron --detail  # one page, per chart

Each page runs once in AppTest (``?lang=en``, default widget values); the figure is the sum of
the JSON specs (``PlotlyChart.spec``: data, layout, frames, pictures) of its plotly charts, the
part of the websocket message that grows with the points a chart carries. Charts in tabs and
collapsed expanders count too: the server sends them all. A count of bytes, not a timing: it
does not depend on the load of the machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.testing.v1 import AppTest

from ui.nav import PAGES

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def chart_bytes(stem: str, lang: str = "en") -> dict[str, int]:
    """Bytes of each plotly chart's spec on pages/<stem>.py, keyed by the chart's element id."""
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(f"pages/{stem}.py")
    at.run()
    sizes: dict[str, int] = {}
    for i, node in enumerate(at.get("plotly_chart")):
        key = node.proto.id.rsplit("-", 1)[-1] if node.proto.id else f"chart {i}"
        sizes[key] = sizes.get(key, 0) + len(node.proto.spec.encode())
    return sizes


def run() -> list[tuple[str, float, str]]:
    return [
        (
            f"/{page.stem}: plotly chart specs, first run",
            sum(chart_bytes(page.stem).values()) / 1e3,
            "kB",
        )
        for page in PAGES
    ]


def main(argv: list[str]) -> int:
    detail = "--detail" in argv
    stems = [a for a in argv if not a.startswith("--")] or [p.stem for p in PAGES]
    for stem in stems:
        sizes = chart_bytes(stem)
        print(f"/{stem}: {len(sizes)} charts, {sum(sizes.values()) / 1e3:.1f} kB")
        if detail:
            for key, n in sorted(sizes.items(), key=lambda kv: -kv[1]):
                print(f"    {n / 1e3:8.1f} kB  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
