"""Tracktor's tracker with lost tracks recovered by position."""
from typing import List, Optional, Tuple

import torch
from mmtrack.models.trackers import TracktorTracker
from mmtrack.registry import MODELS
from scipy.optimize import linear_sum_assignment
from torch import Tensor

from ...structures import box_iou


@MODELS.register_module()
class RecoveringTracktorTracker(TracktorTracker):
    """MMTracking's ``TracktorTracker`` that gives a newborn track the id
    of a lost one it overlaps.

    Tracktor recovers a track its regression lost (score under the
    threshold for one frame, or suppressed by NMS) only through its ReID
    model; without one, every such loss is an identity switch when the
    object is detected again. Here a detection that would start a track
    takes instead the id of a track lost within ``num_frames_retain``
    frames whose last box it overlaps by at least ``recovery_iou_thr``
    (one-to-one, Hungarian on IoU); with ``recovery_motion_steps`` the
    last box first moves on at the track's constant velocity over the
    frames it was lost (MMTracking's ``LinearMotion`` does not run with
    Tracktor's memory here). With a ReID model, ReID matches first and
    this recovers what it left.

    With ``live_motion_steps``, Tracktor++'s constant-velocity motion
    model: a live track's box centre moves on at its velocity before the
    regression head refines it, which helps when people move far between
    frames; the memory keeps the observed boxes (``LinearMotion`` writes
    the moved box over the observed one, and later velocities are then
    measured from moved boxes).

    Args:
        recovery_iou_thr (float, optional): the IoU a newborn box needs
            with a lost track's last box to take its id; None recovers
            nothing (``TracktorTracker``). Defaults to None.
        recovery_motion_steps (int): the last steps of a track its
            velocity is measured over; 0 keeps a lost track's box where
            it was last seen. Defaults to 0.
        live_motion_steps (int): the same for live tracks before their
            regression; 0 regresses from the last box. Defaults to 0.
        **kwargs: ``TracktorTracker``'s arguments.
    """

    def __init__(self, recovery_iou_thr: Optional[float] = None,
                 recovery_motion_steps: int = 0,
                 live_motion_steps: int = 0,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.recovery_iou_thr = recovery_iou_thr
        self.recovery_motion_steps = recovery_motion_steps
        self.live_motion_steps = live_motion_steps
        self._first_newborn = 0
        self._regressing_to = None

    def track(self, *args, **kwargs):
        """``TracktorTracker.track``; ids from ``num_tracks`` on are the
        frame's births, which ``update`` may give back to lost tracks."""
        # int(): after its first births num_tracks is a tensor that
        # TracktorTracker grows in place
        self._first_newborn = 0 if self.empty else int(self.num_tracks)
        return super().track(*args, **kwargs)

    def update(self, **kwargs) -> None:
        """Recover lost tracks (``ids`` changed in place, so the frame's
        returned instances carry the recovered ids), then store the frame
        as ``BaseTracker.update`` does."""
        if self.recovery_iou_thr is not None and not self.empty:
            self.recover(kwargs['ids'], kwargs['bboxes'],
                         int(kwargs['frame_ids']))
        super().update(**kwargs)

    def regress_tracks(self,
                       x: List[Tensor],
                       metainfo: dict,
                       detector: torch.nn.Module,
                       frame_id: int,
                       rescale: bool = False) -> Tuple[Tensor, ...]:
        """``TracktorTracker.regress_tracks`` from the live tracks' boxes
        moved on by ``live_motion_steps`` (through ``memo``); with motion,
        tracks regressed wholly outside the image end."""
        if not self.live_motion_steps:
            return super().regress_tracks(x, metainfo, detector, frame_id,
                                          rescale)
        self._regressing_to = frame_id
        try:
            out = super().regress_tracks(x, metainfo, detector, frame_id,
                                         rescale)
        finally:
            self._regressing_to = None
        # a track moved wholly out of the image dies there: the RoI head
        # scores the empty features it pools outside at a constant that
        # can pass the threshold, and the motion would carry it on for ever
        height, width = metainfo['ori_shape' if rescale else 'img_shape'][:2]
        boxes = out[0]
        inside = ((boxes[:, 0] < width) & (boxes[:, 2] > 0) &
                  (boxes[:, 1] < height) & (boxes[:, 3] > 0))
        return tuple(t[inside] for t in out)

    @property
    def memo(self):
        """``BaseTracker.memo``; while tracks regress, their last boxes
        are the motion model's predictions (the stored ones unchanged)."""
        memo = super().memo
        if self._regressing_to is not None and len(memo.ids):
            memo.bboxes = torch.stack([
                self.predicted_box(self.tracks[int(k)], self._regressing_to,
                                   self.live_motion_steps, keep_size=True)
                for k in memo.ids
            ]).to(memo.bboxes)
        return memo

    def predicted_box(self,
                      track: dict,
                      frame_id: int,
                      steps: Optional[int] = None,
                      keep_size: bool = False) -> Tensor:
        """A track's last box, moved on to ``frame_id`` at its velocity
        over its last ``steps`` steps (``recovery_motion_steps`` when
        None); with ``keep_size`` only its centre moves (a box's corners
        extrapolated apart can cross, which RoI pooling refuses)."""
        boxes, frames = track['bboxes'], track['frame_ids']
        last = boxes[-1].reshape(4)
        if steps is None:
            steps = self.recovery_motion_steps
        steps = min(steps, len(boxes) - 1)
        if steps < 1:
            return last
        elapsed = float(frames[-1]) - float(frames[-1 - steps])
        velocity = (last - boxes[-1 - steps].reshape(4)) / elapsed
        if keep_size:
            velocity = velocity.reshape(2, 2).mean(0).repeat(2)
        return last + velocity * (frame_id - float(frames[-1]))

    def recover(self, ids: Tensor, bboxes: Tensor, frame_id: int) -> None:
        """Give the newborn rows of ``ids`` the ids of lost tracks whose
        last boxes they overlap by ``recovery_iou_thr`` or more.

        Args:
            ids (Tensor): (N, ) the frame's ids, births from
                ``_first_newborn`` on; changed in place.
            bboxes (Tensor): (N, 4) the frame's boxes, x1y1x2y2.
            frame_id (int): the frame.
        """
        born = torch.nonzero(ids >= self._first_newborn).flatten()
        # tracks the regression carried here are updated after this
        present = set(ids.tolist())
        lost = [k for k in self.tracks if k not in present]

        if len(born) == 0 or not lost:
            return
        last = torch.stack(
            [self.predicted_box(self.tracks[k], frame_id) for k in lost])
        ious = box_iou(last.to(bboxes), bboxes[born]).cpu().numpy()
        rows, cols = linear_sum_assignment(-ious)
        for r, c in zip(rows, cols):
            if ious[r, c] >= self.recovery_iou_thr:
                ids[born[c]] = lost[r]
