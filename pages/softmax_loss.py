"""Softmax and loss functions (book §3.5, §4.2): scores → probabilities → decision → loss.

The page is its table of contents; each section lives in ui/softmax_loss_sections.py.
"""

from ui.layout import page_about, page_intro
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
loss_vs_p()  # how each loss moves with the right class's probability
mini_batch()  # a random mini-batch of real MNIST images and their one-hot labels
