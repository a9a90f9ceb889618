"""Strings of the MNIST explorer (pages/mnist.py)."""

STRINGS = {
    "mnist.title": {"zh": "MNIST 数据集与推理", "en": "MNIST explorer"},
    "mnist.card": {
        "zh": "翻看 7 万张手写数字和它们的标签，比较逐张推理和批处理的速度，看看网络把哪些数字认错了。",
        "en": "Browse 70,000 handwritten digits and their labels, time one-by-one against batch "
        "inference, and see which digits the network gets wrong.",
    },
    "mnist.lead": {
        "zh": "翻看真实的 MNIST 图片和数组形状，给书中的两种推理循环计时，再看模型把哪些数字认错了。",
        "en": "Browse real MNIST images and their array shapes, time the book's two inference loops, then see which digits the model gets wrong.",
    },
    "mnist.intro": {
        "zh": "**你将看到：** 书中 3.6 节的 MNIST，全部是真实数据。先翻看训练集和测试集的图片、标签和 one-hot 编码，"
        "核对数组的形状；再用书中网络把 1 万张测试图片一张一张地推理、再成批推理，现场计时比较；"
        "最后用混淆矩阵看模型把哪些数字认成了哪些，点一个格子就能看到那些图片。",
        "en": "**What you will see:** the book's §3.6 MNIST, all real data. Browse the training "
        "and test images with their labels and one-hot codes, and check the array shapes; run "
        "the book network over the 10,000 test images one at a time and then in batches, timed "
        "live; finally a confusion matrix shows which digits the model mistakes for which, and "
        "clicking a cell shows those images.",
    },
    # browse
    "mnist.browse_title": {"zh": "翻看数据", "en": "Browse the data"},
    "mnist.split": {"zh": "数据集", "en": "Set"},
    "mnist.split.train": {"zh": "训练集", "en": "training"},
    "mnist.split.test": {"zh": "测试集", "en": "test"},
    "mnist.index": {"zh": "图片编号", "en": "Image index"},
    "mnist.index_help": {
        "zh": "网格从这个编号开始，显示接下来的 {n} 张；大图是这一张。",
        "en": "The grid starts at this index and shows the next {n}; the large image is this one.",
    },
    "mnist.grid_caption": {"zh": "#{i}  标签 {label}", "en": "#{i}  label {label}"},
    "mnist.image_title": {"zh": "{split}[{i}]，标签 {label}", "en": "{split}[{i}], label {label}"},
    "mnist.pixel_hover": {"zh": "第 %{y} 行，第 %{x} 列：%{z}", "en": "row %{y}, col %{x}: %{z}"},
    "mnist.label": {"zh": "标签", "en": "Label"},
    "mnist.one_hot": {
        "zh": "one-hot 编码（one_hot_label=True）",
        "en": "One-hot (one_hot_label=True)",
    },
    "mnist.one_hot_note": {
        "zh": "只有第 {label} 位是 1，其余都是 0：正确解标签表示为 1，其他表示为 0。",
        "en": "Only position {label} is 1, the rest are 0: the correct class is 1, every other 0.",
    },
    "mnist.shapes": {"zh": "真实的数组形状", "en": "The real array shapes"},
    "mnist.shapes_note": {
        "zh": "flatten=True 时每张图是 784 个数的一行，显示前用 reshape(28, 28) 变回图片；"
        "normalize=False 时像素是 0~255 的整数。",
        "en": "With flatten=True each image is one row of 784 numbers, reshaped to (28, 28) for "
        "display; with normalize=False pixels are integers 0-255.",
    },
    # inference timing
    "mnist.infer_title": {
        "zh": "推理：一张一张 vs. 批处理",
        "en": "Inference: one at a time vs. batches",
    },
    "mnist.infer_intro": {
        "zh": "书中网络（784-50-100-10）在测试集上跑书里的两段循环：第一段每次只送一张图片（x[i]），"
        "第二段每次送 batch_size 张（x[i:i+batch_size]），用 argmax(axis=1) 取答案。"
        "下面的时间是在服务器上现场测的：每改一次设置就重新测一次，也可以点“重新测量”。",
        "en": "The book network (784-50-100-10) runs the book's two loops over the test set: "
        "the first sends one image at a time (x[i]), the second batch_size images at once "
        "(x[i:i+batch_size]) and takes argmax(axis=1). The times below are measured live on "
        "the server: again whenever you change a setting, or press Measure again.",
    },
    "mnist.loop_n": {
        "zh": "图片数（两段循环用同一批图片）",
        "en": "Images (the same for both loops)",
    },
    "mnist.loop_n_help": {
        "zh": "两段循环都跑测试集的前这么多张图片，所以时间可以直接比较。"
        "逐张推理较慢，默认 1000 张；拉到 10000 就是整个测试集。",
        "en": "Both loops run these first images of the test set, so their times compare "
        "directly. The one-at-a-time loop is slow, so the default is 1,000; pick 10,000 for the "
        "whole test set.",
    },
    "mnist.batch": {"zh": "批大小 batch_size", "en": "batch_size"},
    "mnist.remeasure": {"zh": "重新测量", "en": "Measure again"},
    "mnist.one_by_one": {"zh": "一张一张", "en": "One at a time"},
    "mnist.batched": {"zh": "批处理（每批 {b} 张）", "en": "Batches of {b}"},
    "mnist.run_stats": {
        "zh": "准确率 {acc}（{images}）· 用时 {ms} 毫秒 · 每张 {us} 微秒",
        "en": "accuracy {acc} ({images}) · {ms} ms · {us} µs per image",
    },
    "mnist.first_n": {"zh": "前 {n} 张", "en": "first {n} images"},
    "mnist.all_n": {"zh": "全部 {n} 张", "en": "all {n} images"},
    "mnist.speedup": {"zh": "批处理加速", "en": "Batch speed-up"},
    "mnist.speedup_note": {
        "zh": "按每张图片的用时计算：{fast} 微秒对 {slow} 微秒。批处理把很多次“向量 × 矩阵”合成一次“矩阵 × 矩阵”，"
        "NumPy 的底层库一次算完，省去了每次调用的开销。",
        "en": "Per image: {fast} µs against {slow} µs. A batch turns many vector × matrix "
        "products into one matrix × matrix product that NumPy's BLAS does in one go, saving "
        "the overhead of every call.",
    },
    "mnist.slower_note": {
        "zh": "这次批处理反而更慢：测量时服务器的 CPU 正忙着别的事（其他同学的页面、训练），打乱了计时。"
        "在服务器空闲时点“重新测量”，批处理通常快好几倍。",
        "en": "This time the batches were slower: the server's CPU was busy with other work "
        "(other learners' pages, training) while it measured. Press Measure again when the "
        "server is idle; batches are then usually several times faster.",
    },
    # errors
    "mnist.errors_title": {"zh": "模型认错了什么", "en": "What the model gets wrong"},
    "mnist.model": {"zh": "模型", "en": "Model"},
    "mnist.model.default": {"zh": "默认模型", "en": "Default model"},
    "mnist.model.book": {"zh": "书中网络", "en": "Book network"},
    "mnist.arch.default": {"zh": "默认模型（卷积网络）", "en": "default model (CNN)"},
    "mnist.arch.book": {"zh": "书中网络 784-50-100-10", "en": "book network 784-50-100-10"},
    "mnist.accuracy": {"zh": "测试集准确率", "en": "Test accuracy"},
    "mnist.mistake_count": {"zh": "认错的图片", "en": "Misclassified"},
    "mnist.mistake_count_value": {"zh": "{n} / 10000 张", "en": "{n} of 10,000"},
    "mnist.cm_title": {"zh": "混淆矩阵", "en": "Confusion matrix"},
    "mnist.cm_help": {
        "zh": "第 i 行第 j 列 = 真实是 i、被判成 j 的图片数；对角线是判对的。点一个格子，或用“真实数字”“预测数字”两个选择框选。",
        "en": "Row i, column j = images of digit i predicted as j; the diagonal is correct. "
        "Click a cell, or choose it with “True digit” and “Predicted digit”.",
    },
    "mnist.true_axis": {"zh": "真实数字", "en": "true digit"},
    "mnist.pred_axis": {"zh": "预测数字", "en": "predicted digit"},
    "mnist.cm_hover": {
        "zh": "真实 %{customdata[0]} → 预测 %{customdata[1]}：%{customdata[2]} 张",
        "en": "true %{customdata[0]} → predicted %{customdata[1]}: %{customdata[2]} images",
    },
    "mnist.cell_true": {"zh": "真实数字", "en": "True digit"},
    "mnist.cell_pred": {"zh": "预测数字", "en": "Predicted digit"},
    "mnist.cell_title": {
        "zh": "真实 {t}、判成 {y} 的图片：{n} 张",
        "en": "Images of {t} predicted as {y}: {n}",
    },
    "mnist.cell_more": {"zh": "（只显示前 {k} 张）", "en": "(showing the first {k})"},
    "mnist.cell_empty": {"zh": "这个格子里没有图片。", "en": "No image falls in this cell."},
    "mnist.cell_caption": {"zh": "#{i} · {p}", "en": "#{i} · {p}"},
    "mnist.show_gallery": {
        "zh": "显示认错的图片，逐张查看概率",
        "en": "Show the mistakes, one by one with their probabilities",
    },
    "mnist.show_per_class": {
        "zh": "显示每个数字的准确率（两个模型对比）",
        "en": "Show the accuracy per digit (both models)",
    },
    "mnist.gallery_title": {
        "zh": "认错的图片（最有把握的错误在前）",
        "en": "Mistakes, most confident first",
    },
    "mnist.gallery_caption": {"zh": "真 {t} → 判 {y} · {p}", "en": "true {t} → {y} · {p}"},
    "mnist.rank": {"zh": "查看第几个错误的概率", "en": "Mistake to inspect"},
    "mnist.rank_title": {
        "zh": "测试图片 #{i}：真实 {t}，模型判成 {y}",
        "en": "Test image #{i}: true {t}, the model says {y}",
    },
    "mnist.digit_axis": {"zh": "数字", "en": "digit"},
    "mnist.proba_axis": {"zh": "概率", "en": "probability"},
    "mnist.per_class_title": {"zh": "每个数字的准确率", "en": "Accuracy per digit"},
    "mnist.acc_axis": {"zh": "准确率", "en": "accuracy"},
    "mnist.no_errors": {
        "zh": "这个模型在测试集上一个都没认错。",
        "en": "This model makes no mistake on the test set.",
    },
    "mnist.timing_spinner": {
        "zh": "正在计时：两段循环各跑 {k} 次，每次 {n} 张图片……",
        "en": "Timing: each loop runs {k} times over {n} images…",
    },
    "mnist.timing_same": {
        "zh": "两段循环都处理同样的 {n} 张测试图片；每个时间取 {k} 次运行的中位数，服务器偶尔忙一下也不会带偏。",
        "en": "Both loops process the same {n} test images; each time is the median of {k} runs, "
        "so a moment of load on the server does not skew it.",
    },
    "mnist.report_spinner": {
        "zh": "正在用模型判断全部 10,000 张测试图片……",
        "en": "Running the model on all 10,000 test images…",
    },
}
