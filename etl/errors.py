"""The one exception type the ETL raises for problems a user can act on."""


class EtlError(Exception):
    """A failure with a one-line message: what went wrong, then what to do about it.

    ``reason``, when given, is a stable key for code that says the problem in its own words
    (the reader of participants lists: "encrypted", "damaged", "no-text", "too-long").
    """

    def __init__(self, problem: str, action: str, reason: str = "") -> None:
        self.problem = problem.rstrip(".")
        self.action = action.rstrip(".")
        self.reason = reason
        super().__init__(f"{_capitalised(self.problem)}. {_capitalised(self.action)}.")

    def with_note(self, note: str) -> "EtlError":
        """The same error with a note appended to its action (for example where files were kept)."""
        return EtlError(self.problem, f"{self.action}; {note}", self.reason)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
