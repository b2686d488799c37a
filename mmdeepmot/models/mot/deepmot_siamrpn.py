"""MMTracking's SiamRPN taken from single- to multi-object tracking: one
template per track, all tracks' search regions through the network as one
batch; trained on clips with the DeepMOT loss."""
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

import torch
from mmdet.structures.bbox import bbox_cxcywh_to_xyxy, bbox_xyxy_to_cxcywh
from mmengine.structures import InstanceData
from mmtrack.models.sot import SiamRPN
from mmtrack.registry import MODELS
from torch import Tensor

from ...structures import box_iou
from ..track_heads import MultiSiameseRPNHead
from ..utils import FrozenModulesMixin
from .clip_inputs import clip_frames
from .clip_training import (ClipFrame, ClipStep, ClipTracks, ClipTrainingMixin,
                            TrackStep)
from .siamese_crops import crop_and_resize


class ClipImages(NamedTuple):
    """The clips' frames ([N * L, 1, C, H, W]) and their mean colours
    ([N * L, C]), which pad crops: what the unroll reads."""
    imgs: Tensor
    avgs: Tensor


# a track dies in training when it covers no object; new tracks start on
# the objects' boxes as they are
UNROLL_CFG = dict(birth_iou_thr=0.5, death_iou_thr=0.3, jitter_shift=0.05,
                  jitter_scale=0.05, jitter_births=False)


@MODELS.register_module()
class DeepMOTSiamRPN(FrozenModulesMixin, ClipTrainingMixin, SiamRPN):
    """mmtrack's ``SiamRPN`` (backbone, neck, a ``MultiSiameseRPNHead``)
    run as a multi-object tracker and trained with the DeepMOT loss.

    :meth:`track_step` moves every track into its next frame in one
    network batch: search regions cropped around the last boxes as
    ``SiamRPN.track`` crops them, backbone and neck, the head against the
    tracks' own templates, decoded and post-processed by the head for all
    tracks at once (``benchmarks/siamrpn_mot.py`` measures the batch
    against one call per track).

    ``predict()`` hands each frame to ``tracker`` (``SiamRPNMOTTracker``:
    births from public detections, deaths, re-identification).

    ``loss()`` unrolls the tracker over clips (``ClipTrainingMixin``):
    tracks start on the jittered ground truth of the first frame; objects
    that no track covers get tracks on their ground truth, and tracks that
    drift off every object die (as in the paper's training). The DeepMOT
    loss of the tracks' boxes, ids and scores is added to
    ``sot_loss_weight`` x SiamRPN's own loss on (template, search region)
    pairs of tracks whose object is still in view.

    Args:
        tracker (dict, optional): the test-time tracker. Defaults to None:
            ``SiamRPNMOTTracker`` with its defaults.
        deepmot_loss (dict, optional): a ``DeepMOTLoss`` config. Defaults
            to None: SiamRPN's loss alone (the vanilla twin).
        sot_loss_weight (float): factor on SiamRPN's loss; 0 leaves it
            out. Defaults to 1.0.
        unroll_cfg (dict, optional): options of the training unroll that
            replace ``UNROLL_CFG``: ``birth_iou_thr``, ``death_iou_thr``
            (a track dies when it overlaps no object this much),
            ``jitter_shift``, ``jitter_scale``, ``jitter_births``.
        frozen_modules (str | list[str], optional): dotted names of parts
            kept frozen and in eval mode. Defaults to None.
        fast_frozen_modules (bool): run the frozen parts through copies
            with folded batch norms, channels-last (``FastFrozenForward``):
            the same outputs, faster on CPUs. Defaults to False.
        **kwargs: ``SiamRPN``'s arguments.
    """

    def __init__(self,
                 *args,
                 tracker: Optional[dict] = None,
                 deepmot_loss: Optional[dict] = None,
                 sot_loss_weight: float = 1.0,
                 unroll_cfg: Optional[dict] = None,
                 frozen_modules=None,
                 fast_frozen_modules: bool = False,
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not isinstance(self.head, MultiSiameseRPNHead):
            raise TypeError(
                'DeepMOTSiamRPN decodes all tracks at once: set '
                "model.head.type='MultiSiameseRPNHead' (got "
                f'{type(self.head).__name__})')
        self.tracker = MODELS.build(tracker or dict(type='SiamRPNMOTTracker'))
        self.init_clip_training(deepmot_loss, sot_loss_weight,
                                'sot_loss_weight', unroll_cfg, UNROLL_CFG)
        self.sot_loss_weight = sot_loss_weight
        self.freeze(frozen_modules, fast=fast_frozen_modules)

    # ------------------------------------------------------------------
    # the batched tracking step
    def _context_size(self, boxes: Tensor) -> Tensor:
        """SiamFC's exemplar size, sqrt((w + p)(h + p)), p = c (w + h)."""
        pad = self.test_cfg.context_amount * (boxes[:, 2] + boxes[:, 3])
        return torch.sqrt((boxes[:, 2] + pad) * (boxes[:, 3] + pad))

    def _crops(self, imgs: List[Tensor], boxes: Tensor, sizes: Tensor,
               out_size: int, avgs: List[Tensor]) -> Tensor:
        """Each track's region, cropped and resized as ``SiamRPN`` does."""
        if len(boxes) == 0:
            c = imgs[0].shape[1] if imgs else 3
            return boxes.new_zeros(0, c, out_size, out_size)
        # equal to SiamRPN.get_cropped_img, without a frame copy per track
        return torch.cat([
            crop_and_resize(img, box[:2], out_size, size, avg)
            for img, box, size, avg in zip(imgs, boxes, sizes, avgs)
        ])

    def templates(self, imgs: List[Tensor], boxes: Tensor,
                  avgs: List[Tensor]) -> Tuple[Tensor, ...]:
        """Template features of tracks at ``boxes`` (cx, cy, w, h), one
        image ([1, C, H, W]) and mean colour per track."""
        sizes = torch.round(self._context_size(boxes))
        crops = self._crops(imgs, boxes, sizes, self.test_cfg.exemplar_size,
                            avgs)
        return self.forward_template(crops)

    def track_step(self, imgs: List[Tensor], boxes: Tensor,
                   feats: Tuple[Tensor, ...], avgs: List[Tensor],
                   img_shapes: List[Tuple[int, int]]) -> dict:
        """Move every track into its next frame, in one network batch.

        Args:
            imgs (list[Tensor]): per track, its frame [1, C, H, W].
            boxes (Tensor): [T, 4] last boxes (cx, cy, w, h), not
                differentiated.
            feats (tuple[Tensor]): the tracks' template features ([T, ...]
                per level).
            avgs (list[Tensor]): per track, the mean colour that pads
                crops.
            img_shapes (list[tuple]): per track, (h, w) its box is clipped
                to.

        Returns:
            dict: ``boxes`` [T, 4] (cx, cy, w, h) and ``scores`` [T],
            differentiable, and what SiamRPN's loss needs: ``cls_score``,
            ``bbox_pred``, ``scale`` [T] (search region pixels per image
            pixel) and ``centers`` [T, 2] of the search regions.
        """
        boxes = boxes.detach()
        cfg = self.test_cfg
        z_size = self._context_size(boxes)
        x_size = torch.round(z_size * (cfg.search_size / cfg.exemplar_size))
        crops = self._crops(imgs, boxes, x_size, cfg.search_size, avgs)
        cls_score, bbox_pred = self.head(feats, self.forward_search(crops))
        scale = cfg.exemplar_size / z_size
        new_boxes, scores = self.head.predict_tracks(
            cls_score, bbox_pred, boxes, scale, img_shapes)
        return dict(boxes=new_boxes, scores=scores, cls_score=cls_score,
                    bbox_pred=bbox_pred, scale=scale, centers=boxes[:, :2])

    # ------------------------------------------------------------------
    # test time
    def predict(self, inputs: dict, data_samples: list, **kwargs) -> list:
        """Track one frame (batch size 1, frames of a video in order)."""
        img = inputs['img']
        assert img.dim() == 5 and img.size(0) == 1, \
            'DeepMOTSiamRPN tracks one frame at a time'
        sample = data_samples[0]
        if sample.metainfo.get('frame_id', -1) == 0:
            self.tracker.reset()
        sample.pred_track_instances = self.tracker.track(self, img[0],
                                                         sample)
        return [sample]

    # ------------------------------------------------------------------
    # training
    def loss(self, inputs: dict, data_samples: list, **kwargs) -> dict:
        """Unroll the tracker over every clip of the batch."""
        imgs, clips = clip_frames(inputs, data_samples)
        imgs = imgs[:, None]  # [N * L, 1, C, H, W]
        unrolled = self.unroll_clips(
            clips, ClipImages(imgs, imgs.mean(dim=(1, 3, 4))))
        losses: Dict[str, Tensor] = {}
        if self.sot_loss_weight > 0:
            losses.update(self._sot_loss(unrolled.extras))
        if self.deepmot_loss is not None:
            losses.update(self.score_clips(unrolled.frames))
        return losses

    def step(self, frame: ClipFrame, tracks: Sequence[ClipTracks],
             inputs: ClipImages) -> ClipStep:
        """One batched step for the tracks of every clip. Every track is
        reported; those that still cover an object live on and, with their
        object in view, give SiamRPN pairs (the step's ``extra``, with the
        maps SiamRPN's loss reads).

        A track's memory is its last box (cx, cy, w, h) and its template
        features, one tensor per level."""
        owners = [n for n, s in enumerate(tracks) for _ in s.ids]
        extra = dict(targets=[])
        feats: Tuple[Tensor, ...] = ()
        if owners:
            rows = [frame.rows[n] for n in owners]
            feats = tuple(torch.cat(level) for level in zip(
                *[s.memory[1:] for s in tracks if len(s)]))
            extra.update(self.track_step(
                [inputs.imgs[i] for i in rows],
                torch.cat([s.memory[0] for s in tracks if len(s)]), feats,
                [inputs.avgs[i] for i in rows],
                [frame.gts[n].img_shape[:2] for n in owners]))
        steps, start = [], 0
        for n, s in enumerate(tracks):
            gt = frame.gts[n]
            if not len(s):
                none = gt.gt_instances.bboxes.new_zeros(0, 4)
                steps.append(TrackStep(none, none[:, 0], *[
                    torch.zeros(0, dtype=torch.long)] * 2, s.memory))
                continue
            stop = start + len(s)
            boxes = extra['boxes'][start:stop]
            xyxy = bbox_cxcywh_to_xyxy(boxes)
            gt_boxes = gt.gt_instances.bboxes
            row = {g: j for j, g in enumerate(gt.instance_ids.tolist())}
            extra['targets'] += [(start + i, gt_boxes[row[target]])
                                 for i, target in enumerate(s.targets)
                                 if target in row]
            if len(gt_boxes):
                iou = box_iou(xyxy.detach(), gt_boxes).max(1).values
                alive = torch.nonzero(
                    iou >= self.unroll_cfg['death_iou_thr']).flatten()
            else:
                alive = torch.zeros(0, dtype=torch.long)
            # the clip's templates as slices of the batch (one autograd
            # path to the templates, as the batch took them)
            memory = (boxes.detach(), *(f[start:stop] for f in feats))
            steps.append(TrackStep(xyxy, extra['scores'][start:stop],
                                   torch.arange(len(s)), alive, memory))
            start = stop
        return ClipStep(steps, extra)

    def start_tracks(self, frame: ClipFrame, clip: int, boxes: Tensor,
                     gt_boxes: Tensor,
                     inputs: ClipImages) -> Tuple[Tensor, ...]:
        """Tracks at ``boxes`` with templates of their objects."""
        row = frame.rows[clip]
        on_gt = bbox_xyxy_to_cxcywh(gt_boxes)
        feats = self.templates([inputs.imgs[row]] * len(on_gt), on_gt,
                               [inputs.avgs[row]] * len(on_gt))
        return (bbox_xyxy_to_cxcywh(boxes), *feats)

    def _sot_loss(self, steps: List[dict]) -> Dict[str, Tensor]:
        """SiamRPN's loss on the (template, search region) pairs whose
        object is in view: its box in search-region coordinates."""
        cls, reg, targets = [], [], []
        half = self.test_cfg.search_size / 2
        for step in steps:
            for i, gt_box in step['targets']:
                box = (gt_box.view(2, 2) - step['centers'][i]) * \
                    step['scale'][i] + half
                targets.append(InstanceData(
                    bboxes=box.view(1, 4).detach(),
                    labels=torch.ones(1, dtype=torch.long)))
                cls.append(step['cls_score'][i])
                reg.append(step['bbox_pred'][i])
        if not targets:
            zero = sum(s['cls_score'].sum() * 0 for s in steps
                       if 'cls_score' in s)
            return dict(loss_rpn_cls=zero, loss_rpn_bbox=zero)
        losses = self.head.loss_by_feat(torch.stack(cls), torch.stack(reg),
                                        None, targets, None)
        return {k: v * self.sot_loss_weight for k, v in losses.items()}
