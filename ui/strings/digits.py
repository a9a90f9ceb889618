"""Strings of the handwriting page (pages/digits.py)."""

STRINGS = {
    "digits.title": {"zh": "手写数字识别", "en": "Draw a digit"},
    "digits.card": {
        "zh": "在画板上写一个数字，训练好的网络立刻给出它的判断和十个概率，还能看到每一层在做什么。",
        "en": "Write a digit on the canvas: a trained network reads it at once, shows its ten "
        "probabilities, and what each of its layers does.",
    },
    "digits.intro": {
        "zh": "**你将看到：** 用鼠标（或手指）在黑色画板上写一个 0~9 的数字，每写完一笔，网络就重新判断一次。"
        "画板上的图先按 MNIST 的做法处理：裁出笔迹、缩放进 20×20 的方框、按重心放到 28×28 的中央，"
        "得到和训练数据一样的 784 个像素，再送进网络。也可以上传一张手写数字的照片。"
        "默认的卷积网络会展示它的卷积核和特征图；选择“书中网络”，则能看到隐藏层的激活和第一层权重。",
        "en": "**What you will see:** write a digit 0-9 on the black canvas with the mouse (or a "
        "finger); after every stroke the network reads it again. The drawing is first prepared "
        "the way MNIST was made: crop the ink, fit it into a 20×20 box, centre it by its centre "
        "of mass in 28×28, which gives the 784 pixels the network was trained on. You can also "
        "upload a photo of a handwritten digit. The default convolutional network shows its "
        "kernels and feature maps; pick the book's network to see its hidden activations and "
        "first-layer weights.",
    },
    "digits.source": {"zh": "输入方式", "en": "Input"},
    "digits.source.draw": {"zh": "在画板上写", "en": "Draw"},
    "digits.source.upload": {"zh": "上传图片", "en": "Upload an image"},
    "digits.model": {"zh": "模型", "en": "Model"},
    "digits.model.default": {"zh": "默认模型", "en": "Default model"},
    "digits.model.book": {"zh": "书中网络", "en": "Book network"},
    "digits.arch.book": {
        "zh": "书中网络 784-50-100-10（sigmoid）",
        "en": "the book network 784-50-100-10 (sigmoid)",
    },
    "digits.arch.default": {"zh": "默认模型（卷积网络）", "en": "the default model (a CNN)"},
    "digits.model.trained": {"zh": "我训练的网络", "en": "My trained network"},
    "digits.arch.trained": {
        "zh": "你在“训练神经网络”页刚训练的网络",
        "en": "the network you just trained on the training page",
    },
    "digits.model_is": {
        "zh": "当前使用：{name}，测试集准确率 {acc}。",
        "en": "In use: {name}, test accuracy {acc}.",
    },
    "digits.stroke": {"zh": "笔画粗细（像素）", "en": "Stroke width (pixels)"},
    "digits.canvas_help": {
        "zh": "白色墨水写在黑色画板上，和 MNIST 一样。“清空画板”重新开始；画板右上角的小工具栏（指向或点按画板时出现）"
        "里的弯箭头可以撤销上一笔。",
        "en": "White ink on black, like MNIST. “Clear the canvas” starts again; the small "
        "toolbar at the canvas's top right (it appears when you point at or touch the canvas) "
        "has a curved arrow that undoes the last stroke.",
    },
    "digits.clear": {"zh": "清空画板", "en": "Clear the canvas"},
    "digits.lead": {
        "zh": "在黑色画板上写一个 0~9 的数字：每写完一笔，网络就重新判断一次。",
        "en": "Write a digit 0-9 on the black canvas: the network reads it again after every "
        "stroke.",
    },
    "digits.empty": {
        "zh": "画板还是空的：写一个 0~9 的数字，每写完一笔（松开鼠标或抬起手指）就能看到网络的判断。",
        "en": "The canvas is empty: write a digit 0-9; each time you lift the mouse button or "
        "your finger, the network reads it.",
    },
    "digits.examples_title": {
        "zh": "MNIST 里的数字长这样",
        "en": "What MNIST digits look like",
    },
    "digits.examples_note": {
        "zh": "测试集里每个数字的第一张（{n}×{n} 像素，放大显示）。写得像它们：一笔写完整，数字占满画板的大部分。"
        "预处理会裁剪、缩放、居中，所以写在哪里都行；但笔画相对数字的粗细有影响：数字写得太小，放大后成了一团粗墨；"
        "笔画太细，缩小后又淡得几乎看不见。",
        "en": "The first test image of each digit ({n}×{n} pixels, enlarged). Write like them: "
        "whole strokes, filling most of the canvas. Preprocessing crops, scales and centres, so "
        "where you write does not matter, but the stroke's thickness relative to the digit "
        "does: a tiny digit is blown up into a thick blob, a hairline on a big digit shrinks "
        "to a faint trace.",
    },
    "digits.no_ink": {
        "zh": "这张图里看不出笔迹（几乎是一片纯色）。换一张对比更明显的图试试。",
        "en": "No ink found in this image (it is almost one flat colour). Try one with more "
        "contrast.",
    },
    "digits.upload": {
        "zh": "上传一张手写数字图片",
        "en": "Upload a photo of one handwritten digit",
    },
    "digits.upload_help": {
        "zh": "PNG、JPEG、BMP、GIF 等，最大 {mb} MB、{mp} 百万像素，长边不超过短边的 {ratio} 倍；"
        "白底黑字或黑底白字都可以。",
        "en": "PNG, JPEG, BMP, GIF ..., at most {mb} MB and {mp} megapixels, the long side at most "
        "{ratio} times the short side; dark ink on light paper or light on dark both work.",
    },
    "digits.upload_prompt": {
        "zh": "还没有上传图片：选一张只含一个数字的图片，网络会用同样的步骤读它。超过 {mb} MB 的文件"
        "会被浏览器直接拒绝、不会发送（上面的文件名旁会出现红色标记）：请先把图片缩小或裁剪。",
        "en": "No image yet: choose a picture of a single digit and the network reads it with "
        "the same steps. A file over {mb} MB is refused by the browser and never sent (it is "
        "marked red above): scale it down or crop it first.",
    },
    "digits.not_image": {
        "zh": "无法把 {name} 当作图片读取：它不是图片，或者文件已损坏。请上传 PNG、JPEG 等图片文件。",
        "en": "Could not read {name} as an image: it is not one, or the file is damaged. Upload "
        "a PNG, JPEG or similar picture.",
    },
    "digits.too_big": {
        "zh": "{name} 的像素太多{size}，为了安全没有解码。可以接受的是：最多 {mp} 百万像素"
        "（例如 2000×2000），长边不超过短边的 {ratio} 倍。请先把图片缩小再上传。",
        "en": "{name} has too many pixels{size}, so it was not decoded. Accepted: at most {mp} "
        "megapixels (e.g. 2000×2000), the long side at most {ratio} times the short side. "
        "Scale it down and upload it again.",
    },
    "digits.too_big_size": {"zh": "（{w}×{h}）", "en": " ({w}×{h})"},
    "digits.too_thin": {
        "zh": "{name} 是 {w}×{h} 像素：长边是短边的 {got} 倍，不像一张数字的照片，所以没有解码。"
        "可以接受的是：长边不超过短边的 {ratio} 倍，最多 {mp} 百万像素。请把图片裁剪到数字周围再上传。",
        "en": "{name} is {w}×{h} pixels: its long side is {got} times its short side, which is "
        "not a picture of a digit, so it was not decoded. Accepted: the long side at most "
        "{ratio} times the short side, at most {mp} megapixels. Crop it around the digit and "
        "upload it again.",
    },
    "digits.inverted": {
        "zh": "检测到白底黑字，已反转成 MNIST 的黑底白字。",
        "en": "Dark ink on light paper detected: inverted to MNIST's light-on-dark.",
    },
    "digits.prediction": {"zh": "预测", "en": "Prediction"},
    "digits.confidence": {"zh": "把握 {p}", "en": "confidence {p}"},
    "digits.proba_title": {
        "zh": "十个数字的概率（softmax 输出）",
        "en": "Probabilities of the ten digits (softmax)",
    },
    "digits.digit_axis": {"zh": "数字", "en": "digit"},
    "digits.proba_axis": {"zh": "概率", "en": "probability"},
    "digits.input_title": {"zh": "模型输入：28×28", "en": "Model input: 28×28"},
    "digits.pixel_hover": {
        "zh": "第 %{y} 行，第 %{x} 列：%{z:.2f}",
        "en": "row %{y}, col %{x}: %{z:.2f}",
    },
    "digits.com": {"zh": "重心", "en": "centre of mass"},
    "digits.steps_title": {"zh": "预处理：MNIST 的做法", "en": "Preprocessing, the MNIST way"},
    "digits.step.ink": {"zh": "① 笔迹（{h}×{w}）", "en": "① ink ({h}×{w})"},
    "digits.step.crop": {"zh": "② 裁出笔迹（{h}×{w}）", "en": "② ink cropped ({h}×{w})"},
    "digits.step.box": {"zh": "③ 缩放进 20×20（{h}×{w}）", "en": "③ fit into 20×20 ({h}×{w})"},
    "digits.step.centre": {
        "zh": "④ 重心 ({r:.1f}, {c:.1f}) 移到 (14, 14)",
        "en": "④ centre of mass ({r:.1f}, {c:.1f}) moved to (14, 14)",
    },
    "digits.steps_note": {
        "zh": "④ 就是模型的输入：28×28 = 784 个 0~1 之间的像素，展平成一行 x，形状 (1, 784)。",
        "en": "④ is the model input: 28×28 = 784 pixels between 0 and 1, flattened into one row x "
        "of shape (1, 784).",
    },
    "digits.layers_title": {
        "zh": "每一层在做什么（{name}）",
        "en": "What each layer does ({name})",
    },
    "digits.layers_intro": {
        "zh": "网络的形状：{sizes}。x 是 784 个像素；第 1 层 a1 = x·W1 + b1，z1 = h(a1)（h 是激活函数），"
        "下一层再用 z1 算 z2……最后的输出层经过 softmax 得到上面的概率。每个小格是一个单元，颜色越亮，激活越接近 1。",
        "en": "The network's shape: {sizes}. x is the 784 pixels; layer 1 computes a1 = x·W1 + b1 "
        "and z1 = h(a1) (h is the activation), the next layer does the same with z1, and the "
        "output layer's softmax gives the probabilities above. Each cell is one unit; the "
        "brighter, the closer its activation is to 1.",
    },
    "digits.layer": {
        "zh": "第 {i} 隐藏层 z{i}（{n} 个单元）",
        "en": "hidden layer {i}, z{i} ({n} units)",
    },
    "digits.unit_hover": {"zh": "单元 %{x}：%{z:.3f}", "en": "unit %{x}: %{z:.3f}"},
    "digits.unit": {"zh": "查看第 1 层的哪个单元", "en": "First-layer unit to inspect"},
    "digits.weights_title": {
        "zh": "单元 {unit} 的权重 W1[:, {unit}]",
        "en": "Weights of unit {unit}: W1[:, {unit}]",
    },
    "digits.weight_hover": {
        "zh": "第 %{y} 行，第 %{x} 列：权重 %{z:.3f}",
        "en": "row %{y}, col %{x}: weight %{z:.3f}",
    },
    "digits.weights_note": {
        "zh": "单元 {unit} 把 784 个像素分别乘上这张图里的权重再相加：蓝色处有墨水会让它更兴奋，"
        "红色处有墨水会抑制它。对你写的这个数字，a1 = {a:.2f}，z1 = h(a1) = {z:.3f}。",
        "en": "Unit {unit} multiplies each of the 784 pixels by the weight shown here and adds "
        "them up: ink on blue excites it, ink on red inhibits it. For your digit a1 = {a:.2f}, "
        "z1 = h(a1) = {z:.3f}.",
    },
    "digits.inside": {
        "zh": "看网络内部：每一层看到了什么",
        "en": "Look inside: what each layer sees",
    },
    "digits.inside_help": {
        "zh": "打开后显示隐藏层的激活与权重，或卷积核与特征图（每画一笔都会重新计算）。",
        "en": "Shows the hidden layers' activations and weights, or the kernels and feature maps "
        "(recomputed after every stroke).",
    },
    "digits.cnn_title": {
        "zh": "卷积网络看到了什么",
        "en": "What the convolutional network sees",
    },
    "digits.cnn_intro": {
        "zh": "默认模型是卷积网络（书第 7 章的内容，这里先看它做了什么）。第一层有 {k} 个 3×3 的卷积核，"
        "每个核在图上逐格滑动，对一种局部笔画（横边、竖边或斜边）有反应。结果经过池化（{h0}×{h0} → "
        "{h1}×{h1}）、批归一化和 ReLU，成为 {k} 张特征图：亮的地方就是这个核找到了它要的笔画。第二层在这些图上"
        "再做 {k2} 个卷积，同样池化成 {h2}×{h2}，得到更抽象的特征，最后由全连接层做出判断。",
        "en": "The default model is a convolutional network (the book's chapter 7; here, just what "
        "it does). Its first layer has {k} kernels of 3×3; each slides over the image and "
        "responds to one kind of local stroke (a horizontal, vertical or slanted edge). "
        "Pooling ({h0}×{h0} → {h1}×{h1}), batch normalisation and ReLU turn the results into "
        "{k} feature maps: bright where a kernel found its stroke. The second layer convolves "
        "those into {k2} more abstract maps, pooled the same way to {h2}×{h2}, and the fully "
        "connected layers decide.",
    },
    "digits.cnn_kernels": {
        "zh": "第一层的 {n} 个 3×3 卷积核",
        "en": "The first layer's {n} kernels (3×3)",
    },
    "digits.cnn_maps": {
        "zh": "{layer}：{n} 张 {h}×{h} 特征图",
        "en": "{layer}: {n} feature maps of {h}×{h}",
    },
    "digits.cnn_kernel_hover": {
        "zh": "卷积核 %{customdata[0]}，第 %{customdata[1]} 行第 %{customdata[2]} 列：权重 %{z:.3f}",
        "en": "kernel %{customdata[0]}, row %{customdata[1]}, col %{customdata[2]}: weight %{z:.3f}",
    },
    "digits.cnn_map_hover": {
        "zh": "特征图 %{customdata[0]}，第 %{customdata[1]} 行第 %{customdata[2]} 列：%{z:.3f}",
        "en": "map %{customdata[0]}, row %{customdata[1]}, col %{customdata[2]}: %{z:.3f}",
    },
    "digits.cnn_note": {
        "zh": "卷积核：蓝 = 正权重（这里有墨水会增强反应），红 = 负权重（会抑制）。特征图用同一个亮度刻度，"
        "暗的图说明这个核在你写的数字里几乎没找到它要的笔画。换一个数字写写看，哪些图亮起来会跟着变。"
        "书中网络（全连接）的逐层视图请切换到“书中网络”。",
        "en": "Kernels: blue = positive weight (ink there strengthens the response), red = "
        "negative (it inhibits). The feature maps share one brightness scale: a dark map means "
        "its kernel found little of its stroke in your digit. Write another digit and watch "
        "which maps light up. For the layer view of the book's fully connected network, "
        "switch to the book network.",
    },
    # -- one kernel, its map and what it likes (ui/digits_kernels.py)
    "digits.kernel_title": {
        "zh": "一个卷积核：它看到了什么，喜欢什么",
        "en": "One kernel: what it sees, what it likes",
    },
    "digits.kernel_intro": {
        "zh": "选一个第一层的卷积核。它把 3×3 个像素分别乘上自己的 9 个权重再相加（加上偏置），在图上每个位置都算一次，得到一张和输入一样大的图。",
        "en": "Pick a first-layer kernel. At every position it multiplies the 3×3 pixels there "
        "by its 9 weights and adds them up (plus a bias), which draws a map the size of the input.",
    },
    "digits.kernel_pick": {"zh": "卷积核编号", "en": "Kernel"},
    "digits.kernel_pick_help": {
        "zh": "编号和上面卷积核网格里的顺序相同（从 0 开始，逐行）。对你写的数字反应最强的是：{top}。",
        "en": "Numbered as in the kernel grid above (from 0, row by row). The strongest on your "
        "digit: {top}.",
    },
    "digits.kernel_strongest": {
        "zh": "对你写的这个数字反应最强的卷积核：{top}。",
        "en": "Kernels that respond most to your digit: {top}.",
    },
    "digits.kernel_weights": {"zh": "卷积核 {k} 的 9 个权重", "en": "Kernel {k}: its 9 weights"},
    "digits.kernel_where": {
        "zh": "你的数字：方框处反应最强",
        "en": "Your digit: the box is where it responds most",
    },
    "digits.kernel_map": {
        "zh": "卷积核 {k} 的输出（28×28）",
        "en": "Kernel {k}'s output (28×28)",
    },
    "digits.kernel_sum": {
        "zh": "在第 {r} 行第 {c} 列，卷积核 {k} 的输出最大：{value}。它乘的是方框里的这些像素：\n```\n{under}\n```\n"
        "蓝色（正）权重下面有墨水、红色（负）权重下面没有墨水时，输出最大。",
        "en": "Kernel {k}'s output is largest at row {r}, column {c}: {value}. These are the "
        "pixels in the box it multiplies there:\n```\n{under}\n```\nThe output is largest where "
        "there is ink under the blue (positive) weights and none under the red (negative) ones.",
    },
    "digits.kernel_patches": {
        "zh": "前 {searched} 张 MNIST 测试图像里，最能激活卷积核 {k} 的 {n} 个小块（7×7）",
        "en": "The {n} patches (7×7) of the first {searched} MNIST test images that excite "
        "kernel {k} most",
    },
    "digits.kernel_patch_hover": {
        "zh": "第 %{customdata[0]} 块，第 %{customdata[1]} 行第 %{customdata[2]} 列：%{z:.2f}",
        "en": "patch %{customdata[0]}, row %{customdata[1]}, col %{customdata[2]}: %{z:.2f}",
    },
    "digits.kernel_patches_note": {
        "zh": "每个小块以那张图里反应最强的位置为中心，取自测试图像 {images}。这些小块的共同点，就是这个核要找的笔画。"
        "网络接下来把这张 28×28 的输出池化成 14×14，再做批归一化和 ReLU，得到上面的特征图。",
        "en": "Each patch is centred on the strongest position of its image; they come from test "
        "images {images}. What the patches share is the stroke this kernel looks for. The "
        "network then pools this 28×28 output to 14×14 and applies batch normalisation and ReLU, "
        "which gives the feature maps above.",
    },
}
