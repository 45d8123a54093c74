"""The labelled corpus (articles/*.yaml), its validator and the gold-file builder."""
