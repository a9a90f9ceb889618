"""Activation-curve explorer (book §3.2): overlay functions, derivatives, why nonlinearity.

The page is its table of contents; each section lives in ui/activations_sections.py.
"""

from ui.activations_sections import book, circuits, explorer, nonlinearity
from ui.layout import page_about, page_intro
from ui.settings import reset_button

page_intro("activations")
reset_button("activations_")
explorer()  # 1 pick functions: their curves, derivatives and formulas
book()  # the book's figure, drawn by the book's code
page_about("activations")
circuits()  # 2 a neuron as a circuit: weighted sum, then h
nonlinearity()  # 3 without h two layers are one line; with h they bend
