"""One exception family. The library raises these; only the CLI turns them into messages.

Each error has a stable ``code`` and a message that names the file (where
there is one) and the reason, on one line.
"""

from __future__ import annotations


class ConsistencyError(Exception):
    """Base class: ``str(error)`` is the one-line message shown to users."""

    code = "E000"

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        self.reason = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(ConsistencyError):
    """A file could not be read or parsed as an article or pair source."""

    code = "E100"


class NoArticlesError(ConsistencyError):
    """Nothing readable was found in the paths given."""

    code = "E101"


class ModelError(ConsistencyError):
    """A model (embedder or judge) could not be loaded or run."""

    code = "E200"


class SettingsError(ConsistencyError):
    """An option or setting has a value the checker cannot use."""

    code = "E300"


class OutputError(ConsistencyError):
    """A report could not be written."""

    code = "E400"
