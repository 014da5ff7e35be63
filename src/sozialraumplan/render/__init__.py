"""Render the validated plan into Markdown/HTML fragments and pages (no site generator involved)."""
