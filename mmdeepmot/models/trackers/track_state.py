"""The live tracks of one video, as SiamRPN's test-time tracker holds them
(training clips keep theirs in ``models/mot/clip_training.ClipTracks``)."""
from typing import List, Optional, Sequence, Tuple

import torch
from torch import Tensor


class TrackState:
    """Boxes, ids and per-track records of the live tracks of one video at
    test time.

    Boxes are kept as SiamRPN moves them (cx, cy, w, h). Per track:
    ``ids``; ``lost``, frames in a row its score was too
    low; ``unsupported``, frames in a row no public detection backed it;
    ``feats``, the owner's per-track features (SiamRPN's templates) or
    None. ``dead`` remembers tracks that died, for re-identification.
    """

    def __init__(self) -> None:
        self.boxes: Tensor = torch.zeros(0, 4)
        self.ids: List[int] = []
        self.lost: List[int] = []
        self.unsupported: List[int] = []
        self.feats: Optional[Tuple[Tensor, ...]] = None
        self.dead: List[dict] = []
        self.next_id = 0

    def __len__(self) -> int:
        return len(self.ids)

    def keep(self, index: Tensor, boxes: Optional[Tensor] = None) -> None:
        """Keep the tracks at ``index``, in that order.

        Args:
            index (Tensor): indices of the tracks to keep.
            boxes (Tensor, optional): the tracks' new boxes (one per track
                before the cut). Defaults to None: their current boxes.
        """
        idx = index.tolist()
        self.boxes = (self.boxes if boxes is None else boxes)[index]
        self.ids = [self.ids[i] for i in idx]
        self.lost = [self.lost[i] for i in idx]
        self.unsupported = [self.unsupported[i] for i in idx]
        if self.feats is not None:
            self.feats = tuple(f[index] for f in self.feats)

    def add(self,
            boxes: Tensor,
            ids: Sequence[int],
            feats: Optional[Tuple[Tensor, ...]] = None) -> None:
        """Append new tracks.

        Args:
            boxes (Tensor): [k, 4] in the owner's format.
            ids (Sequence[int]): their ids.
            feats (tuple[Tensor], optional): their features, [k, ...] per
                level. Defaults to None.
        """
        if len(boxes) != len(ids):
            raise ValueError(f'{len(boxes)} boxes for {len(ids)} ids')
        self.boxes = torch.cat([self.boxes.to(boxes), boxes])
        self.ids += list(ids)
        self.lost += [0] * len(ids)
        self.unsupported += [0] * len(ids)
        if feats is not None:
            self.feats = feats if self.feats is None else tuple(
                torch.cat([a, b]) for a, b in zip(self.feats, feats))

    def new_ids(self, count: int) -> List[int]:
        """``count`` ids never used in this video."""
        ids = list(range(self.next_id, self.next_id + count))
        self.next_id += count
        return ids
