"""Matrix-shape playground (book ch. 3.3-3.6): dot, @, broadcasting, the forward pass in shapes.

The page is its table of contents; each section lives in ui/shapes_sections.py.
"""

from ui.layout import page_about, page_intro
from ui.settings import reset_button
from ui.shapes_sections import example_arrays, mnist_flow, playground, three_layers

page_intro("shapes")
reset_button("shapes_")
playground()  # 1 pick shapes and an operation: numpy's result, or its error and a fix
page_about("shapes")
example_arrays()  # 2 array attributes and a matrix product cell by cell
three_layers()  # 3 the book's three-layer network, step by step
mnist_flow()  # 4 shapes and work in the MNIST network for a batch of N
