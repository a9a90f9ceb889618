"""Perceptron and logic gates (book ch. 2): a line is a gate, XOR needs two layers, learning."""

from ui import perceptron_sections as sections
from ui.layout import folded, page_about, page_intro
from ui.settings import reset_button

page_intro("perceptron")
reset_button("perceptron_")
sections.playground()
page_about("perceptron", "perceptron.presets")
folded("perceptron_fold_xor", "perceptron.xor_title", sections.xor_section)
folded("perceptron_fold_mlp", "perceptron.mlp_title", sections.mlp)
folded("perceptron_fold_rule", "perceptron.rule_title", sections.learning_rule)
