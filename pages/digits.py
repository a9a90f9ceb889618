"""Handwritten digits (book §3.6): draw or upload a digit, see the MNIST preprocessing, the
prediction and, for the book's MLP, what each layer does.

The page is its table of contents; each section lives in ui/digits_sections.py.
"""

from ui.digits_sections import draw_and_read
from ui.domain_shift import real_handwriting
from ui.layout import page_about, page_intro
from ui.settings import reset_button

page_intro("digits")
reset_button("digits_")
draw_and_read()  # 1 pick a model, draw a digit: the reading, the MNIST steps, the layers
page_about("digits")
real_handwriting()  # 2 how the models do on real handwriting they never saw
