"""Independent blocks of a distance matrix: tracks and objects that cannot
be matched to anything outside their block."""
from typing import List, Tuple

import numpy as np


def split_blocks(close: np.ndarray) -> List[Tuple[np.ndarray, np.ndarray]]:
    """(rows, cols) of each connected block of a boolean [h, w] matrix
    (True: the pair may match), blocks in the order of their first row.
    Rows or columns without any True entry belong to no block."""
    close = np.asarray(close, dtype=bool)
    h, w = close.shape
    label = np.full(h + w, -1)
    blocks = []
    for start in np.nonzero(close.any(axis=1))[0]:
        if label[start] >= 0:
            continue
        # breadth-first over the bipartite graph: rows 0..h-1, then columns
        label[start] = len(blocks)
        rows, cols, frontier = [start], [], [start]
        while frontier:
            row_side = [n for n in frontier if n < h]
            col_side = [n - h for n in frontier if n >= h]
            found = []
            for c in np.nonzero(close[row_side].any(axis=0))[0] + h \
                    if row_side else []:
                if label[c] < 0:
                    label[c] = len(blocks)
                    cols.append(c - h)
                    found.append(c)
            for r in np.nonzero(close[:, col_side].any(axis=1))[0] \
                    if col_side else []:
                if label[r] < 0:
                    label[r] = len(blocks)
                    rows.append(r)
                    found.append(r)
            frontier = found
        blocks.append((np.sort(np.asarray(rows, dtype=np.int64)),
                       np.sort(np.asarray(cols, dtype=np.int64))))
    return blocks
