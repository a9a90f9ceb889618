"""Strings of the matrix-shape playground (pages/shapes.py)."""

STRINGS = {
    "shapes.title": {"zh": "矩阵形状游乐场", "en": "Matrix shape playground"},
    "shapes.card": {
        "zh": "给 A、B 挑形状，看 np.dot、@、+、* 得到什么形状，或者为什么报错、该怎么改；"
        "再顺着三层网络和 MNIST 网络，把前向传播的每一步形状走一遍。",
        "en": "Pick shapes for A and B and see what np.dot, @, + and * give, or why numpy "
        "refuses and how to fix it; then follow the shapes through a three-layer network and "
        "the MNIST network.",
    },
    "shapes.intro": {
        "zh": "**你将看到：** 神经网络的计算几乎全是数组运算，而出错的地方多半是形状对不上。"
        "先给 A 和 B 挑形状（0 维到 3 维），选一种运算，看结果的形状；如果 numpy 报错，"
        "页面会用大白话说明是哪两个维度必须相等、怎样用转置或 reshape 改好，加法和乘法还会把广播画成网格被拉伸的样子。"
        "接着用一对示例数组算一遍矩阵乘法，逐个元素看“行乘列再求和”；"
        "然后看书中三层网络每一步的形状和真实数值（网上流传的注释里有几行是常见错误）；最后拖动批大小，看 MNIST 网络里形状和计算量怎么变化。",
        "en": "**What you will see:** a neural network is almost all array arithmetic, and most "
        "mistakes are shapes that do not fit. Pick shapes for A and B (0-D to 3-D) and an "
        "operation, and see the result's shape; when numpy refuses, the page says in plain "
        "words which two lengths must be equal and how a transpose or a reshape fixes it, and "
        "for + and * it draws broadcasting as grids being stretched. Then redo a worked "
        "matrix product cell by cell (row times column, summed), follow the shapes and the true "
        "numbers of the book's three-layer network (a few widely copied comments are wrong), and drag "
        "the batch size to see how shapes and work change in the MNIST network.",
    },
    "shapes.lead": {
        "zh": "给 A、B 挑形状和运算，看 numpy 得到的形状，或者它为什么报错、怎么改。先点一个例子试试：",
        "en": "Pick shapes for A and B and an operation: numpy's result shape, or why it refuses "
        "and how to fix it. Try an example:",
    },
    # -- 1 playground
    "shapes.example.product": {"zh": "(2, 3)·(3, 2)", "en": "(2, 3)·(3, 2)"},
    "shapes.example.vector": {"zh": "(2,)·(2, 3)", "en": "(2,)·(2, 3)"},
    "shapes.example.mismatch": {"zh": "(2, 3)·(2, 3) 报错", "en": "(2, 3)·(2, 3) fails"},
    "shapes.example.row": {"zh": "(2, 3) + (3,)", "en": "(2, 3) + (3,)"},
    "shapes.example.column": {"zh": "(2, 3) + (2,) 报错", "en": "(2, 3) + (2,) fails"},
    "shapes.example.outer": {"zh": "(3, 1) × (1, 4)", "en": "(3, 1) × (1, 4)"},
    "shapes.example.stack": {"zh": "(2, 3, 4) @ (4, 2)", "en": "(2, 3, 4) @ (4, 2)"},
    "shapes.ndim_a": {"zh": "A 的维数", "en": "A: number of axes"},
    "shapes.ndim_b": {"zh": "B 的维数", "en": "B: number of axes"},
    "shapes.ndim.0": {"zh": "0 维", "en": "0-D"},
    "shapes.ndim.1": {"zh": "1 维", "en": "1-D"},
    "shapes.ndim.2": {"zh": "2 维", "en": "2-D"},
    "shapes.ndim.3": {"zh": "3 维", "en": "3-D"},
    "shapes.ndim_help": {
        "zh": "0 维是标量（如 5），1 维是向量（如 [1, 2, 3]），2 维是矩阵（如 [[1, 2], [3, 4]]），"
        "3 维及以上叫张量（如一批图片）。",
        "en": "0-D is a scalar (5), 1-D a vector ([1, 2, 3]), 2-D a matrix ([[1, 2], [3, 4]]), "
        "3-D and up a tensor (a batch of images).",
    },
    "shapes.axis": {"zh": "第 {k} 轴长度", "en": "axis {k} length"},
    "shapes.op": {"zh": "运算", "en": "Operation"},
    "shapes.op.dot": {"zh": "np.dot(A, B)", "en": "np.dot(A, B)"},
    "shapes.op.matmul": {"zh": "A @ B", "en": "A @ B"},
    "shapes.op.add": {"zh": "A + B", "en": "A + B"},
    "shapes.op.mul": {"zh": "A * B", "en": "A * B"},
    "shapes.op_help.dot": {
        "zh": "点积 / 矩阵乘法：A 的最后一轴与 B 的倒数第二轴逐项相乘再求和。",
        "en": "Dot product / matrix product: A's last axis times B's second-to-last, summed.",
    },
    "shapes.op_help.matmul": {
        "zh": "矩阵乘法：和 np.dot 一样求和，但 3 维以上看作“一摞矩阵”逐个相乘。",
        "en": "Matrix product: sums like np.dot, but 3-D and up is a stack of matrices.",
    },
    "shapes.op_help.add": {
        "zh": "逐元素相加：形状不同时先广播（把长度为 1 的轴复制拉伸）。",
        "en": "Element-wise sum: different shapes are broadcast first (length-1 axes copied).",
    },
    "shapes.op_help.mul": {
        "zh": "逐元素相乘（不是矩阵乘法！）：规则和加法一样，先广播。",
        "en": "Element-wise product (not a matrix product!): broadcast first, like +.",
    },
    "shapes.shapes_line": {
        "zh": "A 的形状 {a}，B 的形状 {b}，运算 `{expr}`",
        "en": "A has shape {a}, B has shape {b}, operation `{expr}`",
    },
    "shapes.result": {
        "zh": "`{expr}` 的结果形状是 {shape}",
        "en": "`{expr}` gives shape {shape}",
    },
    "shapes.ok_inner": {
        "zh": "A 的第 {a_axis} 轴（长 {a_size}）和 B 的第 {b_axis} 轴（长 {b_size}）长度相同，"
        "它们的元素一一相乘再求和，这两个轴就“消失”了；剩下的轴按顺序组成结果 {shape}。",
        "en": "A's axis {a_axis} (length {a_size}) and B's axis {b_axis} (length {b_size}) "
        "match: their entries are multiplied pairwise and summed, so both axes disappear, and "
        "the remaining axes, in order, make the result {shape}.",
    },
    "shapes.ok_scalar": {
        "zh": "有一个是 0 维的标量：np.dot 此时就是普通的逐元素乘法，结果和另一个数组形状相同 {shape}。",
        "en": "One of them is a 0-D scalar: np.dot is then a plain element-wise product, with "
        "the other array's shape {shape}.",
    },
    "shapes.ok_broadcast": {
        "zh": "广播：从最右边的轴开始两两比较，长度相等，或其中一个是 1（缺的轴当作 1），就能配上；"
        "长度为 1 的轴被复制拉伸，结果形状是 {shape}。下图淡色的格子就是复制出来的。",
        "en": "Broadcasting: compare the axes in pairs from the right; they fit when they are "
        "equal or one of them is 1 (a missing axis counts as 1). Length-1 axes are copied to "
        "stretch, and the result has shape {shape}. In the picture, faint cells are the copies.",
    },
    "shapes.dot_vs_matmul": {
        "zh": "3 维及以上时 np.dot 和 @ 不一样：np.dot 把 A 的其余轴和 B 的其余轴全部保留，"
        "@ 则把前面的轴当作“一摞矩阵”配对广播。同样的形状，`{other}` 得到：{shape}。",
        "en": "From 3-D on, np.dot and @ differ: np.dot keeps all other axes of A and of B, "
        "while @ treats the leading axes as a stack of matrices and broadcasts them. With the "
        "same shapes, `{other}` gives: {shape}.",
    },
    "shapes.error_word": {"zh": "报错", "en": "an error"},
    "shapes.fails": {
        "zh": "`{expr}` 不能计算：形状对不上",
        "en": "`{expr}` fails: the shapes do not fit",
    },
    "shapes.numpy_says": {"zh": "numpy 的原始报错：", "en": "numpy's own message:"},
    "shapes.why.inner": {
        "zh": "**为什么：** 矩阵乘法把 A 的最后一轴（第 {a_axis} 轴，长 {a_size}）"
        "和 B 的第 {b_axis} 轴（长 {b_size}）逐项相乘再求和，所以这两个长度必须相等；"
        "这里 {a_size} ≠ {b_size}。",
        "en": "**Why:** a matrix product multiplies A's last axis (axis {a_axis}, length "
        "{a_size}) entry by entry with B's axis {b_axis} (length {b_size}) and sums, so these "
        "two lengths must be equal; here {a_size} ≠ {b_size}.",
    },
    "shapes.why.scalar": {
        "zh": "**为什么：** @ 是矩阵乘法，两边至少都要是 1 维数组，0 维的标量不行。"
        "标量乘数组请用 `A * B`（或 `np.dot(A, B)`）。",
        "en": "**Why:** @ is a matrix product and needs at least 1-D arrays on both sides; a "
        "0-D scalar will not do. To scale an array by a scalar, use `A * B` (or `np.dot(A, B)`).",
    },
    "shapes.why.batch": {
        "zh": "**为什么：** 最后两轴（矩阵部分）配得上，但 @ 把前面的轴当作“一摞矩阵”，"
        "这些轴要按广播规则配对：A 的第 {a_axis} 轴长 {a_size}，B 的第 {b_axis} 轴长 {b_size}，"
        "既不相等也没有一个是 1。",
        "en": "**Why:** the last two axes (the matrices) fit, but @ treats the leading axes as "
        "a stack of matrices, and those must broadcast: A's axis {a_axis} has length {a_size}, "
        "B's axis {b_axis} has length {b_size}, neither equal nor 1.",
    },
    "shapes.why.broadcast": {
        "zh": "**为什么：** 广播从最右边的轴开始两两比较，每一对必须相等，或者其中一个是 1。"
        "这里 A 的第 {a_axis} 轴（长 {a_size}）对上了 B 的第 {b_axis} 轴（长 {b_size}），"
        "既不相等也没有 1。",
        "en": "**Why:** broadcasting compares axes in pairs from the right, and each pair must "
        "be equal or contain a 1. Here A's axis {a_axis} (length {a_size}) meets B's axis "
        "{b_axis} (length {b_size}): neither equal nor 1.",
    },
    "shapes.fixes": {
        "zh": "**怎么改**（每一种都能运行，但意思不同）：",
        "en": "**How to fix it** (each runs, but each means something different):",
    },
    "shapes.fix.transpose_b": {
        "zh": "`{code}` → {shape}：转置 B，把它的轴顺序倒过来。",
        "en": "`{code}` → {shape}: transpose B, reversing its axes.",
    },
    "shapes.fix.transpose_a": {
        "zh": "`{code}` → {shape}：转置 A，把它的轴顺序倒过来。",
        "en": "`{code}` → {shape}: transpose A, reversing its axes.",
    },
    "shapes.fix.swap": {
        "zh": "`{code}` → {shape}：交换顺序。注意这是另一个乘积：矩阵乘法不满足交换律。",
        "en": "`{code}` → {shape}: swap the order. Careful, that is another product: matrix "
        "products do not commute.",
    },
    "shapes.fix.reshape_b": {
        "zh": "`{code}` → {shape}：重排 B 的形状。reshape 按原来的顺序重新分组数字，"
        "和转置不同，只有数据本来就是这样排的才对。",
        "en": "`{code}` → {shape}: reshape B. reshape regroups the numbers in their stored "
        "order, which is not a transpose: right only if your data is laid out that way.",
    },
    "shapes.fix.reshape_a": {
        "zh": "`{code}` → {shape}：把 A 重排成 B 的形状。reshape 按原来的顺序重新分组数字，"
        "和转置不同，只有数据本来就是这样排的才对。",
        "en": "`{code}` → {shape}: reshape A to B's shape. reshape regroups the numbers in "
        "their stored order, which is not a transpose: right only if your data is laid out "
        "that way.",
    },
    "shapes.fix.axis_a": {
        "zh": "`{code}` → {shape}：给 A 末尾加一个长度为 1 的轴（向量变成列），它就能沿新轴被拉伸。",
        "en": "`{code}` → {shape}: give A a new last axis of length 1 (a vector becomes a "
        "column), so it can stretch along it.",
    },
    "shapes.fix.axis_b": {
        "zh": "`{code}` → {shape}：给 B 末尾加一个长度为 1 的轴（向量变成列），它就能沿新轴被拉伸。",
        "en": "`{code}` → {shape}: give B a new last axis of length 1 (a vector becomes a "
        "column), so it can stretch along it.",
    },
    "shapes.no_fix.inner": {
        "zh": "转置或换顺序都配不上：要相乘求和的两个长度本身就不同。先检查数据是不是拿错了。",
        "en": "No transpose or swap makes them fit: the two lengths to be summed over really "
        "differ. Check that you picked the right data.",
    },
    "shapes.no_fix.scalar": {
        "zh": "把 @ 换成 `*` 或 `np.dot` 即可。",
        "en": "Use `*` or `np.dot` instead of @.",
    },
    "shapes.no_fix.batch": {
        "zh": "让两摞矩阵的张数相等（或其中一个只有 1 张）。",
        "en": "Make the two stacks the same size (or one of them a single matrix).",
    },
    "shapes.no_fix.broadcast": {
        "zh": "一步改不好：让对应的轴长度相等，或者用 reshape / np.newaxis 在合适的位置插入长度为 1 的轴。",
        "en": "No one-step fix: make the matching axes equal, or insert length-1 axes in the "
        "right places with reshape / np.newaxis.",
    },
    "shapes.grid_a": {"zh": "A {shape}（拉伸后）", "en": "A {shape}, stretched"},
    "shapes.grid_b": {"zh": "B {shape}（拉伸后）", "en": "B {shape}, stretched"},
    "shapes.grid_c": {"zh": "结果 {shape}", "en": "result {shape}"},
    "shapes.grid_caption": {
        "zh": "深色格子是数组本来的元素，淡色格子是广播时复制出来的。1 维数组画成一行，"
        "3 维数组把 [0]、[1]、… 几层从上到下排开。",
        "en": "Dark cells are the arrays' own entries; faint cells are copies made by "
        "broadcasting. A 1-D array is drawn as a row; a 3-D array shows its slices [0], [1], … "
        "from top to bottom.",
    },
    "shapes.grid_caption_dot": {
        "zh": "A 填 1、2、3……，B 填 10、20、30……，结果的每个格子是 A 的一行与 B 的一列逐项相乘再求和。"
        "1 维数组画成一行，3 维数组把 [0]、[1]、… 几层从上到下排开。",
        "en": "A holds 1, 2, 3, …, B holds 10, 20, 30, …; each cell of the result is a row of A "
        "times a column of B, entry by entry, summed. A 1-D array is drawn as a row; a 3-D "
        "array shows its slices [0], [1], … from top to bottom.",
    },
    # -- 2 example arrays
    "shapes.arrays_title": {
        "zh": "2 数组的属性与矩阵乘法",
        "en": "2 Array attributes and the matrix product",
    },
    "shapes.arrays_intro": {
        "zh": "先打印数组的 ndim、shape、dtype、size，再算 2×3 乘 3×2。选一个结果格子，"
        "看它是怎么来的：A 的一行和 B 的一列逐项相乘，再加起来。",
        "en": "First print an array's ndim, shape, dtype and size, then multiply a 2×3 "
        "by a 3×2. Pick a cell of the result to see where it comes from: one row of the first "
        "times one column of the second, entry by entry, summed.",
    },
    "shapes.attr": {"zh": "属性", "en": "attribute"},
    "shapes.attr.ndim": {"zh": "维数", "en": "number of axes"},
    "shapes.attr.shape": {"zh": "形状", "en": "shape"},
    "shapes.attr.dtype": {"zh": "元素类型", "en": "element type"},
    "shapes.attr.size": {"zh": "元素总数", "en": "number of elements"},
    "shapes.product": {"zh": "乘积", "en": "Product"},
    "shapes.product.ab": {"zh": "np.dot(a, b)：2×3 · 3×2", "en": "np.dot(a, b): 2×3 · 3×2"},
    "shapes.product.ba": {"zh": "np.dot(b, a)：3×2 · 2×3", "en": "np.dot(b, a): 3×2 · 2×3"},
    "shapes.cell": {"zh": "看结果的哪个元素", "en": "Which entry of the result"},
    "shapes.cell_label": {"zh": "第 {i} 行，第 {j} 列", "en": "row {i}, column {j}"},
    "shapes.grid_product": {"zh": "结果 {shape}", "en": "result {shape}"},
    "shapes.cell_sum": {
        "zh": "c[{i}, {j}] = {terms} = {sums} = **{total}**",
        "en": "c[{i}, {j}] = {terms} = {sums} = **{total}**",
    },
    "shapes.not_commute": {
        "zh": "**矩阵乘法不满足交换律：** np.dot(a, b) = {ab}，形状 {sab}；"
        "np.dot(b, a) = {ba}，形状 {sba}。连形状都不一样。",
        "en": "**Matrix products do not commute:** np.dot(a, b) = {ab}, shape {sab}; "
        "np.dot(b, a) = {ba}, shape {sba}. Not even the shapes agree.",
    },
    "shapes.book_vector": {
        "zh": "书中的“神经网络的内积”：x = [1, 2] 点乘 [[1, 3, 5], [2, 4, 6]] 得 {v}。"
        "常见错误是说“1 x 2 乘以 2 x 3 得到 1 x 3 矩阵”，其实 x 是 1 维数组，形状 (2,)，没有“行”这个轴，"
        "结果也是 1 维的，形状 {shape}，而不是 (1, 3)。",
        "en": 'The book\'s "inner product of a neural network": x = [1, 2] dotted with '
        '[[1, 3, 5], [2, 4, 6]] gives {v}. A common mistake is to say "1 x 2 times 2 x 3 gives a '
        '1 x 3 matrix", but x is 1-D, shape (2,), with no row axis, so the result is 1-D too, shape '
        "{shape}, not (1, 3).",
    },
    # -- 3 three-layer network
    "shapes.net_title": {
        "zh": "3 三层神经网络：每一步的形状和数值",
        "en": "3 A three-layer network: shape and value at each step",
    },
    "shapes.net_intro": {
        "zh": "书中 §3.4 的三层网络：`init_network()` 给出手写的权重，"
        "`forward(network, x)` 逐层计算 A = Z·W + b、Z = sigmoid(A)，输出层用恒等函数。"
        "下表每个数都是 `lab.shapes.forward_steps` 真算出来的，拖动 x 可以换输入。",
        "en": "The book's three-layer network (§3.4): "
        "`init_network()` holds hand-picked weights, and `forward(network, x)` computes "
        "A = Z·W + b and Z = sigmoid(A) layer by layer, with the identity at the output. Every "
        "number below is computed by `lab.shapes.forward_steps`; drag x to change the input.",
    },
    "shapes.x1": {"zh": "输入 x1", "en": "input x1"},
    "shapes.x2": {"zh": "输入 x2", "en": "input x2"},
    "shapes.chain": {"zh": "形状的流动：{chain}", "en": "How the shapes flow: {chain}"},
    "shapes.col_name": {"zh": "名字", "en": "name"},
    "shapes.col_formula": {"zh": "怎么算", "en": "computed as"},
    "shapes.col_shape": {"zh": "形状", "en": "shape"},
    "shapes.col_value": {"zh": "实际算出的值", "en": "actual value"},
    "shapes.col_comment": {"zh": "常见注释写的", "en": "a widely copied comment"},
    "shapes.col_agree": {"zh": "一致吗", "en": "agree?"},
    "shapes.formula.A1": {"zh": "X · W1 + B1", "en": "X · W1 + B1"},
    "shapes.formula.Z1": {"zh": "sigmoid(A1)", "en": "sigmoid(A1)"},
    "shapes.formula.A2": {"zh": "Z1 · W2 + B2", "en": "Z1 · W2 + B2"},
    "shapes.formula.Z2": {"zh": "sigmoid(A2)", "en": "sigmoid(A2)"},
    "shapes.formula.A3": {"zh": "Z2 · W3 + B3", "en": "Z2 · W3 + B3"},
    "shapes.formula.Y": {
        "zh": "identity_function(A3)（书的输出）",
        "en": "identity_function(A3) (the book's output)",
    },
    "shapes.formula.Z3": {
        "zh": "sigmoid(A3)（常见改写版的输出）",
        "en": "sigmoid(A3) (a common variant's output)",
    },
    "shapes.book_y": {
        "zh": "输出 Y = {y}，与书中打印的 [0.31682708 0.69627909] 一致 {ok}。"
        "书中“封装”后的 forward 直接返回 identity_function(a3)，结果相同，因为恒等函数什么都不改。",
        "en": "The output Y = {y} agrees with the book's printed [0.31682708 0.69627909] {ok}. "
        "The book's wrapped forward returns identity_function(a3): the same numbers, since the identity "
        "changes nothing.",
    },
    "shapes.common_mistake": {
        "zh": "**常见错误：{wrong} 的注释写错了。** A1、Z1 的注释是对的；A2 的注释 [0.4 0.8] 不是代码算出来的"
        "（实际是上表的值），Z2 的注释恰好是 sigmoid([0.4, 0.8])，错误就这样传了下去；"
        "A3 和 Z3 的注释也和代码的结果对不上。相信代码，别相信注释。",
        "en": "**A common mistake: the comments for {wrong} are wrong.** The comments for A1 and Z1 are "
        "right; A2's comment [0.4 0.8] is not what the code computes (see the table), Z2's "
        "comment is exactly sigmoid([0.4, 0.8]), so the mistake was carried forward, and the "
        "comments for A3 and Z3 do not match the code either. Trust the code, not the comments.",
    },
    "shapes.comments_only_default": {
        "zh": "流传的注释是 x = [1.0, 0.5] 时的数值；把 x 调回 1.0、0.5 就能逐项对照。",
        "en": "The widely copied comments are for x = [1.0, 0.5]; set x back to 1.0 and 0.5 to "
        "compare them entry by entry.",
    },
    # -- 4 MNIST
    "shapes.mnist_title": {
        "zh": "4 MNIST 网络的形状与计算量",
        "en": "4 Shapes and work in the MNIST network",
    },
    "shapes.mnist_intro": {
        "zh": "书中识别手写数字的网络：784 个像素 → 50 → 100 → 10 个类别。"
        "一次送进 N 张图片（批处理），输入就是 (N, 784)。拖动批大小，看每一层的形状、参数个数和乘加次数。",
        "en": "The book's handwritten-digit network: 784 pixels → 50 → 100 → 10 classes. Feed N "
        "images at once (a batch) and the input is (N, 784). Drag the batch size to see each "
        "layer's shapes, parameters and multiply-adds.",
    },
    "shapes.batch": {"zh": "批大小 N（一次送入的图片数）", "en": "batch size N (images at once)"},
    "shapes.mnist_chain": {"zh": "形状的流动：{chain}", "en": "How the shapes flow: {chain}"},
    "shapes.col_layer": {"zh": "层", "en": "layer"},
    "shapes.col_x": {"zh": "输入 x", "en": "input x"},
    "shapes.col_W": {"zh": "权重 W", "en": "weights W"},
    "shapes.col_b": {"zh": "偏置 b", "en": "bias b"},
    "shapes.col_out": {"zh": "输出", "en": "output"},
    "shapes.col_params": {"zh": "参数个数", "en": "parameters"},
    "shapes.col_macs": {"zh": "乘加次数", "en": "multiply-adds"},
    "shapes.layer": {"zh": "第 {k} 层", "en": "layer {k}"},
    "shapes.total": {"zh": "合计", "en": "total"},
    "shapes.macs_title": {
        "zh": "每层的乘加次数（N = {n}）",
        "en": "Multiply-adds per layer (N = {n})",
    },
    "shapes.mnist_note": {
        "zh": "参数一共 {params} 个，和批大小无关：N 张图片共用同一组 W 和 b。"
        "计算量则和 N 成正比：每张图片 {per} 次乘加，N = {n} 时就是上表的合计。"
        "输出 (N, 10) 的每一行是一张图片的 10 个得分，np.argmax(y, axis=1) 取出每行最大的类别。",
        "en": "There are {params} parameters whatever the batch size: the N images share the "
        "same W and b. The work grows with N: {per} multiply-adds per image, so N = {n} gives "
        "the total in the table. Each row of the (N, 10) output holds one image's 10 scores, "
        "and np.argmax(y, axis=1) picks each row's class.",
    },
}
