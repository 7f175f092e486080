"""Jupyter widgets over the powermap-kit core: thin views and editors, no rules of their own.

Importing this package needs ipywidgets and ipycytoscape (``pip install powermap-kit[lab]``).
"""
