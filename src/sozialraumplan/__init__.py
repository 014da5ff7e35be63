"""Integrierter Sozialraumplan als Code."""
