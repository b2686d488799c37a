"""Tracktor's tracker with lost tracks recovered by position."""
import math
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

    With ``public_score_thr``, the public detector vouches where the RoI
    head does not: a public detection scored at least that (in the public
    detector's own units) starts a track even when the RoI head rejects
    it, and a live track the RoI head would drop lives on with the box of
    such a detection it overlaps by ``public_iou_thr`` (one-to-one). The
    RoI head, trained on few cameras, can reject people a detector trained
    on many finds (ByteTrack keeps the detector's low boxes for the same
    reason); it needs the frames' ``public_bboxes``.

    Args:
        recovery_iou_thr (float, optional): the IoU a newborn box needs
            with a lost track's last box to take its id; None recovers
            nothing (``TracktorTracker``). Defaults to None.
        recovery_motion_steps (int): the last steps of a track its
            velocity is measured over; 0 keeps a lost track's box where
            it was last seen. Defaults to 0.
        live_motion_steps (int): the same for live tracks before their
            regression; 0 regresses from the last box. Defaults to 0.
        public_score_thr (float, optional): the public detection score
            that starts or keeps a track without the RoI head; None leaves
            births and survival to the RoI head (Tracktor). Defaults to
            None.
        public_iou_thr (float): the IoU a public detection needs with a
            dropped track's regressed box to keep it, and with the RoI
            head's births to count as one of them. Defaults to 0.5.
        **kwargs: ``TracktorTracker``'s arguments.
    """

    def __init__(self, recovery_iou_thr: Optional[float] = None,
                 recovery_motion_steps: int = 0,
                 live_motion_steps: int = 0,
                 public_score_thr: Optional[float] = None,
                 public_iou_thr: float = 0.5,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.recovery_iou_thr = recovery_iou_thr
        self.recovery_motion_steps = recovery_motion_steps
        self.live_motion_steps = live_motion_steps
        self.public_score_thr = public_score_thr
        self.public_iou_thr = public_iou_thr
        self._first_newborn = 0
        self._regressing_to = None
        self._support: Optional[Tensor] = None

    def track(self, *args, **kwargs):
        """``TracktorTracker.track``; ids from ``num_tracks`` on are the
        frame's births, which ``update`` may give back to lost tracks."""
        # int(): after its first births num_tracks is a tensor that
        # TracktorTracker grows in place
        self._first_newborn = 0 if self.empty else int(self.num_tracks)
        if self.public_score_thr is None:
            return super().track(*args, **kwargs)
        sample = kwargs['data_sample']
        self._support = self.supporting_boxes(sample,
                                              kwargs.get('rescale', False))
        sample.pred_det_instances = self.births_with_support(
            sample.pred_det_instances, self._support)
        # births are chosen above; TracktorTracker's own filter lets all by
        obj_score_thr, self.obj_score_thr = self.obj_score_thr, -math.inf
        try:
            return super().track(*args, **kwargs)
        finally:
            self.obj_score_thr = obj_score_thr
            self._support = None

    def supporting_boxes(self, sample, rescale: bool) -> Tensor:
        """The frame's public boxes scored ``public_score_thr`` or more, in
        the coordinates of the tracker's boxes (the original image's with
        ``rescale``, else the network input's).

        Raises:
            KeyError: when the frame has no ``public_bboxes``.
        """
        public = sample.metainfo.get('public_bboxes')
        if public is None:
            raise KeyError(
                'RecoveringTracktorTracker: public_score_thr='
                f'{self.public_score_thr} needs the frames\' public_bboxes '
                "('public_bboxes' in PackTrackInputs' meta_keys)")
        boxes = sample.pred_det_instances.bboxes
        public = torch.as_tensor(public, dtype=boxes.dtype,
                                 device=boxes.device).reshape(-1, 5)
        public = public[public[:, 4] >= self.public_score_thr, :4]
        if not rescale:
            factor = public.new_tensor(sample.metainfo['scale_factor'])
            public = public * factor.repeat(2)
        return public

    def births_with_support(self, det, support: Tensor):
        """The RoI head's detections scored over ``obj_score_thr``, and the
        ``support`` boxes none of them overlaps by ``public_iou_thr`` (with
        score 0: the RoI head did not keep them; label 0)."""
        det = det[det.scores > self.obj_score_thr]
        if len(support) and len(det):
            overlap = box_iou(support, det.bboxes).max(dim=1).values
            support = support[overlap < self.public_iou_thr]
        if not len(support):
            return det
        extra = det.new(bboxes=support,
                        scores=support.new_zeros(len(support)),
                        labels=torch.zeros(len(support), dtype=torch.long,
                                           device=support.device))
        return det.cat([det, extra])

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
        tracks regressed wholly outside the image end. With
        ``public_score_thr``, tracks under the score threshold that a
        supporting public box overlaps live on in that box."""
        if self._support is None:
            return self._regress_live(x, metainfo, detector, frame_id,
                                      rescale)
        thr = self.regression['obj_score_thr']
        self.regression['obj_score_thr'] = -math.inf
        try:
            out = self._regress_live(x, metainfo, detector, frame_id,
                                     rescale)
        finally:
            self.regression['obj_score_thr'] = thr
        return self.keep_supported(out, thr, self._support)

    def keep_supported(self, regressed: Tuple[Tensor, ...], thr: float,
                       support: Tensor) -> Tuple[Tensor, ...]:
        """Of the regressed tracks (boxes, scores, labels, ids), those
        scored over ``thr``, and those under it that a ``support`` box no
        kept track overlaps matches (one-to-one, IoU ``public_iou_thr``
        or more), which take that box."""
        boxes, scores, labels, ids = regressed
        keep = scores > thr
        boxes = boxes.clone()
        low = torch.nonzero(~keep).flatten()
        if len(support) and keep.any():
            taken = box_iou(support, boxes[keep]).max(dim=1).values
            support = support[taken < self.public_iou_thr]
        if len(support) and len(low):
            ious = box_iou(boxes[low], support).cpu().numpy()
            for r, c in zip(*linear_sum_assignment(-ious)):
                if ious[r, c] >= self.public_iou_thr:
                    keep[low[r]] = True
                    boxes[low[r]] = support[c]
        return boxes[keep], scores[keep], labels[keep], ids[keep]

    def _regress_live(self, x: List[Tensor], metainfo: dict,
                      detector: torch.nn.Module, frame_id: int,
                      rescale: bool) -> Tuple[Tensor, ...]:
        """The regression with live motion (see ``regress_tracks``)."""
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
