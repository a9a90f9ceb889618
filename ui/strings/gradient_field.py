"""Strings of the derivative and gradient-field page (pages/gradient_field.py).

The names of the 2-D test functions (gradient_field.fn.*) are shared with the gradient
descent page, so each name is translated once.
"""

STRINGS = {
    "gradient_field.title": {"zh": "导数与梯度场", "en": "Derivatives and gradient fields"},
    "gradient_field.card": {
        "zh": "从切线的斜率到梯度箭头：数值微分、差分 h 该取多大，以及 −∇f 在等高线图上指向哪里。",
        "en": "From tangent slopes to gradient arrows: numerical derivatives, how small h should "
        "be, and where −∇f points on a contour map.",
    },
    "gradient_field.lead": {
        "zh": "先用切线看数值微分，再在等高线图上看梯度 −∇f 的箭头。",
        "en": "First numerical differentiation as tangent lines, then the gradient −∇f as arrows on a contour map.",
    },
    "gradient_field.intro": {
        "zh": "用书中的例子 f(x) = 0.01x² + 0.1x 体会数值微分：用很小的差分 h 求出切线的斜率，再看清 h 为什么不能太小（h = 1e-50 会得到 0）。然后把各个变量的偏导数合成梯度：在等高线图上画出每个网格点的 −∇f 箭头，它们指向函数值下降最快的方向，并且垂直于等高线（两个轴的刻度一样长，所以看得出垂直）。你可以换函数、调箭头密度、比较数值梯度和解析梯度，拖动一个点查看它的梯度，或切换到 3D 曲面视图。",
        "en": "The book's example f(x) = 0.01x² + 0.1x shows numerical differentiation: a tiny difference h gives the slope of the tangent, and you will see why h must not be too small (h = 1e-50 gives 0). Then the partial derivatives combine into the gradient: on a contour map, an arrow −∇f at every grid point shows the direction in which f falls fastest, perpendicular to the contour lines (both axes have the same scale, so you can see the right angle). Change the function and the arrow density, compare the numerical and the analytic gradient, drag a point to read its gradient, or switch to the 3-D surface.",
    },
    "gradient_field.book_tangent": {
        "zh": "书中第 4 章的代码：画出 f(x) = 0.01x² + 0.1x 和它在 x = 5 处的切线。在 Notebook 里输入这段代码，就会得到右边这张图（它正是由这段代码画出来的）。",
        "en": "The book's chapter 4 code: f(x) = 0.01x² + 0.1x and its tangent at x = 5. Type it into a notebook and you get the figure on the right (drawn by exactly this code).",
    },
    "gradient_field.book_quiver": {
        "zh": "书中第 4 章的代码：在 [−2, 2]² 的网格上画出 f(x0, x1) = x0² + x1² 的 −∇f 箭头。在 Notebook 里输入这段代码，就会得到右边这张图（它正是由这段代码画出来的）。",
        "en": "The book's chapter 4 code: the arrows −∇f of f(x0, x1) = x0² + x1² on a grid over [−2, 2]². Type it into a notebook and you get the figure on the right (drawn by exactly this code).",
    },
    "gradient_field.x0": {"zh": "x0", "en": "x0"},
    "gradient_field.x1": {"zh": "x1", "en": "x1"},
    # --- derivative and tangents ---
    "gradient_field.diff_title": {
        "zh": "数值微分与切线",
        "en": "Numerical derivative and tangents",
    },
    "gradient_field.diff_intro": {
        "zh": "数值微分用很小的差分来近似导数。书中用中心差分 (f(x+h) − f(x−h)) / 2h，"
        "取 h = 1e-4。下图画出 f(x) = 0.01x² + 0.1x、它的数值导数 f′(x)（虚线）和所选各点的"
        "切线（点线）：切线的斜率就是该点的导数。",
        "en": "A numerical derivative approximates the slope with a tiny difference. The book "
        "uses the central difference (f(x+h) − f(x−h)) / 2h with h = 1e-4. Below: "
        "f(x) = 0.01x² + 0.1x, its numerical derivative f′(x) (dashed) and the tangents at the "
        "chosen points (dotted); a tangent's slope is the derivative there.",
    },
    "gradient_field.tangent_at": {"zh": "在这些 x 处画切线", "en": "Draw tangents at x ="},
    "gradient_field.tangent_help": {
        "zh": "最多 4 个；书中打印的是 x = 5 和 x = 10 处的导数。",
        "en": "Up to 4; the book prints the derivative at x = 5 and x = 10.",
    },
    "gradient_field.f1_name": {"zh": "f(x) = 0.01x² + 0.1x", "en": "f(x) = 0.01x² + 0.1x"},
    "gradient_field.f1_diff_name": {"zh": "数值导数 f′(x)", "en": "numerical derivative f′(x)"},
    "gradient_field.tangent_name": {"zh": "x = {x} 处的切线", "en": "tangent at x = {x}"},
    "gradient_field.tangent_points": {"zh": "切点", "en": "points of tangency"},
    "gradient_field.f1_x": {"zh": "x", "en": "x"},
    "gradient_field.f1_axis": {"zh": "y", "en": "y"},
    "gradient_field.no_tangent": {
        "zh": "至少选择一个 x，才能画出切线并读出导数。",
        "en": "Pick at least one x to draw its tangent and read its derivative.",
    },
    "gradient_field.col_numerical": {
        "zh": "数值结果（本页现算）",
        "en": "numerical (computed here)",
    },
    "gradient_field.col_exact": {"zh": "真值 0.02x + 0.1", "en": "exact 0.02x + 0.1"},
    "gradient_field.col_book": {"zh": "书中打印", "en": "the book prints"},
    "gradient_field.book_note": {
        "zh": "书中打印的 0.1999999999990898 和 0.2999999999986347 与真值 0.2、0.3 相差约 1e-12："
        "这是浮点数的舍入误差，不是公式错了。表中的数值由 lab.calculus.numerical_diff 现场算出，"
        "与书中逐位相同。",
        "en": "The book's 0.1999999999990898 and 0.2999999999986347 differ from the true 0.2 and "
        "0.3 by about 1e-12: floating-point rounding, not a wrong formula. The table's numbers "
        "are computed here by lab.calculus.numerical_diff and match the book digit for digit.",
    },
    # --- the step h ---
    "gradient_field.h_title": {"zh": "差分 h 该取多大？", "en": "How small should h be?"},
    "gradient_field.h_intro": {
        "zh": "在 x = 5 处求导，拖动 h 看结果。h 太大，割线偏离切线（截断误差）；h 太小，"
        "f(x+h) 和 f(x−h) 几乎每一位都相同，相减后有效数字所剩无几（舍入误差）。",
        "en": "Differentiate at x = 5 and drag h. Too large, and the secant strays from the "
        "tangent (truncation error); too small, and f(x+h) and f(x−h) agree in almost every "
        "digit, so their difference keeps few correct ones (rounding error).",
    },
    "gradient_field.h": {"zh": "差分 h", "en": "step h"},
    "gradient_field.h_help": {
        "zh": "对数刻度：每一格是 10 的若干次幂。",
        "en": "Log scale: each notch is a power of 10.",
    },
    "gradient_field.h_result": {
        "zh": "x = 5 处的数值导数（h = {h}）：\n\n`{d}`",
        "en": "numerical derivative at x = 5 (h = {h}):\n\n`{d}`",
    },
    "gradient_field.h_error": {
        "zh": "与真值 0.2 的误差：`{err}`",
        "en": "error against the true 0.2: `{err}`",
    },
    "gradient_field.h_lost": {
        "zh": "在 float64 中 5 + {h} == 5：5 附近相邻两个浮点数相差 {spacing}，远大于 h，"
        "x + h 被舍入回 x。于是 f(x+h) − f(x−h) = 0，导数算成了 0。书中 h = 1e-50 得到 0.0 "
        "就是这个原因。",
        "en": "In float64, 5 + {h} == 5: neighbouring floats near 5 are {spacing} apart, far "
        "more than h, so x + h rounds back to x. Then f(x+h) − f(x−h) = 0 and the derivative "
        "comes out as 0. This is why the book's h = 1e-50 gives 0.0.",
    },
    "gradient_field.central": {
        "zh": "中心差分 (f(x+h) − f(x−h)) / 2h",
        "en": "central (f(x+h) − f(x−h)) / 2h",
    },
    "gradient_field.forward": {
        "zh": "前向差分 (f(x+h) − f(x)) / h",
        "en": "forward (f(x+h) − f(x)) / h",
    },
    "gradient_field.h_axis": {"zh": "差分 h（对数刻度）", "en": "step h (log scale)"},
    "gradient_field.err_axis": {
        "zh": "x = 5 处的误差 |估计值 − 0.2|",
        "en": "error |estimate − 0.2| at x = 5",
    },
    "gradient_field.h_explain": {
        "zh": "**怎么读这张图：** 右侧 h 较大时，误差来自截断：前向差分的误差正比于 h"
        "（这里恰好是 0.01·h），中心差分的误差正比于 h²（对二次函数恰好为 0，只剩舍入误差）。"
        "往左 h 越小，舍入误差约为 ε·|f(x)| / h（ε ≈ 2.2e-16），越来越大。当 h 小于 5 附近"
        "浮点数间距的一半（约 4.4e-16）时，x + h == x，两种差分都恰好得到 0，误差停在 0.2。"
        "书中取 h = 1e-4，是在两种误差之间折中。",
        "en": "**How to read it:** on the right, large h, the error is truncation: the forward "
        "difference errs in proportion to h (exactly 0.01·h here), the central one in "
        "proportion to h² (exactly 0 for a quadratic, leaving only rounding). Going left, the "
        "rounding error ε·|f(x)| / h (ε ≈ 2.2e-16) grows. Below half the float spacing near 5 "
        "(about 4.4e-16), x + h == x: both differences are exactly 0 and the error sits at 0.2. "
        "The book's h = 1e-4 is a compromise between the two errors.",
    },
    # --- gradient field ---
    "gradient_field.grad_title": {
        "zh": "偏导数和梯度",
        "en": "Partial derivatives and the gradient",
    },
    "gradient_field.grad_intro": {
        "zh": "固定其他变量、只让一个变量变化时函数的变化率，叫作偏导数；把所有偏导数合成一个向量 "
        "∇f = (∂f/∂x0, ∂f/∂x1)，就是梯度。书中的 numerical_gradient 对每个变量依次做中心差分。"
        "例如 f(x0, x1) = x0² + x1² 在书中三个点的梯度：",
        "en": "Hold the other variables fixed and let one change: the rate of change of f is a "
        "partial derivative. All of them together form a vector, the gradient "
        "∇f = (∂f/∂x0, ∂f/∂x1). The book's numerical_gradient takes a central difference in "
        "each variable in turn. For f(x0, x1) = x0² + x1² at the book's three points:",
    },
    "gradient_field.col_point": {"zh": "点 (x0, x1)", "en": "point (x0, x1)"},
    "gradient_field.col_analytic": {"zh": "解析梯度", "en": "analytic gradient"},
    "gradient_field.function": {"zh": "函数", "en": "function"},
    "gradient_field.fn.function_2": {"zh": "书中的 x0² + x1²", "en": "the book's x0² + x1²"},
    "gradient_field.fn.stretched": {
        "zh": "书中第 6 章的 x0²/20 + x1²",
        "en": "the book's ch. 6 x0²/20 + x1²",
    },
    "gradient_field.fn.rosenbrock": {
        "zh": "Rosenbrock（香蕉形山谷）",
        "en": "Rosenbrock (banana valley)",
    },
    "gradient_field.fn.himmelblau": {
        "zh": "Himmelblau（四个极小值）",
        "en": "Himmelblau (four minima)",
    },
    "gradient_field.fn.saddle": {"zh": "鞍点 x0² − x1²", "en": "saddle x0² − x1²"},
    "gradient_field.fn.beale": {"zh": "Beale（平底陡壁）", "en": "Beale (flat floor, steep walls)"},
    "gradient_field.fn.six_hump_camel": {"zh": "六峰驼背函数", "en": "six-hump camel"},
    "gradient_field.density": {"zh": "每边的箭头数", "en": "arrows per side"},
    "gradient_field.density_help": {
        "zh": "在 [−2, 2] 上每边 17 个箭头，就是书中步长 0.25 的网格。",
        "en": "17 arrows across [−2, 2] is the book's grid with step 0.25.",
    },
    "gradient_field.kind": {"zh": "箭头所用的梯度", "en": "gradient for the arrows"},
    "gradient_field.kind.numerical": {"zh": "数值梯度", "en": "numerical"},
    "gradient_field.kind.analytic": {"zh": "解析梯度", "en": "analytic"},
    "gradient_field.unit": {"zh": "只看方向（箭头等长）", "en": "directions only (equal arrows)"},
    "gradient_field.unit_help": {
        "zh": "梯度大小相差悬殊时（如 Rosenbrock），按真实长度画出的箭头大多短得看不见。",
        "en": "When gradient sizes differ hugely (Rosenbrock), most true-length arrows are too "
        "short to see.",
    },
    "gradient_field.px0": {"zh": "选一个点：x0", "en": "pick a point: x0"},
    "gradient_field.px1": {"zh": "选一个点：x1", "en": "pick a point: x1"},
    "gradient_field.tab_contour": {"zh": "等高线与 −∇f 箭头", "en": "contours and −∇f arrows"},
    "gradient_field.tab_3d": {"zh": "3D 曲面", "en": "3-D surface"},
    "gradient_field.shade": {"zh": "f", "en": "f"},
    "gradient_field.shade_log": {"zh": "log₁₀(1 + f − min f)", "en": "log₁₀(1 + f − min f)"},
    "gradient_field.arrows": {"zh": "−∇f（下降最快的方向）", "en": "−∇f (steepest descent)"},
    "gradient_field.minima": {"zh": "极小值", "en": "minima"},
    "gradient_field.point": {"zh": "所选的点", "en": "chosen point"},
    "gradient_field.at_point": {
        "zh": "| 所选的点 | f | 数值梯度 ∇f | 解析梯度 ∇f | 两者之差（最大分量） |\n"
        "|---|---|---|---|---|\n| {p} | {f} | {num} | {ana} | {diff} |",
        "en": "| chosen point | f | numerical ∇f | analytic ∇f | difference (largest entry) |\n"
        "|---|---|---|---|---|\n| {p} | {f} | {num} | {ana} | {diff} |",
    },
    "gradient_field.arrow_note": {
        "zh": "箭头长度按比例缩放：网格上最长的箭头占 0.9 格；所选点的红色箭头画成同比例的 3 倍长。",
        "en": "Arrow lengths are scaled: the longest grid arrow spans 0.9 cells; the red arrow at "
        "the chosen point is drawn 3 times as long, to the same scale.",
    },
    "gradient_field.max_diff": {
        "zh": "在全部 {n} 个网格点上，数值梯度与解析梯度之差最大为 **{diff}**：中心差分足够精确，"
        "两种箭头图看不出区别。",
        "en": "Over all {n} grid points, the numerical and the analytic gradient differ by at "
        "most **{diff}**: the central difference is accurate enough that both arrow maps look "
        "the same.",
    },
    "gradient_field.outro": {
        "zh": "**箭头指向哪里？** 图中画的是负梯度 −∇f：在每一点上函数值下降最快的方向；坡越陡，"
        "箭头越长。但梯度为 0 的地方不一定是最小值：鞍点 x0² − x1² 在原点的梯度为 0，"
        "沿 x0 方向看是谷底，沿 x1 方向看却是山顶。Himmelblau 和六峰驼背函数有多个极小值，"
        "沿负梯度只会走到最近的谷底（局部最优），不一定是全局最优。",
        "en": "**Where do the arrows point?** They show −∇f, the direction in which f falls "
        "fastest at each point; the steeper the slope, the longer the arrow. But a zero "
        "gradient is not always a minimum: the saddle x0² − x1² has zero gradient at the "
        "origin, a valley floor along x0 and a ridge along x1. Himmelblau and the six-hump "
        "camel have several minima; following −∇f leads to the nearest valley (a local "
        "optimum), not necessarily the global one.",
    },
}
