"""The DeepMOT loss: (1 - dMOTA) + lambda * (1 - dMOTP), via a soft matcher."""
from typing import Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import torch
from torch import Tensor, nn

from .box_distance import (box_iou, check_boxes, deepmot_distance,
                           image_diagonal, jaccard_distance)
from .identity import accumulate_matches, soft_hota, soft_idf1
from .matchers import build_matcher
from .soft_counts import soft_frame_counts

Frame = Dict[str, Union[Tensor, Sequence[int], Tuple[int, int]]]
# object id -> the track id it was last matched to, over one sequence
MatchMemory = Dict[int, int]


def frame_distance(pred_boxes: Tensor, gt_boxes: Tensor,
                   img_shape: Tuple[int, int], kind: str = 'deepmot'
                   ) -> Tensor:
    """Tracks x objects distance matrix of one frame, after input checks."""
    check_boxes(pred_boxes, 'predicted boxes')
    check_boxes(gt_boxes, 'ground-truth boxes')
    if kind == 'deepmot':
        return deepmot_distance(pred_boxes, gt_boxes,
                                image_diagonal(*img_shape[:2]))
    if kind == 'iou':
        return jaccard_distance(pred_boxes, gt_boxes)
    raise ValueError(f'distance must be "deepmot" or "iou", got {kind!r}')


def _as_float32(value, name: str) -> Tensor:
    """numpy arrays and float16/float64 tensors as float32 tensors (the
    matchers' precision); anything else is left for ``check_boxes``."""
    if isinstance(value, np.ndarray):
        if not np.issubdtype(value.dtype, np.number):
            raise TypeError(f'{name} must be numeric, got {value.dtype}')
        return torch.as_tensor(value, dtype=torch.float32)
    if isinstance(value, Tensor) and value.is_floating_point() and \
            value.dtype != torch.float32:
        return value.float()
    return value


def _ids(value, name: str, count: int) -> List[int]:
    """A frame's id list, one id per box, no id twice."""
    try:
        ids = [int(i) for i in value]
    except (TypeError, ValueError) as err:
        raise TypeError(f'{name} must be a sequence of ints ({err})')
    if len(ids) != count:
        raise ValueError(f'{name} has {len(ids)} ids for {count} boxes')
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ValueError(f'{name}: id {dup} appears twice')
    return ids


def prepare_frame(frame: Frame, index: int = 0) -> Frame:
    """A loss frame checked and converted: boxes as float32 ``[n, 4]``
    tensors (numpy arrays and other float types converted), one unique id
    per box, a positive ``img_shape``; errors name the frame and field.

    Args:
        frame (dict): ``pred_boxes``, ``pred_ids``, ``gt_boxes``,
            ``gt_ids``, ``img_shape`` and optionally ``pred_scores``.
        index (int): the frame's place in its clip, for messages.
    """
    where = f'frame {index}'
    missing = [k for k in ('pred_boxes', 'pred_ids', 'gt_boxes', 'gt_ids',
                           'img_shape') if k not in frame]
    if missing:
        raise KeyError(f'{where}: missing {missing}')
    out = dict(frame)
    for key, name in (('pred_boxes', 'predicted boxes'),
                      ('gt_boxes', 'ground-truth boxes')):
        out[key] = _as_float32(frame[key], f'{where}: {key}')
        check_boxes(out[key], f'{where}: {name}')
    out['pred_ids'] = _ids(frame['pred_ids'], f'{where}: pred_ids',
                           len(out['pred_boxes']))
    out['gt_ids'] = _ids(frame['gt_ids'], f'{where}: gt_ids',
                         len(out['gt_boxes']))
    shape = tuple(frame['img_shape'])
    if len(shape) < 2:
        raise ValueError(f'{where}: img_shape must be (height, width), got '
                         f'{frame["img_shape"]}')
    image_diagonal(*shape[:2])  # raises for a non-positive shape
    if frame.get('pred_scores') is not None:
        out['pred_scores'] = _as_float32(frame['pred_scores'],
                                         f'{where}: pred_scores')
    return out


def iou_gate(pred_boxes: Tensor, gt_boxes: Tensor, min_iou: float,
             temperature: float) -> Tensor:
    """Soft indicator of IoU >= ``min_iou`` (MOTA's matching threshold)."""
    iou = 1.0 - jaccard_distance(pred_boxes, gt_boxes)
    return torch.sigmoid((iou - min_iou) / temperature)


class DeepMOTLoss(nn.Module):
    """dMOTA and dMOTP of predicted tracks against ground truth.

    Per frame: the distance ``D`` (tracks x objects), the matcher's soft
    assignment ``A`` (optionally gated by IoU, so that pairs MOTA would not
    match count as FP and FN), and the soft FP, FN, IDS and TP of
    :func:`soft_frame_counts`. Over the frames of one call (a clip):
    ``dMOTA = 1 - (FP + FN + gamma * IDS) / num_gt`` and
    ``dMOTP = 1 - sum(D * B_TP) / sum(B_TP)``.

    The loss keeps no state: identity switches are counted against a match
    memory (object id -> track id last matched) that the caller owns. A
    clip starts with an empty one by default; a caller that feeds one
    sequence in several calls passes the same dict to each.

    Args:
        matcher: the soft matcher: a module (``[h, w]`` distance matrices
            in, one assignment each out) or its config, ``dict(type=NAME,
            **options)`` with a name of :data:`deepmot.matchers.MATCHERS`
            (``DHNMatcher`` as in the paper, ``SinkhornMatcher``,
            ``DualSoftmaxMatcher``, ``HungarianMatcher``).
        delta: the "unmatched" logit of the softmaxes (paper: 0.7).
        scale: softmax temperature factor (paper: 10 in training).
        lambda_motp: weight of ``1 - dMOTP`` (paper: 5).
        gamma_ids: weight of ID switches in dMOTA.
        min_iou: IoU gate on ``A``; ``None`` uses ``A`` as it is.
        gate_temperature: softness of the gate.
        distance: ``'deepmot'`` ((centre + Jaccard) / 2) or ``'iou'``.
        loss_weight: factor on both losses.
        use_scores: frames may carry ``pred_scores`` (one per track, in
            [0, 1]); each track then counts by its score: its row of ``A``
            and its FP mass are scaled by it, so the loss also trains the
            score that decides a track's death.
        lambda_idf1: weight of ``1 - dIDF1`` over the clip
            (:func:`deepmot.identity.soft_idf1` of the frames' gated soft
            assignments ``A``); 0 leaves it out (the paper's loss).
        lambda_hota: weight of ``1 - dHOTA`` over the clip
            (:func:`deepmot.identity.soft_hota`: HOTA's own hardened frame
            matching, soft steps of width ``gate_temperature`` at each of
            ``hota_alphas``); 0 leaves it out.
        hota_alphas: the localisation thresholds of dHOTA.
    """

    def __init__(self,
                 matcher: Union[dict, nn.Module] = dict(type='DHNMatcher'),
                 delta: float = 0.7,
                 scale: float = 10.0,
                 lambda_motp: float = 5.0,
                 gamma_ids: float = 1.0,
                 min_iou: Optional[float] = 0.5,
                 gate_temperature: float = 0.05,
                 distance: str = 'deepmot',
                 loss_weight: float = 1.0,
                 use_scores: bool = False,
                 lambda_idf1: float = 0.0,
                 lambda_hota: float = 0.0,
                 hota_alphas: Sequence[float] = (0.3, 0.5, 0.7)) -> None:
        super().__init__()
        self.matcher = self.build_matcher(matcher)
        self.delta = delta
        self.scale = scale
        self.lambda_motp = lambda_motp
        self.gamma_ids = gamma_ids
        self.min_iou = min_iou
        self.gate_temperature = gate_temperature
        self.distance = distance
        self.loss_weight = loss_weight
        self.use_scores = use_scores
        self.lambda_idf1 = lambda_idf1
        self.lambda_hota = lambda_hota
        self.hota_alphas = tuple(hota_alphas)

    def build_matcher(self, matcher: Union[dict, nn.Module]) -> nn.Module:
        """The matcher module of ``matcher`` (a module, kept as it is, or a
        config naming an entry of ``deepmot.matchers.MATCHERS``)."""
        return build_matcher(matcher)

    def assignments(self, frames: Sequence[Frame]
                    ) -> Tuple[List[Tensor], List[Tensor]]:
        """Distance matrices and soft assignments of all frames, the matcher
        called once for the whole clip."""
        dists = [
            frame_distance(f['pred_boxes'], f['gt_boxes'], f['img_shape'],
                           self.distance) for f in frames
        ]
        assigns = self.matcher(dists)
        if self.min_iou is not None:
            assigns = [
                a * iou_gate(f['pred_boxes'], f['gt_boxes'], self.min_iou,
                             self.gate_temperature)
                for a, f in zip(assigns, frames)
            ]
        if self.use_scores:
            assigns = [a * self._presence(f)[:, None]
                       for a, f in zip(assigns, frames)]
        return dists, assigns

    def _presence(self, frame: Frame) -> Tensor:
        """The frame's track scores, checked (``use_scores``)."""
        scores = frame.get('pred_scores')
        if scores is None:
            raise KeyError('DeepMOTLoss(use_scores=True) needs pred_scores '
                           'in every frame')
        if scores.shape != (len(frame['pred_boxes']), ):
            raise ValueError(f'pred_scores must have one value per track, '
                             f'got shape {tuple(scores.shape)} for '
                             f'{len(frame["pred_boxes"])} tracks')
        if not torch.isfinite(scores).all() or (scores < 0).any() or \
                (scores > 1).any():
            raise ValueError('pred_scores must be finite and in [0, 1]')
        return scores

    def forward(self,
                frames: Sequence[Frame],
                memory: Optional[MatchMemory] = None) -> Dict[str, Tensor]:
        """Losses and soft counts of consecutive frames of one sequence.

        Args:
            frames (Sequence[dict]): each with ``pred_boxes`` [h, 4]
                (xyxy), ``pred_ids`` (h track ids), ``gt_boxes`` [w, 4],
                ``gt_ids`` (w object ids) and ``img_shape`` (height,
                width); with ``use_scores`` also ``pred_scores`` (h).
            memory (dict, optional): the sequence's match memory, updated
                in place. Defaults to None: the frames start a sequence.

        Returns:
            dict: ``loss_dmota``, ``loss_dmotp`` and the detached figures
            ``dmota``, ``dmotp``, ``soft_fp``, ``soft_fn``, ``soft_ids``,
            ``soft_tp``, ``num_gt``; with ``lambda_idf1`` also
            ``loss_didf1`` and ``didf1``, with ``lambda_hota``
            ``loss_dhota`` and ``dhota``.
        """
        if len(frames) == 0:
            raise ValueError('DeepMOTLoss needs at least one frame')
        return self.forward_clips([frames], [memory])

    def forward_clips(self,
                      clips: Sequence[Sequence[Frame]],
                      memories: Optional[Sequence[Optional[MatchMemory]]]
                      = None) -> Dict[str, Tensor]:
        """``forward`` of several clips with one matcher call for all
        their frames (the DHN is far cheaper per frame in a batch); losses
        and counts are the mean over clips.

        Args:
            clips (Sequence[Sequence[dict]]): the frames of each clip.
            memories (Sequence[dict], optional): one match memory (or None)
                per clip. Defaults to None: every clip starts a sequence.
        """
        if not clips or any(len(frames) == 0 for frames in clips):
            raise ValueError('DeepMOTLoss needs at least one frame a clip')
        clips = [[prepare_frame(f, i) for i, f in enumerate(frames)]
                 for frames in clips]
        if memories is None:
            memories = [None] * len(clips)
        if len(memories) != len(clips):
            raise ValueError(f'memories: one per clip, got {len(memories)} '
                             f'for {len(clips)} clips')
        dists, assigns = self.assignments(
            [f for frames in clips for f in frames])
        outs, start = [], 0
        for frames, memory in zip(clips, memories):
            stop = start + len(frames)
            outs.append(self._clip_losses(
                frames, dists[start:stop], assigns[start:stop],
                {} if memory is None else memory))
            start = stop
        return {k: sum(o[k] for o in outs) / len(outs) for k in outs[0]}

    def _clip_losses(self, frames: Sequence[Frame], dists: List[Tensor],
                     assigns: List[Tensor],
                     memory: MatchMemory) -> Dict[str, Tensor]:
        totals = dict(fp=0.0, fn=0.0, ids=0.0, tp=0.0, dist_sum=0.0)
        num_gt = num_tp = 0
        for f, dist, assign in zip(frames, dists, assigns):
            c = soft_frame_counts(
                assign, dist, list(f['pred_ids']), list(f['gt_ids']), memory,
                self.delta, self.scale,
                self._presence(f) if self.use_scores else None)
            for key in totals:
                totals[key] = totals[key] + getattr(c, key)
            num_gt += c.num_gt
            num_tp += len(c.matches)
        ref = dists[0]
        as_t = {k: ref.new_zeros(()) + v for k, v in totals.items()}
        errors = as_t['fp'] + as_t['fn'] + self.gamma_ids * as_t['ids']
        dmota = 1.0 - errors / max(num_gt, 1)
        dmotp = 1.0 - as_t['dist_sum'] / max(num_tp, 1)
        out = dict(
            loss_dmota=self.loss_weight * (1.0 - dmota),
            loss_dmotp=self.loss_weight * self.lambda_motp * (1.0 - dmotp),
            dmota=dmota.detach(),
            dmotp=dmotp.detach(),
            soft_fp=as_t['fp'].detach(),
            soft_fn=as_t['fn'].detach(),
            soft_ids=as_t['ids'].detach(),
            soft_tp=as_t['tp'].detach(),
            num_gt=ref.new_tensor(float(num_gt)))
        if self.lambda_idf1 or self.lambda_hota:
            out.update(self._identity_losses(frames, assigns))
        return out

    def _identity_losses(self, frames: Sequence[Frame],
                         assigns: List[Tensor]) -> Dict[str, Tensor]:
        """dIDF1 and dHOTA of one clip, the terms whose weight is set."""
        track_ids = [list(f['pred_ids']) for f in frames]
        object_ids = [list(f['gt_ids']) for f in frames]
        weights = [self._presence(f) for f in frames] \
            if self.use_scores else None
        out = {}
        if self.lambda_idf1:
            idf1 = soft_idf1(accumulate_matches(assigns, track_ids,
                                                object_ids, weights))['IDF1']
            out.update(
                loss_didf1=self.loss_weight * self.lambda_idf1 * (1 - idf1),
                didf1=idf1.detach())
        if self.lambda_hota:
            ious = [box_iou(f['pred_boxes'], f['gt_boxes']) for f in frames]
            hota = soft_hota(ious, track_ids, object_ids, self.hota_alphas,
                             self.gate_temperature,
                             track_weights=weights)['HOTA']
            out.update(
                loss_dhota=self.loss_weight * self.lambda_hota * (1 - hota),
                dhota=hota.detach())
        return out
