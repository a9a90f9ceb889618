"""Strings of the gradient descent page (pages/gradient_descent.py).

Function names come from gradient_field.fn.* (shared with the gradient-field page).
"""

_VERDICTS = {
    "diverged": {
        "zh": "第 {step} 步发散：x 跑出了 ±{bound} 的范围（或变成 inf/nan），运行就此停止。"
        "学习率太大，每一步都跨过谷底，而且一次比一次跨得远。",
        "en": "Diverged at step {step}: x left ±{bound} (or became inf/nan), so the run "
        "stopped. The learning rate is too large: every step jumps over the valley floor, "
        "each time further.",
    },
    "converged": {
        "zh": "收敛：从第 {step} 步起，离最小值 {p}（f = {f}）不到 0.001。",
        "en": "Converged: from step {step} on, within 0.001 of the minimum {p} (f = {f}).",
    },
    "local": {
        "zh": "停在了局部极小值 {p}（f = {f}），从第 {step} 步起离它不到 0.001。这不是全局最小值："
        "梯度法只看脚下的坡度，走进最近的谷底就出不来了。",
        "en": "Stuck in the local minimum {p} (f = {f}), within 0.001 of it from step {step} "
        "on. It is not the global minimum: gradient descent only sees the slope underfoot, "
        "and the nearest valley traps it.",
    },
    "barely_moved": {
        "zh": "几乎没动：{steps} 步一共只走了 {dist}。学习率太小，每一步都微乎其微。",
        "en": "Barely moved: {steps} steps covered only {dist} in total. The learning rate is "
        "too small; every step is negligible.",
    },
    "moving": {
        "zh": "{steps} 步后还没到达极小值（仍在路上，或在来回振荡）。可以增加步数或调整学习率。",
        "en": "After {steps} steps it has not reached a minimum (still on its way, or "
        "oscillating). Add steps or change the learning rate.",
    },
    "no_minimum": {
        "zh": "这个函数没有最小值：鞍点沿 x1 方向一路向下，梯度法会一直走下去。"
        "如果起点恰好在 x1 = 0 上，它会停在梯度为 0 的鞍点上，而鞍点并不是最小值。",
        "en": "This function has no minimum: along x1 the saddle falls for ever, and so does "
        "the walk. Start exactly on x1 = 0 and it stops at the saddle point, where the "
        "gradient is 0 but which is no minimum.",
    },
}
_SHORT = {
    "diverged": {"zh": "第 {step} 步发散", "en": "diverged at step {step}"},
    "converged": {"zh": "第 {step} 步收敛", "en": "converged at step {step}"},
    "local": {"zh": "第 {step} 步落入局部极小值", "en": "local minimum from step {step}"},
    "barely_moved": {"zh": "几乎没动（只走了 {dist}）", "en": "barely moved ({dist} in all)"},
    "moving": {"zh": "还在路上", "en": "still on its way"},
    "no_minimum": {"zh": "没有最小值可去", "en": "no minimum to reach"},
}
_OPTIMIZERS = {
    "SGD": {"zh": "SGD", "en": "SGD"},
    "Momentum": {"zh": "Momentum", "en": "Momentum"},
    "Nesterov": {"zh": "Nesterov", "en": "Nesterov"},
    "AdaGrad": {"zh": "AdaGrad", "en": "AdaGrad"},
    "RMSprop": {"zh": "RMSprop", "en": "RMSprop"},
    "Adam": {"zh": "Adam", "en": "Adam"},
}

STRINGS = {
    "gradient_descent.title": {"zh": "梯度下降", "en": "Gradient descent"},
    "gradient_descent.card": {
        "zh": "沿着负梯度一步步走下山：看学习率太大会发散、太小走不动，再比较 SGD、Momentum、Adam 等优化器。",
        "en": "Walk downhill against the gradient: see a learning rate too large diverge and "
        "one too small stand still, then race SGD, Momentum, Adam and friends.",
    },
    "gradient_descent.lead": {
        "zh": "选函数、起点和学习率，按 ▶ 看梯度下降 x ← x − lr·∇f(x) 一步步走下等高线图。",
        "en": "Pick a function, a start and a learning rate, then press ▶ to watch gradient descent x ← x − lr·∇f(x) walk down the contour map.",
    },
    "gradient_descent.intro": {
        "zh": "梯度告诉你往哪走，学习率 lr 决定走多远。起点默认是书中的 (−3, 4)，等高线图两个轴的刻度一样长，所以圆形的碗看起来是圆的，每一步都垂直于等高线。下面依次是：书中的三个结论（lr = 10 发散，lr = 1e-10 几乎不动，lr = 0.1 收敛）、lr = 10 时数值梯度为什么会卡住，以及六种优化器从同一起点出发的比赛。",
        "en": "The gradient says which way, the learning rate lr how far. The start is the book's (−3, 4) by default; both axes of the contour map have the same scale, so a round bowl looks round and every step is perpendicular to the contour lines. Below: the book's three lessons (lr = 10 diverges, lr = 1e-10 barely moves, lr = 0.1 converges), why a numerical gradient stalls at lr = 10, and six optimizers racing from one start.",
    },
    "gradient_descent.book_caption": {
        "zh": "书中第 4 章的代码：从 (−3, 4) 出发，lr = 0.1，走 20 步，把每一步的位置画成点。在 Notebook 里输入这段代码，就会得到右边这张图（它正是由这段代码画出来的）。",
        "en": "The book's chapter 4 code: from (−3, 4), lr = 0.1, 20 steps, each position drawn as a dot. Type it into a notebook and you get the figure on the right (drawn by exactly this code).",
    },
    "gradient_descent.shade": {"zh": "f", "en": "f"},
    "gradient_descent.shade_log": {"zh": "log₁₀(1 + f − min f)", "en": "log₁₀(1 + f − min f)"},
    "gradient_descent.minima": {"zh": "极小值", "en": "minima"},
    "gradient_descent.axis_x0": {"zh": "x0", "en": "x0"},
    "gradient_descent.axis_x1": {"zh": "x1", "en": "x1"},
    "gradient_descent.panel": {"zh": "lr = {lr}", "en": "lr = {lr}"},
    **{f"gradient_descent.v.{k}": v for k, v in _VERDICTS.items()},
    **{f"gradient_descent.vs.{k}": v for k, v in _SHORT.items()},
    "gradient_descent.function": {"zh": "函数", "en": "function"},
    "gradient_descent.x0": {"zh": "起点 x0", "en": "start x0"},
    "gradient_descent.x1": {"zh": "起点 x1", "en": "start x1"},
    "gradient_descent.lr": {"zh": "学习率 lr（对数刻度）", "en": "learning rate lr (log scale)"},
    "gradient_descent.lr_help": {
        "zh": "从 1e-10 到 100，每个数量级取 1、2、5 倍。书中试过 10、1e-10 和 0.1。",
        "en": "From 1e-10 to 100: 1, 2 and 5 in each decade. The book tries 10, 1e-10 and 0.1.",
    },
    "gradient_descent.steps": {"zh": "步数 step_num", "en": "steps step_num"},
    "gradient_descent.grad": {"zh": "梯度的算法", "en": "gradient"},
    "gradient_descent.grad.numerical": {
        "zh": "数值梯度（书中的做法）",
        "en": "numerical (as the book)",
    },
    "gradient_descent.grad.exact": {"zh": "解析梯度（精确）", "en": "analytic (exact)"},
    "gradient_descent.grad_help": {
        "zh": "数值梯度用中心差分逐个变量计算；解析梯度是手工求导得到的公式。",
        "en": "The numerical gradient takes a central difference per variable; the analytic "
        "one is the derivative worked out by hand.",
    },
    "gradient_descent.path": {"zh": "下降路径", "en": "descent path"},
    "gradient_descent.start": {"zh": "起点", "en": "start"},
    "gradient_descent.play": {"zh": "播放", "en": "Play"},
    "gradient_descent.pause": {"zh": "暂停", "en": "Pause"},
    "gradient_descent.step_prefix": {"zh": "第几步：", "en": "step:"},
    "gradient_descent.final": {
        "zh": "**终点** x = `{x}`，f(x) = `{f}`，实际走了 {steps} 步。",
        "en": "**Final point** x = `{x}`, f(x) = `{f}`, after {steps} steps.",
    },
    "gradient_descent.book_match": {
        "zh": "这正是书中的那次运行：书中 lr = {lr} 时打印 {book}，与上面现场算出的终点一致。",
        "en": "This is the book's run: for lr = {lr} the book prints {book}, the same as the "
        "final x computed above.",
    },
    "gradient_descent.book_unbounded": {
        "zh": "书中 lr = {lr} 时没有设上界，走满 100 步，打印 {book}。这里一旦跑出范围就停下；"
        "下面“书中的三个学习率”一节按书中的做法重算，并解释它为什么停在 1e13 附近。",
        "en": "The book runs lr = {lr} with no bound for all 100 steps and prints {book}. Here "
        "the run stops once it leaves the bound; the section on the book's three learning rates "
        "below reruns it the book's way and explains why it stops near 1e13.",
    },
    "gradient_descent.loss": {"zh": "损失 f(x)", "en": "loss f(x)"},
    "gradient_descent.step_axis": {"zh": "步数", "en": "step"},
    "gradient_descent.loss_axis": {"zh": "损失 f(x)", "en": "loss f(x)"},
    "gradient_descent.loss_title": {"zh": "损失随步数的变化", "en": "Loss against step"},
    "gradient_descent.lessons_title": {
        "zh": "书中的三个学习率，并排比较",
        "en": "The book's three learning rates, side by side",
    },
    "gradient_descent.lessons_intro": {
        "zh": "书中对 f(x0, x1) = x0² + x1² 从 (−3, 4) 出发走 100 步，试了三个学习率。"
        "每一栏现场重算一次（和书中一样不设上界），把书中打印的结果放在旁边对照。"
        "也可以换成别的学习率。",
        "en": "The book walks f(x0, x1) = x0² + x1² for 100 steps from (−3, 4) with three "
        "learning rates. Each panel reruns it here (with no bound, like the book) and shows "
        "what the book prints next to it. Try other rates too.",
    },
    "gradient_descent.compare_lrs": {
        "zh": "要比较的学习率（最多 4 个）",
        "en": "learning rates to compare (up to 4)",
    },
    "gradient_descent.use_exact": {"zh": "改用解析梯度", "en": "use the analytic gradient"},
    "gradient_descent.no_lr": {
        "zh": "至少选择一个学习率。",
        "en": "Pick at least one learning rate.",
    },
    "gradient_descent.x_after": {"zh": "{steps} 步后：", "en": "after {steps} steps:"},
    "gradient_descent.book_prints": {"zh": "书中打印：", "en": "the book prints:"},
    "gradient_descent.stall_title": {
        "zh": "lr = 10 为什么停在 1e13 附近？",
        "en": "Why does lr = 10 stop near 1e13?",
    },
    "gradient_descent.stall_text": {
        "zh": "对 x0² + x1²，每一步 x ← x − 10·2x = −19x，本该无限放大。用解析梯度，100 步后"
        "x = {exact}（约 19¹⁰⁰ 倍）。书中的数值梯度却停在 {num}：那里相邻两个浮点数相差 "
        "{spacing}，比 h = 1e-4 还大，x + h 被舍入回 x，f(x+h) − f(x−h) = 0，数值梯度变成 "
        "{grad}，于是再也不动了。书中的 [−2.58983747e+13, −1.29524862e+12] 不是“发散到了这里”，"
        "而是差分失去精度后的假象。",
        "en": "On x0² + x1² each step is x ← x − 10·2x = −19x, which should grow for ever. "
        "With the analytic gradient, after 100 steps x = {exact} (about 19¹⁰⁰ times the "
        "start). The book's numerical gradient stops at {num} instead: floats there are "
        "{spacing} apart, more than h = 1e-4, so x + h rounds back to x, f(x+h) − f(x−h) = 0, "
        "the numerical gradient is {grad}, and x never moves again. The book's "
        "[−2.58983747e+13, −1.29524862e+12] is not where divergence ends; it is where the "
        "difference quotient lost all precision.",
    },
    "gradient_descent.opt_title": {
        "zh": "优化器比赛：同一个函数、同一个起点",
        "en": "Optimizers race: one function, one start",
    },
    "gradient_descent.opt_intro": {
        "zh": "书中第 6 章用 f(x0, x1) = x0²/20 + x1² 从 (−7, 2) 出发比较优化器：这个碗沿 x0 很平、"
        "沿 x1 很陡，SGD 会沿陡的方向来回震荡。学习率默认取书中图的值（SGD 0.95、Momentum 0.1、"
        "AdaGrad 1.5、Adam 0.3；Nesterov、RMSprop 不在书中图里，分别取 0.1、0.3），"
        "使用与神经网络训练同一份 lab/optimizers.py 实现。",
        "en": "The book's ch. 6 compares optimizers on f(x0, x1) = x0²/20 + x1² from (−7, 2): "
        "the bowl is flat along x0 and steep along x1, so SGD zig-zags across the steep "
        "direction. The learning rates default to the book's figure (SGD 0.95, Momentum 0.1, "
        "AdaGrad 1.5, Adam 0.3; Nesterov and RMSprop are not in it and take 0.1 and 0.3), "
        "and the code is the same lab/optimizers.py the networks train with.",
    },
    "gradient_descent.opt_pick": {"zh": "优化器", "en": "optimizers"},
    **{f"gradient_descent.opt.{k}": v for k, v in _OPTIMIZERS.items()},
    "gradient_descent.opt_lrs": {"zh": "各优化器的学习率", "en": "learning rate of each optimizer"},
    "gradient_descent.opt_lr": {"zh": "{name} 的学习率", "en": "{name} learning rate"},
    "gradient_descent.no_opt": {
        "zh": "至少选择一个优化器。",
        "en": "Pick at least one optimizer.",
    },
    "gradient_descent.col_opt": {"zh": "优化器", "en": "optimizer"},
    "gradient_descent.col_lr": {"zh": "学习率 lr", "en": "lr"},
    "gradient_descent.col_final": {"zh": "终点", "en": "final point"},
    "gradient_descent.col_f": {"zh": "终点的 f", "en": "final f"},
    "gradient_descent.col_verdict": {"zh": "结果", "en": "outcome"},
    "gradient_descent.outro": {
        "zh": "**小结：** 梯度告诉你往哪走，学习率决定走多远。步子太大会跨过谷底甚至越走越远，"
        "步子太小则很久都到不了谷底。训练神经网络时，损失函数就是这片山谷，参数就是 x，"
        "每一次参数更新都是这里的一步。",
        "en": "**In short:** the gradient says which way, the learning rate how far. Steps too "
        "large jump over the valley and may fly off; steps too small take for ever. Training "
        "a network is this walk: the loss is the valley, the parameters are x, and every "
        "update is one step.",
    },
}
