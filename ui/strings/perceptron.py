"""Strings of the perceptron and logic-gate page (pages/perceptron.py)."""

STRINGS = {
    "perceptron.title": {"zh": "感知机与逻辑门", "en": "Perceptron and logic gates"},
    "perceptron.card": {
        "zh": "拖动权重和偏置，让一条直线变成与门、或门、与非门；看清异或为什么需要两层，"
        "再看感知机学习规则如何一步步挪动直线。",
        "en": "Drag two weights and a bias until a line becomes AND, OR or NAND; see why XOR "
        "needs two layers, and watch the learning rule move the line step by step.",
    },
    "perceptron.lead": {
        "zh": "拖动 w1、w2、b（或点预设），让直线把四个输入分对，实现一个逻辑门。",
        "en": "Drag w1, w2 and b (or click a preset) until the line sorts the four inputs into a logic gate.",
    },
    "perceptron.intro": {
        "zh": "感知机先算加权和 a = w1·x1 + w2·x2 + b，a > 0 时输出 1，否则输出 0。在 (x1, x2) 平面上，a = 0 是一条直线：着色的一侧输出 1，另一侧输出 0。右边的图同时画出所有可行的 (w1, w2)。往下看：异或门为什么一条直线做不到，两层感知机和一个用反向传播训练的小网络又是怎么做到的；最后看感知机学习规则怎样一步步把直线挪到正确的位置。",
        "en": "A perceptron computes a weighted sum a = w1·x1 + w2·x2 + b and outputs 1 when a > 0, else 0. In the (x1, x2) plane, a = 0 is a line: the shaded side outputs 1, the other side 0. The chart beside it shows every (w1, w2) that works. Further down: why no single line can do XOR, how two layers of perceptrons and a small network trained by backprop do it, and how the perceptron learning rule moves the line into place, step by step.",
    },
    # -- 1 playground
    "perceptron.play_title": {
        "zh": "1 自己调权重：一条直线就是一个逻辑门",
        "en": "1 Set the weights: a line is a logic gate",
    },
    "perceptron.presets": {
        "zh": "**预设**：前四个是常见的一组整数权重（与非门取与门权重的相反数），"
        "最后一个是书中的与门 (w1, w2, θ) = (0.5, 0.5, 0.7)，即 b = −θ = −0.7。",
        "en": "**Presets**: the first four are a common set of whole-number weights (NAND "
        "negates AND's weights); the last is the book's AND, (w1, w2, θ) = (0.5, 0.5, 0.7), i.e. b = −θ = −0.7.",
    },
    "perceptron.preset.AND": {"zh": "与门 AND：[1, 1]，−1.5", "en": "AND: [1, 1], −1.5"},
    "perceptron.preset.OR": {"zh": "或门 OR：[1, 1]，−0.5", "en": "OR: [1, 1], −0.5"},
    "perceptron.preset.NAND": {"zh": "与非门 NAND：[−1, −1]，1.5", "en": "NAND: [−1, −1], 1.5"},
    "perceptron.preset.NOT": {"zh": "非门 NOT：[−1]，0.5", "en": "NOT: [−1], 0.5"},
    "perceptron.preset.BOOK": {
        "zh": "书中的与门：0.5, 0.5, −0.7",
        "en": "The book's AND: 0.5, 0.5, −0.7",
    },
    "perceptron.gate": {"zh": "要实现的逻辑门（目标 t）", "en": "Gate to realise (targets t)"},
    "perceptron.gate.AND": {"zh": "与门 AND", "en": "AND"},
    "perceptron.gate.OR": {"zh": "或门 OR", "en": "OR"},
    "perceptron.gate.NAND": {"zh": "与非门 NAND", "en": "NAND"},
    "perceptron.gate.NOT": {"zh": "非门 NOT（只看 x1）", "en": "NOT (of x1)"},
    "perceptron.gate.XOR": {"zh": "异或门 XOR", "en": "XOR"},
    "perceptron.w1": {"zh": "权重 w1", "en": "weight w1"},
    "perceptron.w2": {"zh": "权重 w2", "en": "weight w2"},
    "perceptron.b": {"zh": "偏置 b", "en": "bias b"},
    "perceptron.rule_formula": {
        "zh": "当 $w_1x_1 + w_2x_2 + b > 0$ 时 $y = 1$，否则 $y = 0$。",
        "en": "$y = 1$ if $w_1x_1 + w_2x_2 + b > 0$, else $y = 0$.",
    },
    "perceptron.plane_title": {
        "zh": "输入平面：着色一侧输出 y = 1",
        "en": "Input plane: the shaded side outputs y = 1",
    },
    "perceptron.x1": {"zh": "输入 x1", "en": "input x1"},
    "perceptron.x2": {"zh": "输入 x2", "en": "input x2"},
    "perceptron.region": {"zh": "y = 1 的一侧", "en": "y = 1 side"},
    "perceptron.line": {
        "zh": "直线 {w1:g}·x1 {w2:+g}·x2 {b:+g} = 0",
        "en": "line {w1:g}·x1 {w2:+g}·x2 {b:+g} = 0",
    },
    "perceptron.t1": {"zh": "目标 t = 1", "en": "target t = 1"},
    "perceptron.t0": {"zh": "目标 t = 0", "en": "target t = 0"},
    "perceptron.wrong": {"zh": "输出与目标不符", "en": "output ≠ target"},
    "perceptron.slice_title": {
        "zh": "权重平面（b = {b:g}）：能实现 {gate} 的 (w1, w2)",
        "en": "Weight plane at b = {b:g}: every (w1, w2) giving {gate}",
    },
    "perceptron.slice_region": {"zh": "可行的 (w1, w2)", "en": "(w1, w2) that work"},
    "perceptron.slice_you": {"zh": "你的 (w1, w2)", "en": "your (w1, w2)"},
    "perceptron.slice_empty": {
        "zh": "在这个 b 下，没有任何 (w1, w2) 能做到",
        "en": "At this b, no (w1, w2) works",
    },
    "perceptron.slice_xor": {
        "zh": "异或门：无论 b 取多少，这里都是空的",
        "en": "XOR: empty, whatever b is",
    },
    "perceptron.col_a": {"zh": "加权和 a", "en": "weighted sum a"},
    "perceptron.col_y": {"zh": "输出 y", "en": "output y"},
    "perceptron.col_t": {"zh": "目标 t（{gate}）", "en": "target t ({gate})"},
    "perceptron.col_ok": {"zh": "对吗", "en": "right?"},
    "perceptron.all_right": {
        "zh": "四个输入全部正确：这组 (w1, w2, b) 实现了{gate}。",
        "en": "All four inputs right: this (w1, w2, b) realises {gate}.",
    },
    "perceptron.some_wrong": {
        "zh": "答对 {n}/4。挪一挪直线，让着色的一侧恰好盖住目标为 1 的点（实心橙点），"
        "就实现了{gate}。",
        "en": "{n} of 4 right. Move the line so that the shaded side covers exactly the points "
        "with target 1 (filled orange), and you have {gate}.",
    },
    "perceptron.xor_try": {
        "zh": "答对 {n}/4。尽管试：对异或门，任何直线最多只能答对 3 个（原因见第 2 节）。",
        "en": "{n} of 4 right. Try as long as you like: for XOR no line gets more than 3 right "
        "(section 2 shows why).",
    },
    "perceptron.slice_explain": {
        "zh": "**解有无穷多组。** 右图绿色区域里的每一个 (w1, w2)，配上当前的 b，都实现同一个门；"
        "拖动 b，区域也跟着变。再把 (w1, w2, b) 同时乘以任意正数，输出也不变，"
        "所以在三维的 (w1, w2, b) 空间里，解是一整个锥体。训练，就是在这无数组解里找到一组。",
        "en": "**There are infinitely many solutions.** Every (w1, w2) in the green region, with "
        "the current b, realises the same gate; drag b and the region changes. Multiply (w1, w2, "
        "b) by any positive number and no output changes either, so in (w1, w2, b) space the "
        "solutions fill a whole cone. Training means finding one of them.",
    },
    "perceptron.not_note": {
        "zh": "非门只有一个输入：这里让它读 x1，w2 = 0 表示不看 x2。",
        "en": "NOT has a single input: here it reads x1, and w2 = 0 means x2 is ignored.",
    },
    # -- 2 XOR
    "perceptron.xor_title": {
        "zh": "2 异或门：一条直线做不到",
        "en": "2 XOR: no single line can do it",
    },
    "perceptron.xor_proof": {
        "zh": "异或门要求：(0, 0) → 0，即 b ≤ 0；(0, 1) → 1，即 w2 + b > 0；"
        "(1, 0) → 1，即 w1 + b > 0；(1, 1) → 0，即 w1 + w2 + b ≤ 0。\n\n"
        "把中间两式相加得 w1 + w2 + 2b > 0，也就是 w1 + w2 + b > −b ≥ 0，与最后一式矛盾。"
        "所以**不存在**能实现异或的 (w1, w2, b)。单层感知机只能用一条直线把平面切成两半，"
        "而异或的两个 1 在一条对角线上，两个 0 在另一条对角线上。",
        "en": "XOR needs (0, 0) → 0, so b ≤ 0; (0, 1) → 1, so w2 + b > 0; (1, 0) → 1, so "
        "w1 + b > 0; and (1, 1) → 0, so w1 + w2 + b ≤ 0.\n\n"
        "Adding the middle two gives w1 + w2 + 2b > 0, that is w1 + w2 + b > −b ≥ 0, which "
        "contradicts the last one. So **no** (w1, w2, b) realises XOR. A single-layer "
        "perceptron can only cut the plane in two with one straight line, and XOR's two 1s sit "
        "on one diagonal, its two 0s on the other.",
    },
    "perceptron.xor_verdict": {
        "zh": "精确检验 `lab.separability.linearly_separable` 对异或的结论：线性可分 {separable}。"
        "最好的直线也只能答对 {best}/4，右图就是一条。",
        "en": "The exact test `lab.separability.linearly_separable` on XOR: linearly separable "
        "{separable}. The best any line can do is {best} of 4; the chart shows one.",
    },
    "perceptron.best_title": {
        "zh": "最好的直线：答对 {n}/4",
        "en": "The best line: {n} of 4 right",
    },
    "perceptron.two_title": {
        "zh": "两层感知机：NAND + OR → AND",
        "en": "Two layers: NAND + OR → AND",
    },
    "perceptron.two_intro": {
        "zh": "书中的做法：第一层是两个感知机 s1 = NAND(x1, x2) 和 s2 = OR(x1, x2)，"
        "第二层 y = AND(s1, s2)。左图：两条直线夹出的带状区域里 NAND 和 OR 都输出 1，"
        "恰好就是异或为 1 的地方。右图：第一层把四个输入搬到 (s1, s2) 平面上，"
        "(0, 1) 和 (1, 0) 落在同一点 (1, 1)，这时一条直线（与门）就能把它们分开。",
        "en": "The book's way: a first layer of two perceptrons, s1 = NAND(x1, x2) and "
        "s2 = OR(x1, x2), then a second layer y = AND(s1, s2). Left: in the strip between the "
        "two lines both NAND and OR output 1, which is exactly where XOR is 1. Right: the first "
        "layer moves the four inputs to the (s1, s2) plane, where (0, 1) and (1, 0) land on the "
        "same point (1, 1), and one line (AND) separates them.",
    },
    "perceptron.col_s1": {"zh": "s1 = NAND", "en": "s1 = NAND"},
    "perceptron.col_s2": {"zh": "s2 = OR", "en": "s2 = OR"},
    "perceptron.col_xor": {"zh": "y = AND(s1, s2)", "en": "y = AND(s1, s2)"},
    "perceptron.two_plane": {"zh": "输入平面上的两条直线", "en": "Two lines in the input plane"},
    "perceptron.band": {"zh": "NAND = 1 且 OR = 1", "en": "NAND = 1 and OR = 1"},
    "perceptron.nand_line": {"zh": "NAND 的直线", "en": "NAND's line"},
    "perceptron.or_line": {"zh": "OR 的直线", "en": "OR's line"},
    "perceptron.and_line": {"zh": "AND 的直线", "en": "AND's line"},
    "perceptron.s_plane": {
        "zh": "第一层的输出平面 (s1, s2)",
        "en": "The first layer's outputs (s1, s2)",
    },
    "perceptron.s1": {"zh": "s1 = NAND(x1, x2)", "en": "s1 = NAND(x1, x2)"},
    "perceptron.s2": {"zh": "s2 = OR(x1, x2)", "en": "s2 = OR(x1, x2)"},
    "perceptron.s_caption": {
        "zh": "右图每个点旁标着它来自哪个输入 (x1, x2)。把感知机叠成两层，就能表示一条直线表示不了的东西："
        "这正是多层感知机的意义。",
        "en": "On the right, each point is labelled with the input (x1, x2) it came from. "
        "Stacking perceptrons in layers represents what one line cannot: that is the point of a "
        "multi-layer perceptron.",
    },
    # -- 3 MLP
    "perceptron.mlp_title": {
        "zh": "3 用反向传播训练的小网络：弯曲的边界",
        "en": "3 A small network trained by backprop: a curved boundary",
    },
    "perceptron.mlp_intro": {
        "zh": "把阶跃函数换成平滑的激活函数，网络就能用梯度来训练。这里是一个 2 → 隐藏层 → 2 的网络"
        "（`lab.network.MultiLayerNet`，Adam 优化器，softmax 输出），只喂异或的四个点。"
        "颜色表示网络认为 y = 1 的概率，黑线是概率为 0.5 的决策边界：它是弯的。"
        "用图下的 ▶ 播放训练过程，或拖动图下的滑块看某一次迭代，右边的损失曲线跟着标出同一次迭代。",
        "en": "Swap the step function for a smooth activation and the network can be trained by "
        "gradients. Here a 2 → hidden → 2 network (`lab.network.MultiLayerNet`, the Adam "
        "optimizer, a softmax output) is fed only XOR's four points. The colour is the "
        "network's probability that y = 1; the black line, where it is 0.5, is the decision "
        "boundary, and it is curved. Press ▶ under the chart to play the training, or drag "
        "the slider under it to one iteration; the loss curve on the right marks the same one.",
    },
    "perceptron.hidden": {"zh": "隐藏层神经元个数", "en": "hidden units"},
    "perceptron.activation": {"zh": "隐藏层激活函数", "en": "hidden activation"},
    "perceptron.act.sigmoid": {"zh": "Sigmoid", "en": "Sigmoid"},
    "perceptron.act.relu": {"zh": "ReLU", "en": "ReLU"},
    "perceptron.seed": {"zh": "随机种子（初始权重）", "en": "random seed (initial weights)"},
    "perceptron.mlp_table": {
        "zh": "训练结束（第 {it} 次迭代）时网络对四个输入的输出：",
        "en": "The network's outputs for the four inputs at the end of training (iteration {it}):",
    },
    "perceptron.mlp_frame": {"zh": "第 {it} 次迭代", "en": "Iteration {it}"},
    "perceptron.prob": {"zh": "P(y = 1)", "en": "P(y = 1)"},
    "perceptron.play": {"zh": "▶ 播放", "en": "▶ Play"},
    "perceptron.pause": {"zh": "‖ 暂停", "en": "‖ Pause"},
    "perceptron.loss": {"zh": "损失", "en": "loss"},
    "perceptron.iter_axis": {"zh": "迭代次数", "en": "iteration"},
    "perceptron.loss_axis": {"zh": "交叉熵损失（对数刻度）", "en": "cross-entropy (log scale)"},
    "perceptron.col_p": {"zh": "P(y = 1)", "en": "P(y = 1)"},
    "perceptron.mlp_ok": {
        "zh": "训练结束时四个点全部分对。边界之所以能弯，靠的是隐藏层的非线性：单个感知机只能画直线。",
        "en": "By the end of training all four points are right. The boundary can bend thanks "
        "to the hidden layer's nonlinearity; a single perceptron can only draw a straight line.",
    },
    "perceptron.mlp_stuck": {
        "zh": "这组设置卡住了，训练结束时只分对 {n}/4：梯度下降陷进了局部最优"
        "（隐藏层太小、或 ReLU 神经元“死掉”时常见）。换个随机种子，或多加几个隐藏神经元再试试。",
        "en": "This setting gets stuck at {n} of 4 by the end of training: gradient descent fell "
        "into a local minimum (common with a tiny hidden layer or 'dead' ReLU units). Try "
        "another seed, or more hidden units.",
    },
    # -- 4 learning rule
    "perceptron.rule_title": {
        "zh": "4 感知机学习规则：看直线一步步移动",
        "en": "4 The perceptron learning rule: watch the line move",
    },
    "perceptron.rule_intro": {
        "zh": "从一条随机的直线出发，按顺序一次看一个输入：答对了就不动；答错了，"
        "就按下面的规则把直线往正确的方向推一下（η 是学习率）：\n\n"
        "$$w \\leftarrow w + \\eta\\,(t - y)\\,x, \\qquad b \\leftarrow b + \\eta\\,(t - y)$$\n\n"
        "四个输入都看一遍叫一轮（epoch）。只要存在能分开两类点的直线，"
        "这条规则一定会在有限步内停下来（Novikoff 定理）。",
        "en": "Start from a random line and look at one input at a time, in order: if the "
        "output is right, nothing changes; if it is wrong, push the line the right way with the "
        "rule below (η is the learning rate):\n\n"
        "$$w \\leftarrow w + \\eta\\,(t - y)\\,x, \\qquad b \\leftarrow b + \\eta\\,(t - y)$$\n\n"
        "One pass over the four inputs is an epoch. Whenever some line separates the two "
        "classes, the rule is guaranteed to stop after finitely many mistakes (Novikoff's "
        "theorem).",
    },
    "perceptron.lr": {"zh": "学习率 η", "en": "learning rate η"},
    "perceptron.start_seed": {"zh": "起始直线（随机种子）", "en": "starting line (random seed)"},
    "perceptron.step": {"zh": "第几步", "en": "step"},
    "perceptron.rule_frame": {"zh": "第 {k} 步之后的直线", "en": "The line after step {k}"},
    "perceptron.line_generic": {
        "zh": "直线 w1·x1 + w2·x2 + b = 0",
        "en": "line w1·x1 + w2·x2 + b = 0",
    },
    "perceptron.shown": {"zh": "这一步看的输入", "en": "input looked at in this step"},
    "perceptron.step0": {
        "zh": "**起点**：w = ({w1:.2f}, {w2:.2f})，b = {b:.2f}。向右拖动左边的“第几步”，看直线一步步移动。",
        "en": "**Start**: w = ({w1:.2f}, {w2:.2f}), b = {b:.2f}. Drag the step slider on the left "
        "to move the line step by step.",
    },
    "perceptron.step_ok": {
        "zh": "**第 {k} 步**（第 {epoch} 轮）：输入 x = ({x1:g}, {x2:g})，目标 t = {t}，输出 y = {y}。"
        "答对了，w = ({w1:.2f}, {w2:.2f}) 和 b = {b:.2f} 都不变。",
        "en": "**Step {k}** (epoch {epoch}): input x = ({x1:g}, {x2:g}), target t = {t}, output "
        "y = {y}. Right, so w = ({w1:.2f}, {w2:.2f}) and b = {b:.2f} stay.",
    },
    "perceptron.step_fix": {
        "zh": "**第 {k} 步**（第 {epoch} 轮）：输入 x = ({x1:g}, {x2:g})，目标 t = {t}，输出 y = {y}。"
        "答错了，更新：\n\n"
        "w ← ({w1:.2f}, {w2:.2f}) + {lr:g} × ({t} − {y}) × ({x1:g}, {x2:g}) = ({nw1:.2f}, {nw2:.2f})\n\n"
        "b ← {b:.2f} + {lr:g} × ({t} − {y}) = {nb:.2f}",
        "en": "**Step {k}** (epoch {epoch}): input x = ({x1:g}, {x2:g}), target t = {t}, output "
        "y = {y}. Wrong, so update:\n\n"
        "w ← ({w1:.2f}, {w2:.2f}) + {lr:g} × ({t} − {y}) × ({x1:g}, {x2:g}) = "
        "({nw1:.2f}, {nw2:.2f})\n\n"
        "b ← {b:.2f} + {lr:g} × ({t} − {y}) = {nb:.2f}",
    },
    "perceptron.step_after": {
        "zh": "训练在第 {steps} 步就停了，再往后拖，直线也不会再动。",
        "en": "Training stopped at step {steps}; later steps do not move the line.",
    },
    "perceptron.epoch_axis": {"zh": "轮次（epoch）", "en": "epoch"},
    "perceptron.errors_axis": {"zh": "答错的个数", "en": "mistakes"},
    "perceptron.errors_title": {"zh": "每一轮答错几个", "en": "Mistakes per epoch"},
    "perceptron.rule_converged": {
        "zh": "第 {epochs} 轮一个都没答错：直线已经把两类点分开，规则停了下来（共 {steps} 步）。",
        "en": "Epoch {epochs} made no mistake: the line separates the two classes, and the rule "
        "stops (after {steps} steps).",
    },
    "perceptron.rule_loop": {
        "zh": "**异或永远学不会。** 没有任何直线能分开这四个点（见第 2 节），所以每一轮至少答错一个，"
        "而每答错一次，规则就要改动 w 和 b，直线永远停不下来。这里输入按固定顺序出现，"
        "从第 {first} 轮起，权重每隔 {period} 轮就回到同一组值：规则陷入了死循环。",
        "en": "**XOR is never learnt.** No line separates these four points (see section 2), so "
        "every epoch gets at least one wrong, and every mistake changes w and b: the line can "
        "never settle. Here the inputs come in a fixed order, and from epoch {first} on the "
        "weights come back to the same values every {period} epochs: the rule is stuck in a loop.",
    },
    "perceptron.rule_loop1": {
        "zh": "**异或永远学不会。** 没有任何直线能分开这四个点（见第 2 节），所以每一轮至少答错一个，"
        "而每答错一次，规则就要改动 w 和 b，直线永远停不下来。这里从第 {first} 轮起，"
        "每一轮四个输入全错：w 的四次修正 η·[−(0, 0) + (0, 1) + (1, 0) − (1, 1)] = (0, 0)，"
        "b 的四次修正 η·(−1 + 1 + 1 − 1) = 0，恰好相互抵消，w 和 b 回到这一轮开始时的值：规则陷入了死循环。",
        "en": "**XOR is never learnt.** No line separates these four points (see section 2), so "
        "every epoch gets at least one wrong, and every mistake changes w and b: the line can "
        "never settle. Here, from epoch {first} on, every epoch gets all four inputs wrong: the "
        "four corrections to w, η·[−(0, 0) + (0, 1) + (1, 0) − (1, 1)] = (0, 0), and to b, "
        "η·(−1 + 1 + 1 − 1) = 0, cancel exactly, so w and b return to where the epoch started: "
        "the rule is stuck in a loop.",
    },
    "perceptron.rule_never": {
        "zh": "**异或永远学不会。** 没有任何直线能分开这四个点（见第 2 节），所以每一轮至少答错一个，"
        "而每答错一次，规则就要改动 w 和 b，直线永远停不下来。",
        "en": "**XOR is never learnt.** No line separates these four points (see section 2), so "
        "every epoch gets at least one wrong, and every mistake changes w and b: the line can "
        "never settle.",
    },
    "perceptron.rule_slow": {
        "zh": "{epochs} 轮之内还没学会。这个门是线性可分的，规则最终一定会停下；换个学习率或起点试试。",
        "en": "Not learnt within {epochs} epochs. This gate is linearly separable, so the rule "
        "will stop eventually; try another learning rate or start.",
    },
}
