"""Tracktor trained on clips with the DeepMOT loss (and the detector's)."""
import copy
from typing import Dict, List, Optional, Sequence, Tuple

import torch
from mmcv.ops import batched_nms
from mmdet.structures.bbox import bbox2roi
from mmengine.structures import InstanceData
from mmtrack.models.mot import Tracktor
from mmtrack.registry import MODELS
from torch import Tensor

from ...utils.compat import roi_bbox_forward
from ..utils import FrozenModulesMixin
from .clip_inputs import clip_frames
from .clip_training import (ClipFrame, ClipStep, ClipTracks, ClipTrainingMixin,
                            TrackStep)

# Tracktor's test-time survival rule; new tracks jittered as the first ones
UNROLL_CFG = dict(obj_score_thr=0.5, nms_iou_thr=0.6, birth_iou_thr=0.5,
                  jitter_shift=0.1, jitter_scale=0.1, jitter_births=True)


@MODELS.register_module()
class DeepMOTTracktor(FrozenModulesMixin, ClipTrainingMixin, Tracktor):
    """mmtrack's ``Tracktor`` whose ``loss()`` trains on clips.

    Training unrolls Tracktor over each clip (``ClipTrainingMixin``): the
    live tracks are regressed by the detector's RoI head, as
    ``TracktorTracker.regress_tracks`` does at test time (score threshold
    and NMS decide which survive), and objects that no live track covers
    start again, jittered, under a new id. The regressed boxes and their
    ids against the frame's ground truth go into ``DeepMOTLoss``;
    gradients reach the RoI head (and what is not frozen below it) through
    the regressed boxes and, with the loss's ``use_scores``, through the
    scores that decide a track's death.

    ``predict()`` is Tracktor's, so ``tools/test.py`` evaluates it as is;
    with ``public_detections`` the frame's public detections replace the
    RPN's proposals (MOTChallenge's public protocol, as the paper's
    Tracktor: the RoI head regresses and scores them, and the detections it
    keeps give births).

    Args:
        deepmot_loss: a ``DeepMOTLoss`` config; None trains the detector
            alone (the vanilla twin).
        detector_loss_weight: factor on the detector's own losses (RPN and
            RoI head) over all frames of the clips; 0 leaves them out.
        unroll_cfg: options of the training unroll that replace
            ``UNROLL_CFG``: ``obj_score_thr``, ``nms_iou_thr`` (who
            survives a regression step, Tracktor's test-time values),
            ``birth_iou_thr`` (an object gets a new track when no live
            track overlaps it this much), ``jitter_shift`` and
            ``jitter_scale`` (relative std of the noise on the
            ground-truth boxes that start tracks), ``jitter_births``.
        frozen_modules: dotted names (``detector.backbone``) kept frozen and
            in eval mode.
        fast_frozen_modules: run the frozen parts through copies with
            folded batch norms, channels-last (``FastFrozenForward``): the
            same outputs, faster on CPUs. Defaults to False.
        public_detections: at test time, detect from the frames'
            ``public_bboxes`` (``MOTDetDataset`` with ``'public_bboxes'`` in
            ``PackTrackInputs``' ``meta_keys``) instead of the RPN. Defaults
            to False.
    """

    def __init__(self,
                 *args,
                 deepmot_loss: Optional[dict] = None,
                 detector_loss_weight: float = 1.0,
                 unroll_cfg: Optional[dict] = None,
                 frozen_modules: Sequence[str] = (),
                 fast_frozen_modules: bool = False,
                 public_detections: bool = False,
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.public_detections = public_detections
        self.init_clip_training(deepmot_loss, detector_loss_weight,
                                'detector_loss_weight', unroll_cfg,
                                UNROLL_CFG)
        self.detector_loss_weight = detector_loss_weight
        self.freeze(frozen_modules, fast=fast_frozen_modules)

    def predict(self,
                inputs: Dict[str, Tensor],
                data_samples: list,
                rescale: bool = True,
                **kwargs) -> list:
        """Tracktor's ``predict``; with ``public_detections`` the RoI head
        refines the frame's public detections instead of RPN proposals."""
        if not self.public_detections:
            return super().predict(inputs, data_samples, rescale, **kwargs)
        if inputs['img'].size(0) != 1 or len(data_samples) != 1:
            raise ValueError('Tracktor predicts one frame at a time, got '
                             f'{inputs["img"].size(0)}')
        img, sample = inputs['img'][0], data_samples[0]
        public = sample.metainfo.get('public_bboxes')
        if public is None:
            raise KeyError(
                'public_detections=True needs the frames\' public_bboxes: '
                'use MOTDetDataset with a detection_file and put '
                "'public_bboxes' in PackTrackInputs' meta_keys")
        boxes = torch.as_tensor(public, dtype=torch.float32,
                                device=img.device)[:, :4].reshape(-1, 4)
        factor = boxes.new_tensor(sample.metainfo.get('scale_factor',
                                                      (1., 1.)))
        proposals = InstanceData(bboxes=boxes * factor.repeat(2))
        x = self.detector.extract_feat(img)
        sample.pred_det_instances = self.detector.roi_head.predict(
            x, [proposals], data_samples, rescale=rescale)[0]
        sample.pred_track_instances = self.tracker.track(
            model=self, img=img, feats=x, data_sample=sample,
            data_preprocessor=self.preprocess_cfg, rescale=rescale,
            **kwargs)
        return [sample]

    # ------------------------------------------------------------------
    def _detector_losses(self, x: Tuple[Tensor], samples: List) -> dict:
        """mmdet ``TwoStageDetector.loss`` on features already extracted
        (the clip's features are shared with the tracking loss)."""
        detector = self.detector
        proposal_cfg = detector.train_cfg.get('rpn_proposal',
                                              detector.test_cfg.rpn)
        rpn_samples = copy.deepcopy(samples)
        for s in rpn_samples:
            s.gt_instances.labels = torch.zeros_like(s.gt_instances.labels)
        rpn_losses, proposals = detector.rpn_head.loss_and_predict(
            x, rpn_samples, proposal_cfg=proposal_cfg)
        losses = {(f'rpn_{k}' if 'loss' in k and 'rpn' not in k else k): v
                  for k, v in rpn_losses.items()}
        losses.update(detector.roi_head.loss(x, proposals, samples))
        return losses

    def _regress(self, x: Tuple[Tensor], frame_index: List[int],
                 boxes: List[Tensor]) -> Tuple[List[Tensor], List[Tensor]]:
        """Boxes of each listed image regressed by the RoI head (one call
        for all), and their pedestrian scores."""
        roi_head = self.detector.roi_head
        rois = bbox2roi([b.detach() for b in boxes])
        if rois.numel():
            # bbox2roi numbers images 0..k-1; point them at the clip frames
            rois[:, 0] = torch.as_tensor(frame_index, device=rois.device)[
                rois[:, 0].long()].to(rois)
        out = roi_bbox_forward(roi_head, x, rois)
        scores = out['cls_score'].softmax(-1)[:, 0]
        deltas = out['bbox_pred']
        if deltas.size(1) > 4:  # class-specific: pedestrian is class 0
            deltas = deltas[:, :4]
        new = roi_head.bbox_head.bbox_coder.decode(rois[:, 1:], deltas)
        sizes = [len(b) for b in boxes]
        return list(new.split(sizes)), list(scores.split(sizes))

    # the training unroll (ClipTrainingMixin) -------------------------
    def step(self, frame: ClipFrame, tracks: Sequence[ClipTracks],
             inputs: Tuple[Tensor]) -> ClipStep:
        """Every clip's tracks regressed into the frame (one RoI call for
        all clips); Tracktor's survivors (score, then NMS) are reported
        and live on. ``inputs`` are the clips' image features."""
        boxes, scores = self._regress(inputs, frame.rows,
                                      [s.boxes for s in tracks])
        return ClipStep([
            TrackStep(b, s, keep, keep)
            for b, s in zip(boxes, scores)
            for keep in [self._survivors(b, s)]
        ])

    def _survivors(self, boxes: Tensor, scores: Tensor) -> Tensor:
        """Indices of the tracks above the score threshold that NMS keeps,
        best first."""
        cfg = self.unroll_cfg
        keep = torch.nonzero(scores > cfg['obj_score_thr']).flatten()
        if keep.numel() > 1:
            _, order = batched_nms(
                boxes[keep].detach(), scores[keep].detach(),
                torch.zeros_like(keep),
                dict(type='nms', iou_threshold=cfg['nms_iou_thr']))
            keep = keep[order]
        return keep

    def loss(self, inputs: Dict[str, Tensor], data_samples: list,
             **kwargs) -> dict:
        """Detector losses on every frame of the clips (weighted) and the
        DeepMOT loss of Tracktor unrolled over them."""
        imgs, clips = clip_frames(inputs, data_samples)
        x = self.detector.extract_feat(imgs)
        losses = {}
        if self.detector_loss_weight > 0:
            flat = [frame for clip in clips for frame in clip]
            det = self._detector_losses(x, flat)
            for key, value in det.items():
                if 'loss' in key:
                    value = [v * self.detector_loss_weight for v in value] \
                        if isinstance(value, list) else \
                        value * self.detector_loss_weight
                losses[key] = value
        if self.deepmot_loss is not None:
            losses.update(self.score_clips(
                self.unroll_clips(clips, x).frames))
        return losses
