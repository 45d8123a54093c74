"""Netra: finds civil-servant election-neutrality cases in Indonesian local news
and sets them beside the official record."""

__version__ = "0.1.0"
