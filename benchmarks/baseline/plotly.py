"""The floor for a page with a chart: Streamlit and one small plotly line chart (101 points)."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.title("Baseline")
v = st.slider("x", 0.5, 3.0, 1.0)
x = np.linspace(-5, 5, 101)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.tanh(v * x))))
