"""Strings of the training page (pages/training.py)."""

STRINGS = {
    "training.title": {"zh": "训练神经网络", "en": "Training a network"},
    "training.card": {
        "zh": "在页面里用 MNIST 训练一个两层网络，实时看损失和准确率曲线；再用数值梯度检验误差反向传播。",
        "en": "Train a two-layer net on MNIST right in the page and watch the loss and accuracy "
        "curves live; then check backpropagation against the numerical gradient.",
    },
    "training.lead": {
        "zh": "选好超参数，点“开始训练”，看书中的两层网络在真实 MNIST 上一步步学习。",
        "en": "Pick the hyperparameters, press “Start training”, and watch the book's two-layer network learn from real MNIST.",
    },
    "training.intro": {
        "zh": "**你将看到：** 书中第 4 章的两层网络（784 → 隐藏层 → 10，Sigmoid，权重初始化为 0.01 × 正态分布）"
        "在真实的 MNIST 图像上学习。每次随机取一个 mini-batch，算出损失对每个参数的梯度，沿负梯度方向更新参数，"
        "如此反复。选好超参数后点“开始训练”：进度条、每个 mini-batch 的损失、每轮（epoch）结束时训练集与测试集的准确率会实时更新，"
        "随时可以停止。相同的设置和随机种子总是得到完全相同的网络。最后一节用数值梯度检验反向传播算出的梯度，并比较两者的速度。",
        "en": "**What you will see:** the book's chapter 4 two-layer network (784 → hidden → 10, "
        "sigmoid, weights drawn as 0.01 × normal) learning from real MNIST images. Again and "
        "again it takes a random mini-batch, computes the gradient of the loss for every "
        "parameter, and steps against it. Pick the hyperparameters and press “Start "
        "training”: the progress bar, the loss of every mini-batch and the train and test "
        "accuracy after each epoch update live, and you can stop at any time. The same "
        "settings and random seed always give exactly the same network. The last section checks "
        "backpropagation against the numerical gradient, and times both.",
    },
    # --- settings -------------------------------------------------------------------------------
    "training.train_title": {"zh": "在 MNIST 上训练", "en": "Train on MNIST"},
    "training.hidden": {"zh": "隐藏层神经元数", "en": "Hidden units"},
    "training.optimizer": {"zh": "优化器", "en": "Optimizer"},
    "training.optimizer_help": {
        "zh": "换优化器时，学习率会自动改成适合它的建议值。书中第 4 章用的是 SGD。",
        "en": "Changing the optimizer sets the learning rate to a value that suits it. "
        "Chapter 4 of the book uses SGD.",
    },
    "training.opt.SGD": {"zh": "SGD（随机梯度下降）", "en": "SGD (stochastic gradient descent)"},
    "training.opt.Momentum": {"zh": "Momentum（动量）", "en": "Momentum"},
    "training.opt.Nesterov": {"zh": "Nesterov 动量", "en": "Nesterov momentum"},
    "training.opt.AdaGrad": {"zh": "AdaGrad", "en": "AdaGrad"},
    "training.opt.RMSprop": {"zh": "RMSprop", "en": "RMSprop"},
    "training.opt.Adam": {"zh": "Adam", "en": "Adam"},
    "training.lr": {"zh": "学习率", "en": "Learning rate"},
    "training.lr_help": {
        "zh": "每一步沿负梯度走多远。太小学得慢，太大损失会来回震荡甚至变大。",
        "en": "How far each step goes against the gradient. Too small learns slowly; too large "
        "makes the loss jump around or grow.",
    },
    "training.batch": {"zh": "batch 大小", "en": "Batch size"},
    "training.epochs": {"zh": "轮数（epoch）", "en": "Epochs"},
    "training.epochs_help": {
        "zh": "一轮 = 把所选的训练图像全部用过一次。",
        "en": "One epoch = every chosen training image used once.",
    },
    "training.train_size": {"zh": "使用的训练图像数", "en": "Training images used"},
    "training.train_size_help": {
        "zh": "取训练集的前 N 张。默认 10000 张，几秒钟就能训练完；全部 60000 张更准，但更慢。测试始终用全部 10000 张测试图像。",
        "en": "The first N of the training set. The default 10,000 trains in seconds; all "
        "60,000 is more accurate but slower. Testing always uses all 10,000 test images.",
    },
    "training.seed": {"zh": "随机种子", "en": "Random seed"},
    "training.seed_help": {
        "zh": "决定初始权重和每轮的打乱顺序：同样的设置和随机种子，结果完全一样。",
        "en": "Decides the initial weights and each epoch's shuffle: same settings and random seed, "
        "same result.",
    },
    "training.plan": {
        "zh": "共 {iterations} 个 mini-batch（{epochs} 轮 × 每轮 {per_epoch} 个）。",
        "en": "{iterations} mini-batches in all ({epochs} epochs × {per_epoch} per epoch).",
    },
    "training.start": {"zh": "开始训练", "en": "Start training"},
    "training.stop": {"zh": "停止", "en": "Stop"},
    # --- live -----------------------------------------------------------------------------------
    "training.progress": {
        "zh": "第 {epoch}/{epochs} 轮 · mini-batch {it}/{its} · 损失 {loss:.4f} · 已用 {sec:.1f} 秒",
        "en": "epoch {epoch}/{epochs} · mini-batch {it}/{its} · loss {loss:.4f} · {sec:.1f} s",
    },
    "training.progress_start": {"zh": "准备开始……", "en": "Getting ready…"},
    "training.preparing": {
        "zh": "正在读取 MNIST，并测量训练前的准确率……",
        "en": "Reading MNIST and measuring the accuracy before training…",
    },
    "training.loss": {"zh": "损失", "en": "loss"},
    "training.loss_title": {
        "zh": "每个 mini-batch 的交叉熵损失",
        "en": "Cross-entropy loss of every mini-batch",
    },
    "training.iteration": {"zh": "mini-batch 序号（迭代次数）", "en": "mini-batch (iteration)"},
    "training.epoch": {"zh": "轮数（0 = 训练前）", "en": "epoch (0 = before training)"},
    "training.accuracy": {"zh": "准确率", "en": "accuracy"},
    "training.acc_title": {
        "zh": "训练集与测试集上的准确率",
        "en": "Accuracy on training and test data",
    },
    "training.train_acc": {"zh": "训练集", "en": "train"},
    "training.test_acc": {"zh": "测试集", "en": "test"},
    "training.curves_note": {
        "zh": "训练集和测试集的准确率几乎重合，说明网络没有过拟合：它学到的规律对没见过的图像同样有效。"
        "损失曲线上下抖动，是因为每个 mini-batch 都是随机抽的。",
        "en": "Train and test accuracy stay close: the network is not overfitting, what it "
        "learnt works on images it has never seen. The loss jitters because every "
        "mini-batch is a different random sample.",
    },
    # --- results --------------------------------------------------------------------------------
    "training.done.finished": {
        "zh": "训练完成：测试准确率 {acc:.2%}，用时 {sec:.1f} 秒。",
        "en": "Training finished: test accuracy {acc:.2%} in {sec:.1f} s.",
    },
    "training.done.stopped": {
        "zh": "已在第 {it}/{its} 个 mini-batch 停止。网络保留了到目前为止学到的东西（最近一次测得的测试准确率 {acc:.2%}）。",
        "en": "Stopped at mini-batch {it} of {its}. The network keeps what it has learnt so far "
        "(last measured test accuracy {acc:.2%}).",
    },
    "training.done.diverged": {
        "zh": "第 {it} 个 mini-batch 的损失变成了 inf 或 nan：学习率太大，参数发散了。试试更小的学习率（{opt} 建议 {lr:g}）。",
        "en": "The loss of mini-batch {it} became inf or nan: the learning rate is too large "
        "and the weights blew up. Try a smaller one ({opt}: {lr:g} is suggested).",
    },
    "training.loss_went_up": {
        "zh": "损失最后反而比开始时（ln 10 ≈ 2.30）还高，准确率也没有提高：学习率太大，每一步都跨过了谷底。"
        "试试更小的学习率（{opt} 建议 {lr:g}）。",
        "en": "The loss ended higher than where it started (ln 10 ≈ 2.30) and accuracy did not "
        "improve: the learning rate is so large that every step jumps over the valley. Try a "
        "smaller one ({opt}: {lr:g} is suggested).",
    },
    "training.metric_test": {"zh": "测试准确率", "en": "Test accuracy"},
    "training.metric_train": {"zh": "训练准确率", "en": "Train accuracy"},
    "training.metric_time": {"zh": "训练用时", "en": "Training time"},
    "training.metric_iters": {"zh": "完成的 mini-batch", "en": "Mini-batches done"},
    "training.seconds": {"zh": "{sec:.1f} 秒", "en": "{sec:.1f} s"},
    "training.download": {"zh": "下载模型（.npz）", "en": "Download the model (.npz)"},
    "training.download_help": {
        "zh": "W1、b1、W2、b2 和训练设置，用 numpy 的 np.load 就能读取。",
        "en": "W1, b1, W2, b2 and the training settings; np.load reads it.",
    },
    "training.use_on_digits": {
        "zh": "去手写数字页，用刚训练好的模型识别你写的数字",
        "en": "Use the model you just trained on the digits page",
    },
    # --- gradient check -------------------------------------------------------------------------
    "training.gc_title": {
        "zh": "梯度确认：数值微分 vs 误差反向传播",
        "en": "Gradient check: numerical gradient vs backpropagation",
    },
    "training.gc_intro": {
        "zh": "数值微分几乎不会写错，但很慢：每个参数都要把损失算两遍。误差反向传播很快，但实现起来容易出错。"
        "所以书中用数值梯度来确认反向传播的结果。这里在一个很小的网络（784 → 隐藏层 → 10）和几张训练图像上，"
        "逐个参数比较两种梯度的最大绝对差，并实际测量两者各用了多长时间。",
        "en": "The numerical gradient is hard to get wrong but slow: it evaluates the loss twice "
        "for every parameter. Backpropagation is fast but easy to get wrong. So the book checks "
        "backprop against the numerical gradient. Here, on a small network (784 → hidden → 10) "
        "and a few training images, each parameter's largest absolute difference between the "
        "two is shown, with how long each one took, measured now.",
    },
    "training.gc_hidden": {"zh": "隐藏层神经元数", "en": "Hidden units"},
    "training.gc_images": {"zh": "图像数", "en": "Images"},
    "training.gc_run": {"zh": "运行梯度确认", "en": "Run the gradient check"},
    "training.gc_running": {
        "zh": "正在计算数值梯度：{n} 个参数，每个要算两次损失……",
        "en": "Computing the numerical gradient: {n} parameters, two losses each…",
    },
    "training.gc_plan": {
        "zh": "这个网络有 {n} 个参数，数值梯度要为每个参数计算两次损失。",
        "en": "This network has {n} parameters: the numerical gradient computes the loss "
        "twice for each.",
    },
    "training.gc_col_param": {"zh": "参数", "en": "parameter"},
    "training.gc_col_shape": {"zh": "形状", "en": "shape"},
    "training.gc_col_diff": {"zh": "最大 |数值 − 反向传播|", "en": "max |numerical − backprop|"},
    "training.gc_col_grad": {"zh": "最大 |梯度|", "en": "max |gradient|"},
    "training.gc_numerical": {"zh": "数值梯度用时", "en": "Numerical gradient"},
    "training.gc_backprop": {"zh": "反向传播用时", "en": "Backpropagation"},
    "training.gc_ratio": {"zh": "数值梯度慢了", "en": "Numerical is slower by"},
    "training.gc_times": {"zh": "{x:,.0f} 倍", "en": "{x:,.0f}×"},
    "training.gc_ms": {"zh": "{ms:.3f} 毫秒", "en": "{ms:.3f} ms"},
    "training.gc_ok": {
        "zh": "最大差异只有 {worst:.1e}，远小于梯度本身：反向传播的实现是正确的。",
        "en": "The largest difference is only {worst:.1e}, far below the gradients themselves: "
        "backpropagation is implemented correctly.",
    },
    "training.gc_bad": {
        "zh": "最大差异 {worst:.1e} 偏大，反向传播可能有错误。",
        "en": "The largest difference, {worst:.1e}, is large: backpropagation may be wrong.",
    },
    "training.gc_settings": {
        "zh": "上面是隐藏层 {hidden} 个神经元、{images} 张图像的结果。",
        "en": "Results above: {hidden} hidden units, {images} image(s).",
    },
    "training.gc_note": {
        "zh": "数值梯度用中心差分 (f(w + h) − f(w − h)) / 2h，h = 1e-4。训练的每一步都要算一次梯度，"
        "所以实际训练只用反向传播，数值梯度只用来检查。",
        "en": "The numerical gradient uses central differences (f(w + h) − f(w − h)) / 2h with "
        "h = 1e-4. Training needs a gradient at every step, so it uses backpropagation; the "
        "numerical gradient is only for checking.",
    },
}
