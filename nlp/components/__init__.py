"""spaCy components of Netra's pipeline, each registered under a ``netra_*`` factory name.

:mod:`nlp.pipeline` imports every module here, which registers the factories
so that ``spacy.load`` can rebuild the pipeline from its config.
"""
