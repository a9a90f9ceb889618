"""MNIST explorer (book §3.6): the data and its shapes, the book's two inference loops timed
live, and what the trained models get wrong (confusion matrix, mistakes, accuracy per digit).

The page is its table of contents; each section lives in ui/mnist_sections.py.
"""

from ui.layout import page_about, page_intro
from ui.mnist_sections import browse, mistakes, timing
from ui.settings import reset_button

page_intro("mnist")
reset_button("mnist_")
browse()  # 1 the images, their labels, one-hot codes and array shapes
page_about("mnist")  # what the page shows, folded
timing()  # 2 one image at a time against batches, timed on the same images
mistakes()  # 3 the confusion matrix; the mistakes and the per-digit accuracy on request
