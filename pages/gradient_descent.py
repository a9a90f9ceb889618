"""Gradient descent (book §4.4.1, §6.1): a path down a contour map, learning rates, optimizers."""

from ui import gradient_descent_sections as sections
from ui.layout import folded, page_about, page_intro
from ui.settings import reset_button

page_intro("gradient_descent")
reset_button("gradient_descent_")
sections.explorer()
sections.book()
page_about("gradient_descent")
folded("gradient_descent_fold_lessons", "gradient_descent.lessons_title", sections.lessons)
folded("gradient_descent_fold_stall", "gradient_descent.stall_title", sections.stall)
folded("gradient_descent_fold_opt", "gradient_descent.opt_title", sections.optimizers)
sections.outro()
