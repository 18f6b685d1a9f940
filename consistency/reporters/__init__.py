"""Report formats behind one interface (:class:`~consistency.reporters.base.Reporter`)."""

from __future__ import annotations

from pathlib import Path

from consistency.errors import SettingsError
from consistency.reporters.base import Reporter
from consistency.reporters.csv import CsvReporter

REPORTERS: dict[str, type[Reporter]] = {CsvReporter.name: CsvReporter}


def get_reporter(name: str, out_dir: str | Path) -> Reporter:
    """The reporter for format ``name``; an unknown format is an error, never a fallback."""
    try:
        return REPORTERS[name](out_dir)
    except KeyError:
        known = ", ".join(sorted(REPORTERS))
        raise SettingsError(f"unknown report format {name!r} (known: {known})") from None
