"""Errors that the CLI reports as one clear line instead of a traceback."""


class NetraError(Exception):
    """A failure the user can act on; its message is the whole story."""


class DatabaseUnavailable(NetraError):
    """The configured database cannot be reached."""
