"""``OutletPicker``: choose outlets from a long list, with a filter box, all/none and top N."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as w
import traitlets

SHOWN = 60  # checkboxes shown at once; the filter box reaches the others


class OutletPicker(w.VBox):
    """A checkbox per outlet (largest first, article counts shown), a filter box and buttons.

    ``value`` is the tuple of chosen outlets (observe it, or set it); the
    buttons choose all outlets that match the filter, none, or the ``Top N``
    outlets by number of articles. ``counts`` maps outlet -> articles.

    >>> picker = OutletPicker({"AP": 12, "BBC": 7, "CNN": 3}, ["AP"])
    >>> picker.top_n.value = 2
    >>> picker.top_button.click()
    >>> picker.value
    ('AP', 'BBC')
    >>> picker.filter.value = "c"    # shows BBC and CNN only
    >>> picker.all_button.click()    # adds what the filter shows
    >>> picker.value
    ('AP', 'BBC', 'CNN')
    """

    value = traitlets.Tuple()

    def __init__(self, counts: Mapping[str, int], chosen: list[str] | tuple = ()) -> None:
        self.order = sorted(counts, key=lambda o: (-counts[o], o))  # largest first
        self.counts = dict(counts)
        self._busy = False
        self.boxes = {
            o: w.Checkbox(
                value=o in set(chosen),
                description=f"{o} ({counts[o]:,})",
                indent=False,
                layout=w.Layout(width="auto", margin="0"),
            )
            for o in self.order
        }
        for box in self.boxes.values():
            box.observe(self._box_changed, "value")
        self.filter = w.Text(placeholder="filter outlets by name", layout=w.Layout(width="300px"))
        self.all_button = w.Button(description="All shown", layout=w.Layout(width="auto"))
        self.none_button = w.Button(description="None", layout=w.Layout(width="auto"))
        self.top_n = w.BoundedIntText(
            value=min(10, len(self.order)), min=1, max=max(1, len(self.order)),
            layout=w.Layout(width="64px"),
        )  # fmt: skip
        self.top_button = w.Button(description="Top N by articles", layout=w.Layout(width="auto"))
        self.summary = w.HTML()
        self.list = w.VBox(
            layout=w.Layout(max_height="260px", overflow="auto", border="1px solid #ccc")
        )
        self.all_button.on_click(lambda _: self._set(self.value + tuple(self._matching())))
        self.none_button.on_click(lambda _: self._set(()))
        self.top_button.on_click(lambda _: self._set(self.order[: self.top_n.value]))
        self.filter.observe(lambda _: self._show_list(), "value")
        buttons = w.HBox([self.all_button, self.none_button, self.top_n, self.top_button])
        super().__init__([w.HTML("<b>Outlets</b>"), self.filter, buttons, self.summary, self.list])
        self._set(tuple(o for o in self.order if o in set(chosen)))

    def _matching(self) -> list[str]:
        text = self.filter.value.strip().lower()
        return [o for o in self.order if text in o.lower()]

    def _show_list(self) -> None:
        matching = self._matching()
        shown = [self.boxes[o] for o in matching[:SHOWN]]
        more = len(matching) - len(shown)
        note = [w.HTML(f"<i>{more:,} more: type in the filter box</i>")] if more > 0 else []
        self.list.children = shown + note
        picked = len(self.value)
        self.summary.value = (
            f"<span style='font-size:90%'>{picked:,} of {len(self.order):,} outlets chosen"
            + (f"; {len(matching):,} match the filter" if self.filter.value.strip() else "")
            + "</span>"
        )

    def _box_changed(self, _change: dict) -> None:
        if not self._busy:
            self._set(tuple(o for o in self.order if self.boxes[o].value))

    def _set(self, outlets: tuple | list) -> None:
        keep = set(outlets)
        self.value = tuple(o for o in self.order if o in keep)

    @traitlets.observe("value")
    def _sync_boxes(self, change: dict) -> None:
        keep = set(change["new"])
        unknown = keep - set(self.boxes)
        if unknown:
            raise traitlets.TraitError(f"not outlets of this corpus: {sorted(unknown)}")
        self._busy = True  # one change of value, not one per checkbox
        try:
            for o, box in self.boxes.items():
                box.value = o in keep
                box.style.background = "#e3f0ff" if o in keep else ""  # chosen rows stand out
        finally:
            self._busy = False
        self._show_list()
