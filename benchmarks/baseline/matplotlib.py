"""The same chart as plotly.py drawn by matplotlib, sent as a PNG (st.pyplot)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import streamlit as st

st.title("Baseline")
v = st.slider("x", 0.5, 3.0, 1.0)
x = np.linspace(-5, 5, 101)
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(x, np.tanh(v * x))
st.pyplot(fig)
plt.close(fig)
