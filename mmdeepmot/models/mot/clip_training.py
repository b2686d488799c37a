"""Training a tracker on clips with the DeepMOT loss: the tracker is
unrolled over each clip as it runs at test time, and the DeepMOT loss
scores its boxes and ids against the ground truth (the paper's training).

The seam is one method a tracker writes, :meth:`ClipTrainingMixin.step`:
it takes frame ``t`` of every clip (:class:`ClipFrame`) and each clip's
live tracks (:class:`ClipTracks`, the training state) and returns a
:class:`ClipStep`: per clip the tracks' boxes and scores in that frame,
which the frame reports and which live on. Boxes are xyxy at every
boundary; whatever else a tracker carries per track (SiamRPN's templates)
is its ``memory``, returned by the step, never written into shared state.
Both DeepMOT trackers train through it (``docs/trackers.md`` adds a
third)."""
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import torch
from mmdet.structures import DetDataSample
from mmtrack.registry import MODELS
from torch import Tensor

from ...structures import box_iou


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


# a tracker's per-track tensors beside the boxes ([k, ...] each), or None
Memory = Optional[Tuple[Tensor, ...]]


class ClipTracks:
    """The live tracks of one training clip: the training state, apart
    from the test-time trackers' track stores.

    Attributes:
        boxes (Tensor): [k, 4] xyxy, the tracks' last boxes (detached).
        ids (list[int]): their track ids.
        targets (list[int]): the ground-truth object each track started on.
        memory (tuple[Tensor], optional): the tracker's own per-track
            tensors, [k, ...] each, or None.
        next_id (int): the next id never used in this clip.
    """

    def __init__(self, next_id: int = 0) -> None:
        self.boxes: Tensor = torch.zeros(0, 4)
        self.ids: List[int] = []
        self.targets: List[int] = []
        self.memory: Memory = None
        self.next_id = next_id

    def __len__(self) -> int:
        return len(self.ids)

    def keep(self, index: Tensor, boxes: Tensor, memory: Memory) -> None:
        """Keep the tracks at ``index`` (in that order) with their boxes
        and memory after a step (one row per track before the cut)."""
        idx = index.tolist()
        self.boxes = boxes[index]
        self.ids = [self.ids[i] for i in idx]
        self.targets = [self.targets[i] for i in idx]
        self.memory = None if memory is None else tuple(
            m[index] for m in memory)

    def add(self, boxes: Tensor, ids: Sequence[int], targets: Sequence[int],
            memory: Memory) -> None:
        """Append tracks: ``boxes`` [k, 4] xyxy, their ids, the objects
        they follow and their memory (or None)."""
        if not len(boxes) == len(ids) == len(targets):
            raise ValueError(f'{len(boxes)} boxes for {len(ids)} ids and '
                             f'{len(targets)} targets')
        self.boxes = torch.cat([self.boxes.to(boxes), boxes])
        self.ids += list(ids)
        self.targets += list(targets)
        if memory is not None:
            self.memory = memory if self.memory is None else tuple(
                torch.cat([a, b]) for a, b in zip(self.memory, memory))

    def new_ids(self, count: int) -> List[int]:
        """``count`` ids never used in this clip."""
        ids = list(range(self.next_id, self.next_id + count))
        self.next_id += count
        return ids


@dataclass(frozen=True)
class ClipFrame:
    """Frame ``t`` of every clip of a batch, as a step reads it.

    Attributes:
        t (int): the frame's place in its clip (0 .. length - 1).
        gts (list[DetDataSample]): per clip, the frame's ground truth.
        rows (list[int]): per clip, the frame's row in the batch of all
            clip frames (``clip * length + t``), where its image and
            features are.
    """
    t: int
    gts: List[DetDataSample]
    rows: List[int]


@dataclass
class TrackStep:
    """What a step says about one clip's tracks in one frame.

    Attributes:
        boxes (Tensor): [k, 4] xyxy, differentiable: every track before
            the step, moved into the frame.
        scores (Tensor): [k], differentiable.
        report (Tensor): indices of the tracks the frame reports (what the
            loss sees).
        alive (Tensor): indices of the tracks that live on.
        memory (tuple[Tensor], optional): the tracks' memory after the
            step, one row per track before the cut. Defaults to None.
    """
    boxes: Tensor
    scores: Tensor
    report: Tensor
    alive: Tensor
    memory: Memory = None


@dataclass
class ClipStep:
    """A step's result for every clip, and what the tracker's own loss
    needs from it (``extra``, gathered per frame by the unroll)."""
    tracks: List[TrackStep]
    extra: Any = None


@dataclass
class Unrolled:
    """An unroll: per clip its DeepMOT frames (1 .. L-1), and per frame
    the steps' ``extra``."""
    frames: List[List[dict]]
    extras: List[Any] = field(default_factory=list)


class ClipTrainingMixin:
    """Unrolls a tracker over training clips for the DeepMOT loss.

    Every clip starts with one track per object of its first frame, on
    the object's box jittered, with the object's id. At each next frame
    ``t``:

    1. :meth:`step`: the tracker moves the live tracks of every clip into
       frame ``t`` (all clips in one network batch) and says which tracks
       the frame reports and which live on;
    2. objects that no living track covers by ``birth_iou_thr`` get new
       tracks under new ids (:meth:`start_tracks`; their boxes jittered
       when ``jitter_births``).

    The reported boxes, ids and scores against the frame's ground truth
    make one DeepMOT frame; :meth:`score_clips` scores all clips in one
    loss call, each clip a sequence of its own.

    Subclasses set ``unroll_cfg`` (with ``birth_iou_thr``,
    ``jitter_shift``, ``jitter_scale``, ``jitter_births``) through
    :meth:`init_clip_training` and implement :meth:`step` (and
    :meth:`start_tracks` where tracks carry memory).
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
    def step(self, frame: ClipFrame, tracks: Sequence[ClipTracks],
             inputs: Any) -> ClipStep:
        """Move every clip's live tracks into ``frame`` and judge them.

        Args:
            frame (ClipFrame): frame ``t`` of every clip.
            tracks (Sequence[ClipTracks]): per clip, its live tracks (read,
                not written).
            inputs (Any): the tracker's read-only data for the unroll
                (features, images), as given to :meth:`unroll_clips`.
        """
        raise NotImplementedError

    def start_tracks(self, frame: ClipFrame, clip: int, boxes: Tensor,
                     gt_boxes: Tensor, inputs: Any) -> Memory:
        """Memory of tracks that start at ``boxes`` (xyxy, jittered or
        not) on the objects at ``gt_boxes`` in ``frame`` of clip ``clip``.
        Defaults to None: the tracks carry nothing but their boxes."""
        return None

    # the shared part ---------------------------------------------------
    def _start(self, frame: ClipFrame, n: int, tracks: ClipTracks,
               index: Tensor, jitter: bool, inputs: Any) -> None:
        gt = frame.gts[n]
        gt_boxes = gt.gt_instances.bboxes[index]
        if len(gt_boxes) == 0:
            return
        cfg = self.unroll_cfg
        boxes = jitter_boxes(gt_boxes, cfg['jitter_shift'],
                             cfg['jitter_scale']) if jitter else gt_boxes
        memory = self.start_tracks(frame, n, boxes, gt_boxes, inputs)
        targets = gt.instance_ids[index].tolist()
        ids = targets if frame.t == 0 else tracks.new_ids(len(targets))
        tracks.add(boxes, ids, targets, memory)

    def unroll_clips(self, clips: List[list], inputs: Any) -> Unrolled:
        """The DeepMOT frames of every clip (frames 1..L-1).

        Args:
            clips (list[list[DetDataSample]]): per clip, per frame, the
                ground truth (``clip_frames``).
            inputs (Any): the tracker's read-only data for the unroll
                (features, images), passed to its methods.
        """
        length = len(clips[0])

        def frame_at(t: int) -> ClipFrame:
            return ClipFrame(t, [clip[t] for clip in clips],
                             [n * length + t for n in range(len(clips))])

        first = frame_at(0)
        states = []
        for n, gt in enumerate(first.gts):
            ids = gt.instance_ids
            tracks = ClipTracks(int(ids.max()) + 1 if len(ids) else 0)
            self._start(first, n, tracks, torch.arange(len(ids)), True,
                        inputs)
            states.append(tracks)
        out = Unrolled([[] for _ in clips])
        for t in range(1, length):
            frame = frame_at(t)
            result = self.step(frame, states, inputs)
            out.extras.append(result.extra)
            for n, (tracks, moved) in enumerate(zip(states, result.tracks)):
                gt = frame.gts[n]
                out.frames[n].append(dict(
                    pred_boxes=moved.boxes[moved.report],
                    pred_ids=[tracks.ids[i] for i in moved.report.tolist()],
                    pred_scores=moved.scores[moved.report],
                    gt_boxes=gt.gt_instances.bboxes,
                    gt_ids=gt.instance_ids.tolist(),
                    img_shape=gt.img_shape))
                tracks.keep(moved.alive, moved.boxes.detach(), moved.memory)
                born = uncovered_objects(gt, tracks.boxes,
                                         self.unroll_cfg['birth_iou_thr'])
                self._start(frame, n, tracks, born,
                            self.unroll_cfg['jitter_births'], inputs)
        return out

    def score_clips(self, frames: Sequence[List[dict]]) -> Dict[str, Tensor]:
        """The DeepMOT loss of unrolled clips, each a sequence of its own,
        one matcher call for all their frames."""
        return self.deepmot_loss.forward_clips(list(frames))
