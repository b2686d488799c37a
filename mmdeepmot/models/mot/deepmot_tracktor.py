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

from .clips import (build_deepmot_loss, clip_frames, eval_frozen,
                    independent_clips_loss, jitter_boxes, submodule,
                    uncovered_objects)

TRACK_JITTER = dict(shift=0.1, scale=0.1)
TRAIN_TRACKER = dict(obj_score_thr=0.5, nms_iou_thr=0.6, birth_iou_thr=0.5)


@MODELS.register_module()
class DeepMOTTracktor(Tracktor):
    """mmtrack's ``Tracktor`` whose ``loss()`` trains on clips.

    Each clip (frames 0..L-1 of one video, from ``MOTClipDataset``) starts
    with the ground-truth boxes of frame 0, jittered, as tracks with the
    objects' ids. At every next frame the live tracks are regressed by the
    detector's RoI head, as ``TracktorTracker.regress_tracks`` does at test
    time (score threshold and NMS decide which survive), and objects of the
    previous frame that no live track covers are born again, jittered, under
    a new id. The regressed boxes and their ids against the frame's ground
    truth go into ``DeepMOTLoss``; gradients reach the RoI head (and what
    is not frozen below it) through the regressed boxes and, with the
    loss's ``use_scores``, through the scores that decide a track's death.

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
        track_jitter: ``shift`` and ``scale`` (relative std) of the noise
            put on the ground-truth boxes that seed and re-seed tracks
            (defaults: ``TRACK_JITTER``).
        train_tracker: ``obj_score_thr``, ``nms_iou_thr`` (who survives a
            regression step) and ``birth_iou_thr`` (an object is re-seeded
            when no live track overlaps it this much); defaults:
            ``TRAIN_TRACKER``, Tracktor's test-time values.
        frozen_modules: dotted names (``detector.backbone``) kept frozen and
            in eval mode.
        public_detections: at test time, detect from the frames'
            ``public_bboxes`` (``MOTDetDataset`` with ``'public_bboxes'`` in
            ``PackTrackInputs``' ``meta_keys``) instead of the RPN. Defaults
            to False.
    """

    def __init__(self,
                 *args,
                 deepmot_loss: Optional[dict] = None,
                 detector_loss_weight: float = 1.0,
                 track_jitter: Optional[dict] = None,
                 train_tracker: Optional[dict] = None,
                 frozen_modules: Sequence[str] = (),
                 public_detections: bool = False,
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.public_detections = public_detections
        self.deepmot_loss = build_deepmot_loss(
            deepmot_loss, detector_loss_weight, 'detector_loss_weight')
        self.detector_loss_weight = detector_loss_weight
        self.track_jitter = {**TRACK_JITTER, **(track_jitter or {})}
        self.train_tracker = {**TRAIN_TRACKER, **(train_tracker or {})}
        self.frozen_modules = list(frozen_modules)
        for name in self.frozen_modules:
            for p in submodule(self, name).parameters():
                p.requires_grad = False

    def train(self, mode: bool = True) -> 'DeepMOTTracktor':
        """Keep frozen parts in eval mode (BN statistics, dropout)."""
        super().train(mode)
        eval_frozen(self, self.frozen_modules)
        return self

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
        out = roi_head._bbox_forward(x, rois)
        scores = out['cls_score'].softmax(-1)[:, 0]
        deltas = out['bbox_pred']
        if deltas.size(1) > 4:  # class-specific: pedestrian is class 0
            deltas = deltas[:, :4]
        new = roi_head.bbox_head.bbox_coder.decode(rois[:, 1:], deltas)
        sizes = [len(b) for b in boxes]
        return list(new.split(sizes)), list(scores.split(sizes))

    def _survivors(self, boxes: Tensor, scores: Tensor) -> Tensor:
        """Indices Tracktor keeps after a regression step."""
        keep = torch.nonzero(
            scores > self.train_tracker['obj_score_thr']).flatten()
        if keep.numel() > 1:
            _, order = batched_nms(
                boxes[keep].detach(), scores[keep].detach(),
                torch.zeros_like(keep),
                dict(type='nms',
                     iou_threshold=self.train_tracker['nms_iou_thr']))
            keep = keep[order]
        return keep

    def _tracking_loss(self, x: Tuple[Tensor], clips: List[list]) -> dict:
        """Unroll the Tracktor regression over every clip; DeepMOT loss."""
        jit = self.track_jitter
        length = len(clips[0])
        state = []
        for clip in clips:
            first = clip[0]
            state.append(dict(
                boxes=jitter_boxes(first.gt_instances.bboxes, jit['shift'],
                                   jit['scale']),
                ids=first.instance_ids.tolist(),
                next_id=int(first.instance_ids.max()) + 1
                if len(first.instance_ids) else 0,
                frames=[]))
        for t in range(1, length):
            index = [n * length + t for n in range(len(clips))]
            new_boxes, new_scores = self._regress(
                x, index, [s['boxes'] for s in state])
            for clip, s, boxes, scores in zip(clips, state, new_boxes,
                                              new_scores):
                keep = self._survivors(boxes, scores)
                boxes = boxes[keep]
                ids = [s['ids'][i] for i in keep.tolist()]
                gt = clip[t]
                s['frames'].append(dict(
                    pred_boxes=boxes, pred_ids=ids, pred_scores=scores[keep],
                    gt_boxes=gt.gt_instances.bboxes,
                    gt_ids=gt.instance_ids.tolist(),
                    img_shape=gt.img_shape))
                # next step: live tracks plus re-seeded uncovered objects
                born = uncovered_objects(
                    gt, boxes, self.train_tracker['birth_iou_thr'])
                seeds = jitter_boxes(gt.gt_instances.bboxes[born],
                                     jit['shift'], jit['scale'])
                s['boxes'] = torch.cat([boxes.detach(), seeds])
                s['ids'] = ids + list(
                    range(s['next_id'], s['next_id'] + len(born)))
                s['next_id'] += len(born)
        return independent_clips_loss(self.deepmot_loss,
                                      [s['frames'] for s in state])

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
            losses.update(self._tracking_loss(x, clips))
        return losses
