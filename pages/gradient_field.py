"""Derivatives and gradients (book §4.3-4.4): tangent lines, the step h, -∇f on a contour map."""

from ui import gradient_field_sections as sections
from ui.layout import page_about, page_intro
from ui.settings import reset_button

page_intro("gradient_field")
reset_button("gradient_field_")
sections.tangents()
sections.book_tangent()
page_about("gradient_field")
sections.step_size()
sections.book_gradients()
sections.field()
sections.book_quiver()
sections.outro()
