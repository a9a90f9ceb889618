"""Strings of the home page."""

STRINGS = {
    "home.intro": {
        "zh": "这里把书中静态的图变成可以拖动、可以画、可以训练的实验。每一张卡片是一课："
        "左侧边栏按书的章节排列，也可以在那里随时切换中文 / English。所有计算都由本项目从零用 "
        "NumPy 写成，没有用任何深度学习框架。",
        "en": "The book's static figures, turned into experiments you can drag, draw on and "
        "train. Each card is one lesson; the sidebar follows the book's chapters and switches "
        "between 中文 and English at any time. Every number is computed by this project's own "
        "from-scratch NumPy code, with no deep-learning framework.",
    },
    "home.footer": {
        "zh": "数据：MNIST（Yann LeCun、Corinna Cortes、Christopher J. C. Burges，CC BY-SA 3.0）。"
        "模型权重由本项目的代码在本机训练，可一条命令复现。",
        "en": "Data: MNIST (Yann LeCun, Corinna Cortes, Christopher J. C. Burges; CC BY-SA 3.0). "
        "The model weights were trained here by this project's code and are reproducible with "
        "one command.",
    },
}
