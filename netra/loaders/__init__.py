"""Loaders: validated, idempotent writes of outside data into the ``raw`` schema."""
