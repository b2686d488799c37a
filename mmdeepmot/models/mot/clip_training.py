"""Training a tracker on clips with the DeepMOT loss: the tracker is
unrolled over each clip as it runs at test time, and the DeepMOT loss
scores its boxes and ids against the ground truth (the paper's training).
Both DeepMOT trackers train through :class:`ClipTrainingMixin`."""
from typing import Any, Dict, List, Optional, Sequence, Tuple

import torch
from mmdet.structures import DetDataSample
from mmtrack.registry import MODELS
from torch import Tensor

from ...structures import box_iou
from ..trackers.track_state import TrackState


def jitter_boxes(boxes: Tensor, shift: float, scale: float,
                 generator: Optional[torch.Generator] = None) -> Tensor:
    """Move box centres by ``shift`` x (w, h) and resize by ``exp(scale)``,
    both Gaussian: the noise of a track carried from one frame to the next.

    Args:
        boxes (Tensor): [n, 4] xyxy.
        shift (float): std of the centre shift, relative to the box size.
        scale (float): std of the log size change.
        generator (torch.Generator, optional): the random source.
            Defaults to None (torch's global one).
    """
    if boxes.numel() == 0:
        return boxes.clone()
    wh = boxes[:, 2:] - boxes[:, :2]
    ctr = (boxes[:, 2:] + boxes[:, :2]) / 2
    noise = torch.randn(boxes.shape, generator=generator).to(boxes)
    ctr = ctr + noise[:, :2] * shift * wh
    wh = wh * torch.exp(noise[:, 2:] * scale)
    return torch.cat([ctr - wh / 2, ctr + wh / 2], dim=1)


def uncovered_objects(gt: DetDataSample, live: Tensor,
                      min_iou: float) -> Tensor:
    """Indices of ``gt``'s objects that no live box (xyxy) overlaps by
    ``min_iou``: where training starts new tracks."""
    boxes = gt.gt_instances.bboxes
    if len(live) == 0 or len(boxes) == 0:
        return torch.arange(len(boxes))
    iou = box_iou(live.detach(), boxes)
    covered = (iou >= min_iou).any(0)
    return torch.nonzero(~covered).flatten()


class ClipTrainingMixin:
    """Unrolls a tracker over training clips for the DeepMOT loss.

    Every clip (``clip_frames``) starts with one track per object of its
    first frame, on the object's box jittered, with the object's id. At
    each next frame ``t``:

    1. :meth:`_move_tracks`: the tracker moves the live tracks of every
       clip into frame ``t``, all clips in one network batch;
    2. :meth:`_judge`: it says which tracks the frame reports (what the
       loss sees) and which live on;
    3. objects that no living track covers by ``birth_iou_thr`` get new
       tracks under new ids (:meth:`_new_tracks`; their boxes jittered
       when ``jitter_births``).

    The reported boxes, ids and scores against the frame's ground truth
    make one DeepMOT frame; :meth:`score_clips` scores all clips in one
    loss call, each clip a sequence of its own.

    Subclasses set ``unroll_cfg`` (with ``birth_iou_thr``,
    ``jitter_shift``, ``jitter_scale``, ``jitter_births``) through
    :meth:`init_clip_training` and implement the three methods above.
    """

    unroll_cfg: Dict[str, Any]
    deepmot_loss: Optional[torch.nn.Module]

    def init_clip_training(self, deepmot_loss: Optional[dict],
                           own_loss_weight: float, own_loss_name: str,
                           unroll_cfg: Optional[dict],
                           defaults: dict) -> None:
        """Build the DeepMOT loss and the unroll options.

        Args:
            deepmot_loss (dict, optional): a ``DeepMOTLoss`` config; None
                for a vanilla twin.
            own_loss_weight (float): the tracker's own loss weight; with
                neither loss there is nothing to train.
            own_loss_name (str): its argument's name, for the error.
            unroll_cfg (dict, optional): options that replace ``defaults``.
            defaults (dict): the tracker's unroll options.
        """
        if deepmot_loss is None and own_loss_weight <= 0:
            raise ValueError(f'nothing to train: no deepmot_loss and '
                             f'{own_loss_name} <= 0')
        self.deepmot_loss = MODELS.build(deepmot_loss) \
            if deepmot_loss is not None else None
        unknown = sorted(set(unroll_cfg or {}) - set(defaults))
        if unknown:
            raise KeyError(f'unroll_cfg: unknown option(s) {unknown} for '
                           f'{type(self).__name__} (has {sorted(defaults)})')
        self.unroll_cfg = {**defaults, **(unroll_cfg or {})}

    # the tracker's part ------------------------------------------------
    def _move_tracks(self, ctx: dict, clips: List[list],
                     states: List[TrackState],
                     t: int) -> List[Tuple[Tensor, Tensor]]:
        """Per clip, its live tracks' boxes (the owner's format,
        differentiable) and scores in frame ``t``."""
        raise NotImplementedError

    def _judge(self, ctx: dict, n: int, t: int, state: TrackState,
               boxes: Tensor, scores: Tensor,
               gt: DetDataSample) -> Tuple[Tensor, Tensor]:
        """Indices of the tracks frame ``t`` of clip ``n`` reports, and of
        those that live on."""
        raise NotImplementedError

    def _new_tracks(self, ctx: dict, n: int, t: int, boxes: Tensor,
                    gt_boxes: Tensor) -> Tuple[Tensor, Optional[tuple]]:
        """Boxes in the owner's format and features (or None) of tracks
        starting at ``boxes`` (xyxy, jittered or not) on the objects at
        ``gt_boxes`` in frame ``t`` of clip ``n``."""
        raise NotImplementedError

    def _xyxy(self, boxes: Tensor) -> Tensor:
        """Boxes of the owner's format as xyxy."""
        return boxes

    # the shared part ---------------------------------------------------
    def _start(self, ctx: dict, n: int, t: int, state: TrackState,
               gt: DetDataSample, index: Tensor, jitter: bool) -> None:
        gt_boxes = gt.gt_instances.bboxes[index]
        if len(gt_boxes) == 0:
            return
        cfg = self.unroll_cfg
        boxes = jitter_boxes(gt_boxes, cfg['jitter_shift'],
                             cfg['jitter_scale']) if jitter else gt_boxes
        boxes, feats = self._new_tracks(ctx, n, t, boxes, gt_boxes)
        targets = gt.instance_ids[index].tolist()
        ids = targets if t == 0 else state.new_ids(len(targets))
        state.add(boxes, ids, feats, targets)

    def unroll_clips(self, clips: List[list],
                     ctx: dict) -> List[List[dict]]:
        """The DeepMOT frames of every clip (frames 1..L-1).

        Args:
            clips (list[list[DetDataSample]]): per clip, per frame, the
                ground truth (``clip_frames``).
            ctx (dict): the tracker's own data for the unroll (features,
                images), passed to its methods.
        """
        states = []
        for n, clip in enumerate(clips):
            state = TrackState()
            ids = clip[0].instance_ids
            state.next_id = int(ids.max()) + 1 if len(ids) else 0
            self._start(ctx, n, 0, state, clip[0], torch.arange(len(ids)),
                        jitter=True)
            states.append(state)
        frames: List[List[dict]] = [[] for _ in clips]
        for t in range(1, len(clips[0])):
            moved = self._move_tracks(ctx, clips, states, t)
            for n, (state, (boxes, scores)) in enumerate(zip(states, moved)):
                gt = clips[n][t]
                report, alive = self._judge(ctx, n, t, state, boxes, scores,
                                            gt)
                frames[n].append(dict(
                    pred_boxes=self._xyxy(boxes)[report],
                    pred_ids=[state.ids[i] for i in report.tolist()],
                    pred_scores=scores[report],
                    gt_boxes=gt.gt_instances.bboxes,
                    gt_ids=gt.instance_ids.tolist(),
                    img_shape=gt.img_shape))
                state.keep(alive, boxes.detach())
                born = uncovered_objects(gt, self._xyxy(state.boxes),
                                         self.unroll_cfg['birth_iou_thr'])
                self._start(ctx, n, t, state, gt, born,
                            jitter=self.unroll_cfg['jitter_births'])
        return frames

    def score_clips(self, frames: Sequence[List[dict]]) -> Dict[str, Tensor]:
        """The DeepMOT loss of unrolled clips, each a sequence of its own,
        one matcher call for all their frames."""
        return self.deepmot_loss.forward_clips(list(frames))
