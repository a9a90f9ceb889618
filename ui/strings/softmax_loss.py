"""Strings of the softmax and loss-function page (pages/softmax_loss.py)."""

STRINGS = {
    "softmax_loss.title": {"zh": "Softmax 与损失函数", "en": "Softmax and loss functions"},
    "softmax_loss.card": {
        "zh": "把打分变成概率，看朴素 softmax 怎样溢出成 nan；比较均方误差与交叉熵，用真实 MNIST 图像抽一个 mini-batch。",
        "en": "Turn scores into probabilities, watch the naive softmax overflow to nan, compare "
        "squared error with cross entropy, and draw a mini-batch of real MNIST images.",
    },
    "softmax_loss.intro": {
        "zh": "**你将看到：** 神经网络最后一层先给每个类别打一个分（logits），softmax 把这些分数变成一组加起来等于 1 的概率，"
        "概率最大的类别就是网络的决定。训练时用损失函数给这组概率打分：正确类别的概率越高，损失越小。"
        "在下面输入你自己的打分、调节温度，看朴素 softmax 为什么会溢出，拖动“正确类别的概率”看各种损失怎样变化，"
        "最后从 6 万张训练图像里随机抽一个 mini-batch。",
        "en": "**What you will see:** a network's last layer gives every class a score (logits); "
        "softmax turns the scores into probabilities that add up to 1, and the most probable "
        "class is the network's decision. In training a loss function grades those "
        "probabilities: the higher the probability of the right class, the smaller the loss. "
        "Type your own scores and change the temperature, see why the naive softmax overflows, "
        "drag the probability of the right class to watch each loss move, and finally draw a "
        "random mini-batch from the 60,000 training images.",
    },
    # --- from scores to a decision ---------------------------------------------------------
    "softmax_loss.lead": {
        "zh": "输入网络最后一层的打分，看 softmax 把它们变成加起来等于 1 的概率，概率最大的就是网络的决定。",
        "en": "Type a network's last-layer scores: softmax makes them probabilities that sum to "
        "1, and the most probable class wins.",
    },
    "softmax_loss.logits": {
        "zh": "打分 a（logits），用逗号分隔",
        "en": "Scores a (logits), comma-separated",
    },
    "softmax_loss.logits_help": {
        "zh": "2 到 20 个数，例如书中的 0.3, 2.9, 4.0。可以用逗号、空格或顿号分隔，大数（如 1000）也可以。",
        "en": "2 to 20 numbers, e.g. the book's 0.3, 2.9, 4.0. Separate them with commas or "
        "spaces; large ones such as 1000 are fine.",
    },
    "softmax_loss.temperature": {"zh": "温度 T", "en": "Temperature T"},
    "softmax_loss.temperature_help": {
        "zh": "计算 softmax(a / T)。T = 1 就是书中的 softmax。",
        "en": "Computes softmax(a / T). T = 1 is the book's softmax.",
    },
    "softmax_loss.compare_sigmoid": {"zh": "对比各自独立的 sigmoid", "en": "Compare with sigmoid"},
    "softmax_loss.compare_sigmoid_help": {
        "zh": "每个打分单独经过 sigmoid，画在 softmax 旁边。",
        "en": "Each score through its own sigmoid, drawn next to softmax.",
    },
    "softmax_loss.bad_logits.empty": {
        "zh": "请输入打分，例如 0.3, 2.9, 4.0。",
        "en": "Type some scores, e.g. 0.3, 2.9, 4.0.",
    },
    "softmax_loss.bad_logits.number": {
        "zh": "{token} 不是一个数。请输入用逗号分隔的数字，例如 0.3, 2.9, 4.0。",
        "en": "{token} is not a number. Type numbers separated by commas, e.g. 0.3, 2.9, 4.0.",
    },
    "softmax_loss.bad_logits.finite": {
        "zh": "{token} 不是有限的数。softmax 需要有限的打分；很大的数（如 1000）是可以的。",
        "en": "{token} is not a finite number. Softmax needs finite scores; large ones such "
        "as 1000 are fine.",
    },
    "softmax_loss.bad_logits.count": {
        "zh": "现在有 {token} 个数。请输入 2 到 {max} 个打分。",
        "en": "That is {token} number(s). Type between 2 and {max} scores.",
    },
    "softmax_loss.class_axis": {"zh": "类别 k", "en": "class k"},
    "softmax_loss.prob_axis": {"zh": "概率 y_k", "en": "probability y_k"},
    "softmax_loss.prob_chart": {
        "zh": "softmax(a / T) 给出的概率",
        "en": "Probabilities softmax(a / T)",
    },
    "softmax_loss.series_softmax": {"zh": "softmax：彼此竞争", "en": "softmax: competing"},
    "softmax_loss.series_sigmoid": {"zh": "sigmoid：各自独立", "en": "sigmoid: independent"},
    "softmax_loss.sums": {
        "zh": "softmax 的输出加起来是 {soft:.4f}；每个打分单独过 sigmoid，加起来是 {sig:.4f}（不等于 1）。",
        "en": "The softmax outputs add up to {soft:.4f}; the separate sigmoids add up to "
        "{sig:.4f} (not 1).",
    },
    "softmax_loss.temperature_note": {
        "zh": "T < 1 让分布更“尖”（更自信），T > 1 让分布更“平”（更犹豫）。无论 T 取多少，概率最大的类别都不变："
        "softmax 保持打分的大小顺序，所以推理时常常省略 softmax，直接取打分最大的类别。",
        "en": "T < 1 makes the distribution sharper (more confident), T > 1 flatter (less "
        "sure). Whatever T is, the most probable class stays the same: softmax keeps the order "
        "of the scores, which is why inference often skips softmax and takes the largest score.",
    },
    "softmax_loss.pipe_features": {"zh": "特征 x", "en": "Features x"},
    "softmax_loss.pipe_features_body": {
        "zh": "例如一张图像的 784 个像素",
        "en": "e.g. the 784 pixels of an image",
    },
    "softmax_loss.pipe_logits": {"zh": "打分 a（logits）", "en": "Scores a (logits)"},
    "softmax_loss.pipe_softmax": {"zh": "softmax", "en": "softmax"},
    "softmax_loss.pipe_probs": {"zh": "概率 y", "en": "Probabilities y"},
    "softmax_loss.pipe_decision": {"zh": "决策", "en": "Decision"},
    "softmax_loss.pipe_decision_body": {
        "zh": "类别 **{k}**（概率 {p:.3f}）",
        "en": "class **{k}** (probability {p:.3f})",
    },
    "softmax_loss.why_scores": {
        "zh": "**为什么网络不直接输出概率？** 打分是自然的、好学的、数值稳定的；概率是“比较之后的结果”，"
        "适合在最后一步再算。",
        "en": "**Why doesn't the network output probabilities directly?** Scores are natural, "
        "easy to learn and numerically stable; probabilities are the result of a comparison, "
        "best computed in the very last step.",
    },
    # --- overflow ------------------------------------------------------------------------------
    "softmax_loss.overflow_title": {
        "zh": "溢出：朴素的 softmax 与稳定的 softmax",
        "en": "Overflow: the naive and the stable softmax",
    },
    "softmax_loss.overflow_intro": {
        "zh": "直接按公式计算 exp(a) / Σexp(a) 时，只要某个打分超过约 {limit:.2f}，exp 就超出 float64 的上限"
        "（约 1.8 × 10³⁰⁸），变成 inf，而 inf / inf 得到 nan。书中的改进是先减去最大值 c = max(a)："
        "结果不变，但最大的指数变成 exp(0) = 1，永远不会溢出。",
        "en": "Computing exp(a) / Σ exp(a) as written, a score above about {limit:.2f} makes "
        "exp exceed float64's largest number (about 1.8 × 10³⁰⁸): it becomes inf, and "
        "inf / inf is nan. The book's fix subtracts the largest score c = max(a) first: the "
        "result is the same, but the largest exponent is now exp(0) = 1, which never overflows.",
    },
    "softmax_loss.shift": {
        "zh": "打分 = [c + 10, c, c − 10]，c =",
        "en": "Scores = [c + 10, c, c − 10], with c =",
    },
    "softmax_loss.shift_help": {
        "zh": "c = 1000 就是书中的例子 [1010, 1000, 990]。",
        "en": "c = 1000 gives the book's example [1010, 1000, 990].",
    },
    "softmax_loss.col_a": {"zh": "打分 a", "en": "score a"},
    "softmax_loss.col_exp_a": {"zh": "exp(a)", "en": "exp(a)"},
    "softmax_loss.col_naive": {"zh": "朴素 softmax", "en": "naive softmax"},
    "softmax_loss.col_shifted": {"zh": "a − c", "en": "a − c"},
    "softmax_loss.col_exp_shifted": {"zh": "exp(a − c)", "en": "exp(a − c)"},
    "softmax_loss.col_stable": {"zh": "稳定 softmax", "en": "stable softmax"},
    "softmax_loss.overflow_yes": {
        "zh": "朴素 softmax 溢出了：最大打分 {a:g} 超过了 {limit:.2f}，exp(a) = inf，inf / inf = nan。"
        "稳定版本减去 c = {a:g} 后一切正常。",
        "en": "The naive softmax overflowed: the largest score {a:g} is above {limit:.2f}, so "
        "exp(a) = inf and inf / inf = nan. The stable version subtracts c = {a:g} and is fine.",
    },
    "softmax_loss.overflow_no": {
        "zh": "还没有溢出：最大打分 {a:g} 不超过 {limit:.2f}，两种算法的结果相同。把 c 往右拖。",
        "en": "No overflow yet: the largest score {a:g} is at most {limit:.2f}, and both "
        "versions agree. Drag c to the right.",
    },
    # --- sigmoid vs softmax ---------------------------------------------------------------------
    "softmax_loss.sig_vs_soft_title": {"zh": "Sigmoid 还是 softmax？", "en": "Sigmoid or softmax?"},
    "softmax_loss.sig_vs_soft_table": {
        "zh": "| 对比 | Sigmoid | Softmax |\n|---|---|---|\n"
        "| 作用 | 单个输出变概率 | 一组输出变概率 |\n"
        "| 关系 | 彼此独立 | 彼此竞争 |\n"
        "| 用途 | 二分类 / 多标签 | 多分类（只能选一个） |\n"
        "| 输出和 | 不等于 1 | 必定等于 1 |",
        "en": "| | Sigmoid | Softmax |\n|---|---|---|\n"
        "| Does | turns one output into a probability | turns a group of outputs into probabilities |\n"
        "| Outputs are | independent | competing |\n"
        "| Used for | two classes / several labels at once | many classes, pick exactly one |\n"
        "| Outputs add up to | anything | exactly 1 |",
    },
    # --- losses ---------------------------------------------------------------------------------
    "softmax_loss.losses_title": {
        "zh": "损失函数：书中的例子",
        "en": "Loss functions: the book's example",
    },
    "softmax_loss.losses_intro": {
        "zh": "正确答案是“2”。书中比较了两个输出 y：一个把 0.6 的概率给了“2”（猜对），一个把 0.6 给了“7”（猜错）。"
        "标签可以写成 one-hot 向量 t = [0, 0, 1, 0, …]，也可以直接写成类别编号 t = 2，交叉熵的结果相同。",
        "en": "The right answer is “2”. The book compares two outputs y: one puts probability "
        "0.6 on “2” (right), the other 0.6 on “7” (wrong). The label can be a one-hot vector "
        "t = [0, 0, 1, 0, …] or just the class number t = 2; cross entropy gives the same value.",
    },
    "softmax_loss.example": {"zh": "输出 y", "en": "Output y"},
    "softmax_loss.example.right": {"zh": "猜对：0.6 给了“2”", "en": "right: 0.6 on “2”"},
    "softmax_loss.example.wrong": {"zh": "猜错：0.6 给了“7”", "en": "wrong: 0.6 on “7”"},
    "softmax_loss.example.batch": {
        "zh": "两个一起，作为一个 batch（N = 2）",
        "en": "both together, as a batch (N = 2)",
    },
    "softmax_loss.series_y": {"zh": "输出 y（{name}）", "en": "output y ({name})"},
    "softmax_loss.y_chart": {
        "zh": "网络输出 y；加粗边框的是正确类别“2”",
        "en": "Network output y; the outlined bar is the right class “2”",
    },
    "softmax_loss.col_loss": {"zh": "损失函数", "en": "loss function"},
    "softmax_loss.col_formula": {"zh": "公式", "en": "formula"},
    "softmax_loss.col_value": {"zh": "本实验室算出", "en": "computed here"},
    "softmax_loss.col_book": {"zh": "书中打印", "en": "the book prints"},
    "softmax_loss.loss.mse": {
        "zh": "均方误差 MSE（按定义：取平均）",
        "en": "mean squared error (by definition: a mean)",
    },
    "softmax_loss.loss.sse": {
        "zh": "书中的“均方误差”（0.5 × 平方和）",
        "en": "the book's “mean squared error” (0.5 × sum)",
    },
    "softmax_loss.loss.ce_onehot": {"zh": "交叉熵，t 为 one-hot", "en": "cross entropy, one-hot t"},
    "softmax_loss.loss.ce_label": {"zh": "交叉熵，t 为类别编号", "en": "cross entropy, label t"},
    "softmax_loss.loss.ce_book": {
        "zh": "交叉熵，书中的 log(y + 1e-7)",
        "en": "cross entropy, the book's log(y + 1e-7)",
    },
    "softmax_loss.losses_note": {
        "zh": "均方误差有两种写法：按定义是取平均，书中的 mean_squared_error 其实是 0.5 × 平方和（这里叫 sum_squared_error），"
        "0.5 让导数正好是 y − t。书中的交叉熵在 y 上加了 1e-7，所以打印出 0.510825457099338；精确值 −log 0.6 = 0.5108256…，"
        "两者前 6 位相同。batch 的交叉熵是 N 个样本的平均，平方和则把整个 batch 加在一起。",
        "en": "Squared error comes in two forms: by definition it is a true mean; the book's "
        "mean_squared_error is really 0.5 × the sum (sum_squared_error here), the 0.5 making "
        "the derivative exactly y − t. The book adds 1e-7 to y inside the log and so prints "
        "0.510825457099338; the exact −log 0.6 is 0.5108256…, the same to 6 digits. "
        "On a batch, cross entropy is the mean over the N samples, while the sum of squares "
        "adds up the whole batch.",
    },
    "softmax_loss.p_title": {
        "zh": "正确类别的概率变化时，各个损失怎样变",
        "en": "How each loss moves with the probability of the right class",
    },
    "softmax_loss.p_intro": {
        "zh": "把概率 p 给正确类别“2”，剩下的 1 − p 平均分给其余 9 个类别。交叉熵只看 p：它就是 −log p。"
        "p 接近 0 时交叉熵急剧增大，平方误差却最多只有 0.56，这就是分类问题更常用交叉熵的原因：猜错得越离谱，惩罚越大，梯度也越大。",
        "en": "Give probability p to the right class “2” and share 1 − p evenly among the "
        "other 9. Cross entropy only looks at p: it is −log p. As p nears 0 cross entropy "
        "shoots up while the squared error stays below 0.56, which is why classification "
        "prefers cross entropy: the worse the mistake, the larger the penalty and its gradient.",
    },
    "softmax_loss.p": {"zh": "正确类别的概率 p", "en": "Probability p of the right class"},
    "softmax_loss.p_axis": {"zh": "正确类别的概率 p", "en": "probability p of the right class"},
    "softmax_loss.loss_axis": {"zh": "损失", "en": "loss"},
    "softmax_loss.curves_chart": {"zh": "三种损失随 p 的变化", "en": "Three losses as p moves"},
    "softmax_loss.curve.mse": {"zh": "均方误差（平均）", "en": "mean squared error"},
    "softmax_loss.curve.sse": {"zh": "0.5 × 平方和（书）", "en": "0.5 × sum of squares (book)"},
    "softmax_loss.curve.ce": {"zh": "交叉熵 −log p", "en": "cross entropy −log p"},
    "softmax_loss.curve.ce_book": {"zh": "书：−log(p + 1e-7)", "en": "book: −log(p + 1e-7)"},
    "softmax_loss.marker": {"zh": "p = {p:.2f}", "en": "p = {p:.2f}"},
    "softmax_loss.metric.mse": {"zh": "均方误差", "en": "Mean squared error"},
    "softmax_loss.metric.sse": {"zh": "0.5 × 平方和", "en": "0.5 × sum of squares"},
    "softmax_loss.metric.ce": {"zh": "交叉熵", "en": "Cross entropy"},
    "softmax_loss.guard_chart": {
        "zh": "−log y 一直到 y = 10⁻³²³：小概率保护",
        "en": "−log y all the way down to y = 10⁻³²³: the small-probability guard",
    },
    "softmax_loss.y_log_axis": {"zh": "y（对数刻度）", "en": "y (log scale)"},
    "softmax_loss.guard_note": {
        "zh": "log 0 = −∞，所以必须保护很小的概率。本实验室把 y 截断到至少 np.finfo(np.float64).tiny = {tiny:.3g}"
        "（float64 最小的正规数），于是 −log y 最大为 {cap:.2f}，而比它大的每一个概率都原样参与计算；"
        "书中的做法是给 y 加上 1e-7，损失在 y 小于 1e-7 左右就被压平在 {book_cap:.2f}，而且每个值都被轻微改变了。"
        "当前 p = 0 时交叉熵显示的就是这个上限。",
        "en": "log 0 is −∞, so small probabilities need a guard. This lab clips y to at least "
        "np.finfo(np.float64).tiny = {tiny:.3g} (float64's smallest normal number): −log y "
        "then peaks at {cap:.2f}, and every larger probability is used exactly as it is. The "
        "book instead adds 1e-7 to y: the loss flattens at {book_cap:.2f} once y is below "
        "about 1e-7, and every value shifts slightly. At p = 0 the cross entropy above shows "
        "this cap.",
    },
    # --- one-hot and mini-batch -----------------------------------------------------------------
    "softmax_loss.batch_title": {
        "zh": "one-hot 编码与 mini-batch 学习",
        "en": "One-hot labels and mini-batch learning",
    },
    "softmax_loss.batch_intro": {
        "zh": "每次训练不用全部 60000 张图，而是随机抽一小批（mini-batch）：用这一小部分数据计算损失和梯度、更新参数，"
        "再抽下一批。这样省内存、算得快，抽样带来的一点噪声还有助于跳出局部最优。"
        "下面就是书中的 np.random.choice(60000, batch_size)，从真实的 MNIST 训练集中抽取（可以重复抽到同一张）。",
        "en": "Training does not use all 60,000 images at once: it draws a small random batch, "
        "computes the loss and gradient on it, updates the parameters, then draws the next "
        "batch. It saves memory and time, and the sampling noise even helps escape poor local "
        "minima. Below is the book's np.random.choice(60000, batch_size) on the real MNIST "
        "training set (the same image can be drawn twice).",
    },
    "softmax_loss.batch_size": {"zh": "batch 大小", "en": "Batch size"},
    "softmax_loss.seed": {"zh": "随机种子", "en": "Random seed"},
    "softmax_loss.seed_help": {
        "zh": "同一个随机种子总是抽到同一批图像。",
        "en": "The same random seed always draws the same batch.",
    },
    "softmax_loss.redraw": {"zh": "再抽一批", "en": "Draw another batch"},
    "softmax_loss.batch_indices": {
        "zh": "抽到的下标 batch_mask：{idx}",
        "en": "Drawn indices batch_mask: {idx}",
    },
    "softmax_loss.batch_shapes": {
        "zh": "x_batch.shape = {x}，t_batch.shape = {t}（one-hot）",
        "en": "x_batch.shape = {x}, t_batch.shape = {t} (one-hot)",
    },
    "softmax_loss.image_caption": {"zh": "#{i} → {label}", "en": "#{i} → {label}"},
    "softmax_loss.images_note": {
        "zh": "每张图下面是它在训练集中的下标 → 它的标签。",
        "en": "Under each image: its index in the training set → its label.",
    },
    "softmax_loss.onehot_title": {
        "zh": "它们的 one-hot 标签：每一行只在正确数字的位置上是 1",
        "en": "Their one-hot labels: each row is 1 only at the right digit",
    },
    "softmax_loss.col_index": {"zh": "下标", "en": "index"},
    "softmax_loss.col_label": {"zh": "标签", "en": "label"},
    "softmax_loss.loading": {
        "zh": "正在读取 MNIST 训练集……",
        "en": "Reading the MNIST training set…",
    },
}
