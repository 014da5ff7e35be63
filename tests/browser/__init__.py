"""Barrierefreiheit der gebauten Website, geprüft in echtem Chromium mit axe-core."""
