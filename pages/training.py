"""Training a two-layer net on MNIST, live (book §4.5), and the gradient check (§4.5, §5.7.3).

The page is its table of contents; each section lives in ui/training_sections.py.
"""

from ui.layout import page_about, page_intro
from ui.settings import reset_button
from ui.training_sections import grad_check, trainer

page_intro("training")
reset_button("training_")
trainer()  # 1 pick hyperparameters, train live in the background, use the result on /digits
page_about("training")  # what the page shows, folded
grad_check()  # 2 backpropagation against the numerical gradient
