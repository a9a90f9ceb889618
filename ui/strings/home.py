"""Strings of the home page."""

STRINGS = {
    "home.intro": {
        "zh": "书中的图，变成可以拖动、画画、训练的实验：每张卡片是一课，按书的章节排列。",
        "en": "The book's figures as experiments you can drag, draw on and train: one card per "
        "lesson, in the book's order.",
    },
    "home.footer": {
        "zh": "所有计算都由本项目从零用 NumPy 写成，没有用任何深度学习框架；左侧边栏可随时切换中文 / English。"
        "数据：MNIST（Yann LeCun、Corinna Cortes、Christopher J. C. Burges，CC BY-SA 3.0）。"
        "模型权重由本项目的代码在本机训练，可一条命令复现。",
        "en": "Every number is computed by this project's own from-scratch NumPy code, with no "
        "deep-learning framework; the sidebar switches between 中文 and English at any time. "
        "Data: MNIST (Yann LeCun, Corinna Cortes, Christopher J. C. Burges; CC BY-SA 3.0). "
        "The model weights were trained here by this project's code and are reproducible with "
        "one command.",
    },
}
