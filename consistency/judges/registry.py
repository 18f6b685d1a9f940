"""The typed-check registry: a check is a plain callable registered by name.

A check takes two claims and returns a :class:`~consistency.types.CheckResult`::

    @register_check("numeric")
    def check_numbers(a: Claim, b: Claim) -> CheckResult: ...

Adding a kind of check is one new module in ``consistency/judges/`` plus its
import in ``consistency/judges/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from consistency.types import CheckResult, Claim

Check = Callable[[Claim, Claim], CheckResult]

_CHECKS: dict[str, Check] = {}


def register_check(name: str) -> Callable[[Check], Check]:
    """Register ``fn`` as the typed check called ``name``."""

    def decorate(fn: Check) -> Check:
        if name in _CHECKS and _CHECKS[name] is not fn:
            raise ValueError(f"a check named {name!r} is already registered")
        _CHECKS[name] = fn
        return fn

    return decorate


def get_check(name: str) -> Check:
    """The check registered as ``name``; KeyError names the known ones."""
    try:
        return _CHECKS[name]
    except KeyError:
        known = ", ".join(sorted(_CHECKS)) or "none"
        raise KeyError(f"no check named {name!r} (known: {known})") from None


def registered_checks() -> dict[str, Check]:
    """All registered checks by name (a copy)."""
    return dict(_CHECKS)
