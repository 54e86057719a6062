"""Errors mediakit raises for input the user can fix."""


class CorpusError(ValueError):
    """The corpus (files, table or column mapping) cannot be used as given.

    The message always says what was found and what to change.
    """


class OptionError(CorpusError):
    """An argument or option has a value mediakit cannot use (a path that does not
    exist, a batch size of 0, an output that would overwrite the input).

    A :class:`CorpusError`, so ``except CorpusError`` catches it too; the
    command line reports it as a usage error (exit status 2).
    """
