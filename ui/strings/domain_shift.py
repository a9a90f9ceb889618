"""Strings of the domain-shift sections on /digits (ui/domain_shift.py)."""

STRINGS = {
    "domain_shift.disagree": {
        "zh": "两个网络读出了不同的数字：书中网络（只见过 MNIST）读成 **{book}**，默认模型（还见过真人用笔写的数字）读成 **{default}**。网络只认识它训练时见过的那类数据：MNIST 是扫描的纸笔数字，画布上的笔画和它们不一样。",
        "en": "The two networks read different digits: the book network (trained on MNIST only) reads **{book}**, the default model (which has also seen real pen-drawn digits) reads **{default}**. A network knows only the kind of data it was trained on: MNIST holds scanned pen-on-paper digits, and strokes on a canvas look different.",
    },
    "domain_shift.reads.book": {"zh": "书中网络读成 {d}", "en": "Book network reads {d}"},
    "domain_shift.reads.default": {"zh": "默认模型读成 {d}", "en": "Default model reads {d}"},
    "domain_shift.title": {
        "zh": "真人笔迹：网络只认识见过的数据",
        "en": "Real handwriting: a network knows only what it has seen",
    },
    "domain_shift.intro": {
        "zh": "下面是 {writers} 位真人在手写板上写的 {n} 个数字（UCI pendigits 数据集），每个像画布那样画成白色笔画两次（共 {drawings} 张），再用和画布相同的预处理变成 28×28。两个网络都**从未见过这些人**。书中网络只用 MNIST 训练；默认模型还用另外 24 位书写者的笔迹训练过。",
        "en": "Below are {n} digits written by {writers} real people on a tablet (the UCI pendigits data set), each drawn twice as white strokes like the canvas ({drawings} drawings) and turned into 28×28 by the canvas's own preprocessing. **Neither network has seen these people.** The book network was trained on MNIST only; the default model has also learned from the pen strokes of 24 other writers.",
    },
    "domain_shift.model.book": {"zh": "书中网络（仅 MNIST）", "en": "Book network (MNIST only)"},
    "domain_shift.model.default": {
        "zh": "默认模型（MNIST + 笔迹）",
        "en": "Default model (MNIST + pen strokes)",
    },
    "domain_shift.all": {"zh": "全部", "en": "all"},
    "domain_shift.examples": {
        "zh": "**数字 {d}**：书中网络认对 {book}，默认模型认对 {default}。下面是书中网络读错、默认模型读对的几个：",
        "en": "**Digit {d}**: the book network reads {book} of them right, the default model {default}. A few the book network misreads and the default model reads right:",
    },
    "domain_shift.caption": {
        "zh": "书 {book} · 默认 {default}",
        "en": "book {book} · default {default}",
    },
    "domain_shift.why": {
        "zh": "MNIST 里很少有带钩的 9、带横杠的 7 和带长帽的 1，用笔在板上写的人却常这样写。解决办法是数据，而不是更大的网络：见过这类笔迹，网络就能读懂。",
        "en": "MNIST has few 9s with a hooked tail, 7s with a crossbar or 1s with a long flag, yet people writing with a pen often write them so. The cure is data, not a bigger network: having seen such strokes, a network reads them.",
    },
}
