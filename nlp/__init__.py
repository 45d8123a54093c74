"""Netra's NLP: Indonesian news in, codebook annotations out. Never opens a database."""
