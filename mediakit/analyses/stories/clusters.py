"""Articles -> stories: average-link clustering, run piece by piece.

Average link (UPGMA) joins two groups when the mean similarity of all their
article pairs reaches the threshold. Unlike single link, one article that
shares a few names with two stories does not chain them into one, and a
story needs no article similar to all the others.

It is run exactly, but not on the whole corpus at once: a group formed at
threshold ``t`` always contains a pair with similarity >= ``t`` between any
two of its parts (a mean reaches ``t`` only if some member does), so every
story lies inside one connected component of the graph of pairs with
similarity >= ``t``. Each component is clustered on its own, with SciPy's
``linkage`` on its full similarity matrix. A component larger than
``max_component`` articles (a long chain of related stories) is first cut
at its weakest links: the threshold for its pairs is raised step by step
until every piece is small enough.

With dates, two articles more than ``window_days`` apart count as not
similar at all: they can share a story only through the articles between them.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

__all__ = ["MAX_COMPONENT", "cluster_articles"]

#: Largest piece clustered at once (its similarity matrix is dense).
MAX_COMPONENT = 2000

_STEP = 0.02  # threshold increase when cutting an oversized component


def cluster_articles(
    matrix: sp.csr_matrix,
    edges: tuple[np.ndarray, np.ndarray, np.ndarray],
    days: np.ndarray | None,
    *,
    threshold: float,
    window_days: float | None,
    max_component: int = MAX_COMPONENT,
) -> np.ndarray:
    """A cluster number for every row (0, 1, ...; rows of one story share it).

    ``edges`` are the pairs ``(a, b, similarity)`` of
    :func:`~.neighbours.similar_articles`.

    >>> m = sp.csr_matrix(np.array([[1.0, 0], [0.9, 0.436], [0, 1.0]]))
    >>> cluster_articles(m, (np.array([0]), np.array([1]), np.array([0.9])), None,
    ...                  threshold=0.5, window_days=None).tolist()
    [0, 0, 1]
    """
    n = matrix.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    pieces = _pieces(np.arange(n), edges, threshold, max_component)
    next_label = 0
    for members in pieces:
        if len(members) == 1:
            local = np.zeros(1, dtype=np.int64)
        else:
            local = _average_link(matrix[members], days, members, threshold, window_days)
        labels[members] = local + next_label
        next_label += int(local.max()) + 1
    return labels


def _pieces(
    nodes: np.ndarray,
    edges: tuple[np.ndarray, np.ndarray, np.ndarray],
    threshold: float,
    max_component: int,
) -> list[np.ndarray]:
    """Connected components of ``nodes`` over edges >= threshold, none above ``max_component``."""
    a, b = np.asarray(edges[0], dtype=np.int64), np.asarray(edges[1], dtype=np.int64)
    sim = edges[2]
    size = 1 + max(int(nodes.max()), int(a.max(initial=-1)), int(b.max(initial=-1)))
    position = np.full(size, -1, dtype=np.int64)
    position[nodes] = np.arange(len(nodes))
    inside = (position[a] >= 0) & (position[b] >= 0) & (np.asarray(sim) >= threshold - 1e-12)
    a, b, sim = a[inside], b[inside], np.asarray(sim)[inside]
    graph = sp.coo_matrix(
        (np.ones(len(a)), (position[a], position[b])), shape=(len(nodes), len(nodes))
    )
    _, comp = connected_components(graph, directed=False)
    order = np.argsort(comp, kind="stable")
    groups = np.split(nodes[order], np.flatnonzero(np.diff(comp[order])) + 1)
    out: list[np.ndarray] = []
    for members in groups:
        if len(members) > max_component:
            out.extend(_pieces(members, (a, b, sim), threshold + _STEP, max_component))
        else:
            out.append(members)
    out.sort(key=lambda m: int(m.min()))
    return out


def _average_link(
    rows: sp.csr_matrix,
    days: np.ndarray | None,
    members: np.ndarray,
    threshold: float,
    window_days: float | None,
) -> np.ndarray:
    """Average-link clusters (0, 1, ... in order of first member) of one component."""
    sim = (rows @ rows.T).toarray()
    if days is not None and window_days is not None:
        d = days[members]
        sim[np.abs(d[:, None] - d[None, :]) > window_days] = 0.0  # NaN compares False
    np.fill_diagonal(sim, 1.0)
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    raw = fcluster(tree, t=1.0 - threshold + 1e-12, criterion="distance")
    _, first = np.unique(raw, return_index=True)
    rank = np.empty(int(raw.max()) + 1, dtype=np.int64)
    rank[raw[np.sort(first)]] = np.arange(len(first))
    return rank[raw]
