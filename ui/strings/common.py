"""Strings of the app shell: navigation, chapters, shared labels and messages."""

STRINGS = {
    "common.app_title": {"zh": "神经网络可视化实验室", "en": "NN Visual Lab"},
    "common.home": {"zh": "首页：实验室地图", "en": "Home: map of the lab"},
    "common.chapter_n": {"zh": "第 {n} 章", "en": "Chapter {n}"},
    "common.ch2": {"zh": "感知机", "en": "Perceptron"},
    "common.ch3": {"zh": "神经网络", "en": "Neural networks"},
    "common.ch4": {"zh": "神经网络的学习", "en": "Training neural networks"},
    "common.show_code": {
        "zh": "查看代码：这张图背后的 lab 源码",
        "en": "Show the code behind this",
    },
    "common.crash": {
        "zh": "出了点问题，这一步没有完成。换个输入再试一次；页面其余部分仍然可用。",
        "en": "Something went wrong and this step did not finish. Try another input; "
        "the rest of the page still works.",
    },
    "common.book_section": {"zh": "对应书中 §{section}", "en": "Book §{section}"},
    "common.download_png": {"zh": "下载 PNG（幻灯片用）", "en": "PNG for slides"},
    "common.download_svg": {"zh": "下载 SVG", "en": "SVG"},
    "common.book_figure": {
        "zh": "书中的图：用 matplotlib 自己画出来",
        "en": "The book's figure: draw it yourself with matplotlib",
    },
    "common.sidebar_about": {
        "zh": "跟着《深度学习入门：基于Python的理论与实现》第 2-4 章，动手看懂神经网络。",
        "en": "Learn chapters 2-4 of *Deep Learning from Scratch* (Koki Saito) by playing.",
    },
    "common.reset": {"zh": "恢复本页默认设置", "en": "Reset this page"},
    "common.reset_help": {
        "zh": "本页的滑块和选项在这次访问中一直保留，换页再回来也不变；点这里把它们恢复成初始值。",
        "en": "This page's sliders and options are kept while you visit other pages; this puts "
        "them back to their first values.",
    },
    "common.about_page": {"zh": "这一页讲什么", "en": "What this page shows"},
    # Streamlit's own widget texts, replaced by CSS in the Chinese interface (ui/widget_text.py)
    "common.press_enter": {"zh": "按回车键应用", "en": "Press Enter to apply"},
    "common.upload_button": {"zh": "选择文件", "en": "Upload"},
    "common.upload_limit": {"zh": "单个文件不超过 {mb} MB", "en": "{mb}MB per file"},
    "common.choose": {"zh": "请选择", "en": "Choose options"},
    "common.select_all": {"zh": "全选", "en": "Select all"},
    "common.select_matches": {"zh": "选中所有匹配项", "en": "Select all matches"},
    "common.none_left": {
        "zh": "没有可选的了（已选满时，先删掉一个）",
        "en": "Nothing left to pick (when full, remove one first)",
    },
}
