"""ui.charts_gradient.quiver_lines against plotly's own figure_factory.create_quiver."""

import math

import numpy as np
import plotly.figure_factory as ff
import pytest

from ui.charts_gradient import quiver_lines


@pytest.mark.parametrize("n", [1, 5, 17])
def test_quiver_lines_are_create_quivers(n, rng):
    """The same barbs and heads, in the same order, None where a line breaks, as
    create_quiver's (scaleratio 1) for an n × n field with random arrows, zero ones included."""
    g = np.linspace(-2.0, 2.0, n)
    x, y = (a.ravel() for a in np.meshgrid(g, g))
    u, v = rng.normal(size=x.size), rng.normal(size=x.size)
    u[0] = v[0] = 0.0  # a zero gradient: a barb and head of length 0
    want = ff.create_quiver(x, y, u, v, scale=0.3, arrow_scale=0.3, angle=math.pi / 9).data[0]
    got_x, got_y = quiver_lines(x, y, u, v, scale=0.3)
    for got, ref in ((got_x, want.x), (got_y, want.y)):
        assert len(got) == len(ref) == 7 * x.size
        assert [c is None for c in got] == [c is None for c in ref]
        np.testing.assert_allclose(
            [c for c in got if c is not None], [c for c in ref if c is not None], rtol=0, atol=1e-12
        )
