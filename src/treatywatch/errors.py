"""Errors raised by treatywatch.  Each message says what was wrong and what to do next.

    TreatywatchError
    ├── RegistryError          a treaty file or id is wrong
    │   ├── UnknownTreatyError     "Unknown treaty 'x'. Known: apmbc, ccm, ..."
    │   └── TreatyFileError        a malformed treaty file: file, field and reason
    ├── RuleError              a rule name or its parameters are wrong
    │   └── UnknownRuleError       "Unknown rule 'x'. Available: ..."
    ├── InputError             an input cannot be read (names the input and the reason)
    └── LedgerError            the ledger file cannot be used
"""

from __future__ import annotations


class TreatywatchError(Exception):
    """Base class of every error treatywatch raises on purpose."""


class RegistryError(TreatywatchError):
    """A treaty id or a treaty data file is wrong."""


class UnknownTreatyError(RegistryError, KeyError):
    """A treaty id that the registry does not know."""

    def __init__(self, treaty: str, known: list[str]) -> None:
        self.treaty = treaty
        self.known = known
        super().__init__(f"Unknown treaty '{treaty}'. Known: {', '.join(sorted(known))}")

    def __str__(self) -> str:
        return str(self.args[0])


class TreatyFileError(RegistryError):
    """A treaty data file that cannot be used."""

    def __init__(self, path: str, field: str, reason: str) -> None:
        self.path = path
        self.field = field
        self.reason = reason
        super().__init__(f"{path}: field '{field}': {reason}")


class RuleError(TreatywatchError):
    """A rule cannot be applied with the parameters it was given."""


class UnknownRuleError(RuleError, KeyError):
    """A rule name that is not registered."""

    def __init__(self, name: str, available: list[str]) -> None:
        self.name = name
        super().__init__(f"Unknown rule '{name}'. Available: {', '.join(sorted(available))}")

    def __str__(self) -> str:
        return str(self.args[0])


class InputError(TreatywatchError):
    """An input (file, line, URL) that cannot be read as an article or a status table."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class LedgerError(TreatywatchError):
    """The ledger database cannot be opened or used."""
