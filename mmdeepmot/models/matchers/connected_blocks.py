"""Independent blocks of a distance matrix: tracks and objects that cannot
be matched to anything outside their block."""
from typing import List, Tuple

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


def split_blocks(close: np.ndarray) -> List[Tuple[np.ndarray, np.ndarray]]:
    """(rows, cols) of each connected block of a boolean [h, w] matrix
    (True: the pair may match). Rows or columns without any True entry
    belong to no block."""
    h, w = close.shape
    r, c = np.nonzero(close)
    if len(r) == 0:
        return []
    # bipartite graph: rows are nodes 0..h-1, columns h..h+w-1
    graph = coo_matrix((np.ones(len(r)), (r, c + h)), shape=(h + w, h + w))
    _, label = connected_components(graph, directed=False)
    blocks = []
    for comp in np.unique(label[r]):
        rows = np.nonzero(label[:h] == comp)[0]
        cols = np.nonzero(label[h:] == comp)[0]
        blocks.append((rows, cols))
    return blocks
