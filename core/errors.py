"""Errors a user can cause, kept apart from bugs so front ends show the message, not a traceback."""


class LaiQaError(ValueError):
    """Bad input the user can fix; the message is written for them."""


class SchemeError(LaiQaError):
    """A QA scheme (preset file or custom table) that cannot describe a bit field layout."""


class RuleError(LaiQaError):
    """A QA rule that does not parse or names something the scheme lacks."""


class Cancelled(Exception):
    """The user asked to stop; not an error, but no output may remain."""
