"""``notebook_setup``: offline charts, uncut table cells and short error messages in a notebook."""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import CorpusError

_PACKAGE = str(Path(__file__).resolve().parents[1])
_RED, _RESET = "\x1b[31m", "\x1b[0m"


def short_traceback(etype: type, value: BaseException, tb: TracebackType | None) -> list[str]:
    """The lines a student needs: the error's message and the line of *their* cell that raised it.

    Frames inside mediakit are left out; they say nothing the message does not.

    >>> try:
    ...     raise CorpusError("No text column. Say which column holds the text: COLUMNS = {...}")
    ... except CorpusError as err:
    ...     lines = short_traceback(type(err), err, err.__traceback__)
    >>> "No text column" in lines[0] and len(lines) == 2
    True
    """
    frames = [f for f in traceback.extract_tb(tb) if not f.filename.startswith(_PACKAGE)]
    where = frames[-1] if frames else None
    lines = [f"{_RED}{etype.__name__}{_RESET}: {value}"]
    if where is not None:
        code = f": {where.line.strip()}" if where.line else ""
        lines.append(f"(raised by line {where.lineno} of this cell{code})")
    return lines


def _show(shell: Any, etype: type, value: BaseException, tb: TracebackType, tb_offset=None):
    # Shown as the cell's error (Run All stops there), in place of 25-45 lines of mediakit frames.
    shell._showtraceback(etype, value, short_traceback(etype, value, tb))


def notebook_setup(*, short_errors: bool = True) -> None:
    """Set up a notebook for mediakit; the workbook's notebooks call it once, at the top.

    - charts draw with the copy of vega installed with mediakit (no internet);
    - table cells show up to 300 characters, so quotes and the words around a
      search match are not cut, and dollar signs in tables stay dollar signs
      (not LaTeX);
    - a :class:`mediakit.CorpusError` (or :class:`~mediakit.OptionError`) shows
      as its message, which says what to fix, and the line of the cell that
      raised it, without the traceback through mediakit's own code. Other
      errors keep their full traceback. ``short_errors=False`` turns this off.

    Outside IPython only the chart and table settings apply.

    >>> import altair as alt, pandas as pd
    >>> before = alt.renderers.active
    >>> with pd.option_context("display.max_colwidth", 50, "display.html.use_mathjax", True):
    ...     notebook_setup()
    ...     pd.get_option("display.max_colwidth"), pd.get_option("display.html.use_mathjax")
    (300, False)
    >>> _ = alt.renderers.enable(before)  # as it was, for the rest of this session
    """
    import altair as alt
    import pandas as pd

    alt.renderers.enable("jupyter", offline=True)
    pd.set_option("display.max_colwidth", 300)
    pd.set_option("display.html.use_mathjax", False)  # "$56 billion ... $56.2 billion" is not maths
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.set_custom_exc((CorpusError,) if short_errors else (), _show if short_errors else None)
