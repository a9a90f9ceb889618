"""Perceptron and logic gates (book ch. 2): a line is a gate, XOR needs two layers, learning."""

from ui import perceptron_sections as sections
from ui.layout import page_about, page_intro
from ui.settings import reset_button

page_intro("perceptron")
reset_button("perceptron_")
sections.playground()
page_about("perceptron", "perceptron.presets")
sections.xor_section()
sections.mlp()
sections.learning_rule()
