"""The floor for a page: Streamlit alone (a title, a line, a slider), nothing of the lab."""

import streamlit as st

st.title("Baseline")
st.write("A minimal Streamlit page: a title, a slider and a line of text.")
v = st.slider("x", 0, 10, 5)
st.write(v * 2)
