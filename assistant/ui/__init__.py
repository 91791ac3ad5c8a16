"""The Streamlit app: one module per page, plus small shared helpers.

Nothing here runs at import; ``app.py`` builds the navigation and each page module
exposes ``render()``.
"""
