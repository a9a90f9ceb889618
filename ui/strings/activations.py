"""Strings of the activation-curve explorer (pages/activations.py)."""

STRINGS = {
    "activations.title": {"zh": "激活函数探索器", "en": "Activation functions"},
    "activations.card": {
        "zh": "叠加阶跃、Sigmoid、ReLU 等函数和它们的导数，看清为什么神经网络需要非线性。",
        "en": "Overlay step, sigmoid, ReLU and friends with their derivatives, and see why a "
        "network needs nonlinearity.",
    },
    "activations.lead": {
        "zh": "选几个激活函数叠在一起看，打开导数，把鼠标移到曲线上读数。",
        "en": "Overlay a few activation functions, switch on their derivatives, hover to read "
        "values.",
    },
    "activations.intro": {
        "zh": "一个神经元先算加权和 a = w·x + b，再经过激活函数 h(a) 得到输出。"
        "图中每条实线是一个 h(x)，虚线是它的导数 h′(x)：训练时梯度要乘上它。"
        "页面最后一节演示：没有非线性，两层网络等于一层，只能画直线。",
        "en": "A neuron computes a weighted sum a = w·x + b, then an activation function h(a). "
        "Each solid line is one h(x), each dashed line its derivative h′(x), which every "
        "gradient is multiplied by during training. The last section shows that without "
        "nonlinearity two layers are just one, and can only draw a straight line.",
    },
    "activations.book_caption": {
        "zh": "书中第 3 章的代码：把阶跃函数、Sigmoid 和 ReLU 画在一张图上。在 Notebook 里输入这段代码，"
        "就会得到右边这张图（它正是由这段代码画出来的）。",
        "en": "The book's chapter 3 code: step, sigmoid and ReLU on one plot. Type it into a "
        "notebook and you get the figure on the right (drawn by exactly this code).",
    },
    "activations.pick": {"zh": "要叠加的函数", "en": "Functions to overlay"},
    "activations.pick_help": {
        "zh": "可多选；前六个出自书中，softplus 和 GELU 是书外的补充。",
        "en": "Pick several; the first six are the book's, softplus and GELU go beyond it.",
    },
    "activations.derivs": {"zh": "显示导数 h′(x)（虚线）", "en": "Show derivatives h′(x) (dashed)"},
    "activations.xrange": {"zh": "x 的范围", "en": "x range"},
    "activations.alpha": {"zh": "Leaky ReLU 的负半轴斜率 α", "en": "Leaky ReLU negative slope α"},
    "activations.none": {
        "zh": "至少选择一个函数，曲线才会出现。",
        "en": "Pick at least one function to draw a curve.",
    },
    "activations.x_axis": {"zh": "输入 x", "en": "input x"},
    "activations.y_axis": {"zh": "输出 h(x)", "en": "output h(x)"},
    "activations.chart_title": {
        "zh": "激活函数及其导数",
        "en": "Activation functions and derivatives",
    },
    "activations.deriv_suffix": {"zh": "的导数", "en": " derivative"},
    "activations.formulas": {"zh": "公式", "en": "Formulas"},
    "activations.fn.step": {"zh": "阶跃函数", "en": "Step"},
    "activations.fn.sigmoid": {"zh": "Sigmoid", "en": "Sigmoid"},
    "activations.fn.relu": {"zh": "ReLU", "en": "ReLU"},
    "activations.fn.leaky_relu": {"zh": "Leaky ReLU", "en": "Leaky ReLU"},
    "activations.fn.tanh": {"zh": "tanh（双曲正切）", "en": "tanh"},
    "activations.fn.identity": {"zh": "恒等函数", "en": "Identity"},
    "activations.fn.softplus": {"zh": "Softplus", "en": "Softplus"},
    "activations.fn.gelu": {"zh": "GELU", "en": "GELU"},
    "activations.circuits_title": {"zh": "数字电路与模拟电路", "en": "Digital and analog circuits"},
    "activations.circuits": {
        "zh": "**阶跃函数 = 数字电路**：输出只有 0 和 1，像开关；它的导数处处为 0（在 0 点无定义），"
        "所以梯度没法告诉参数该往哪调。\n\n**Sigmoid = 模拟电路**：输出在 0 到 1 之间连续变化，"
        "处处可导，导数最大值 0.25 出现在 x = 0。深度学习其实是“可微分计算机”：它不是在执行逻辑，"
        "而是在优化函数，所以需要平滑的激活函数。",
        "en": "**Step = a digital circuit**: the output is only 0 or 1, like a switch; its "
        "derivative is 0 everywhere (undefined at 0), so the gradient cannot tell a weight which "
        "way to move.\n\n**Sigmoid = an analog circuit**: the output varies smoothly between 0 "
        "and 1, and it is differentiable everywhere, with its largest slope 0.25 at x = 0. Deep "
        "learning is a *differentiable computer*: it does not execute logic, it optimises a "
        "function, so it needs smooth activations.",
    },
    "activations.kink": {
        "zh": "约定：ReLU 在 0 点的导数取 0（与书中 Relu 层的 mask = (x <= 0) 一致）。",
        "en": "Convention: ReLU′(0) = 0 (as the book's Relu layer, whose mask is x <= 0).",
    },
    "activations.nonlin_title": {
        "zh": "为什么需要非线性：两层线性 = 一层线性",
        "en": "Why nonlinearity matters: two linear layers = one",
    },
    "activations.nonlin_intro": {
        "zh": "一个 1 → 2 → 1 的小网络：隐藏层两个神经元 a = w(x ± c)，输出 y = h(a₁) − 0.5·h(a₂)。"
        "同样的权重，只换隐藏层的激活函数 h。",
        "en": "A tiny 1 → 2 → 1 network: two hidden units a = w(x ± c), output "
        "y = h(a₁) − 0.5·h(a₂). Same weights; only the hidden activation h changes.",
    },
    "activations.nonlin_w": {"zh": "陡峭程度 w", "en": "steepness w"},
    "activations.nonlin_c": {"zh": "偏移 c", "en": "offset c"},
    "activations.nonlin_h": {"zh": "隐藏层激活函数 h", "en": "hidden activation h"},
    "activations.nonlin_linear": {
        "zh": "线性（恒等）：两层",
        "en": "linear (identity): two layers",
    },
    "activations.nonlin_curve": {"zh": "{name}：两层", "en": "{name}: two layers"},
    "activations.nonlin_y": {"zh": "网络输出 y", "en": "network output y"},
    "activations.nonlin_collapse": {
        "zh": "两层线性网络化简成一层：y = {slope:.3f}·x + {intercept:.3f}（W = W1·W2，"
        "b = b1·W2 + b2），与两层逐点相差最多 {err:.1e}。无论叠多少层，线性的组合仍是一条直线；"
        "{name} 让曲线弯曲，网络才能表示直线以外的东西。",
        "en": "The two linear layers collapse to one: y = {slope:.3f}·x + {intercept:.3f} "
        "(W = W1·W2, b = b1·W2 + b2), at most {err:.1e} from the two-layer output. Stack as many "
        "linear layers as you like: it is still one line. {name} bends the curve, which is what "
        "lets a network represent anything else.",
    },
}
