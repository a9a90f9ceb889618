"""The same chart as plotly.py drawn by Streamlit's built-in Vega-Lite chart (st.line_chart)."""

import numpy as np
import streamlit as st

st.title("Baseline")
v = st.slider("x", 0.5, 3.0, 1.0)
x = np.linspace(-5, 5, 101)
st.line_chart({"x": x, "y": np.tanh(v * x)}, x="x", y="y")
