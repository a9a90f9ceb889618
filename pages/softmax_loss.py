"""Softmax and loss functions (book §3.5, §4.2): scores → probabilities → decision → loss.

The page is its table of contents; each section lives in ui/softmax_loss_sections.py.
"""

from ui.layout import folded, page_about, page_intro
from ui.settings import reset_button
from ui.softmax_loss_sections import (
    book_losses,
    explorer,
    loss_vs_p,
    mini_batch,
    overflow,
    sigmoid_vs_softmax,
)

page_intro("softmax_loss")
reset_button("softmax_loss_")
explorer()  # your scores and a temperature -> softmax's probabilities -> the decision
page_about("softmax_loss")
overflow()  # the naive softmax overflows; subtracting the max does not
sigmoid_vs_softmax()  # which one when
book_losses()  # the book's two outputs y and every loss, computed and as the book prints
folded("softmax_loss_fold_p", "softmax_loss.p_title", loss_vs_p)  # each loss against p
folded("softmax_loss_fold_batch", "softmax_loss.batch_title", mini_batch)  # real images, t
