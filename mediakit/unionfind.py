"""One union-find (disjoint sets) for every analysis that groups things transitively."""

from __future__ import annotations

from typing import Any

__all__ = ["UnionFind"]


class UnionFind:
    """Disjoint sets over comparable items (ids, names), with path halving.

    Items join on first use; ``find`` returns the representative of an
    item's set, ``union`` merges two sets. The smallest item of a set is its
    representative, so the grouping does not depend on the order of unions.

    >>> uf = UnionFind()
    >>> uf.union("b", "a"); uf.union("c", "b")
    >>> uf.find("c"), uf.find("d") == uf.find("a")
    ('a', False)
    """

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
