"""Errors mediakit raises for input the user can fix."""


class CorpusError(ValueError):
    """The corpus (files, table or column mapping) cannot be used as given.

    The message always says what was found and what to change.
    """
