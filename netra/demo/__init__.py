"""Offline demo sites: fictional Indonesian news sites on 127.0.0.1, built from the labelled corpus.

``netra.demo.sites.serve()`` starts them (a context manager); the crawler reaches
them through the server acting as an HTTP proxy, so URLs keep their
``http://<site>.example/...`` form.
"""
