"""MMTracking's SiamRPN taken from single- to multi-object tracking: one
template per track, all tracks' search regions through the network as one
batch, births from public detections, deaths by score, ids kept."""
from typing import Dict, List, Optional, Tuple

import torch
from mmdet.structures.bbox import bbox_cxcywh_to_xyxy, bbox_xyxy_to_cxcywh
from mmengine.structures import InstanceData
from mmtrack.models.sot import SiamRPN
from mmtrack.registry import MODELS
from torch import Tensor

from ...structures import box_iou
from .clips import (build_deepmot_loss, clip_frames, eval_frozen,
                    independent_clips_loss, jitter_boxes, uncovered_objects)
from .siamese_crops import crop_and_resize

MOT_TRACKER = dict(
    det_score_thr=0.5,    # public detections that may start a track
    birth_iou_thr=0.3,    # ... when no live track overlaps them this much
    death_score_thr=0.3,  # a track below this score is lost for the frame
    max_lost=5,           # ... and dies after this many such frames
    support_iou_thr=None,  # a public detection this close supports a track
    max_unsupported=10,   # ... which dies after this many frames without
    nms_iou_thr=0.7,      # of two live tracks this close, the weaker dies
    reid_thr=None,        # cosine similarity to revive a dead track's id
    reid_frames=30)       # how long dead tracks can be revived
TRAIN_TRACKER = dict(birth_iou_thr=0.5, death_iou_thr=0.3)
TRACK_JITTER = dict(shift=0.05, scale=0.05)


class Tracks:
    """Live tracks of one video: boxes (cx, cy, w, h), ids, templates."""

    def __init__(self) -> None:
        self.boxes: Tensor = torch.zeros(0, 4)
        self.ids: List[int] = []
        self.lost: List[int] = []
        self.unsupported: List[int] = []
        self.feats: Optional[Tuple[Tensor, ...]] = None
        self.dead: List[dict] = []  # for re-identification
        self.next_id = 0

    def __len__(self) -> int:
        return len(self.ids)

    def keep(self, index: Tensor) -> None:
        """Keep the tracks at ``index`` (in that order)."""
        idx = index.tolist()
        self.boxes = self.boxes[index]
        self.ids = [self.ids[i] for i in idx]
        self.lost = [self.lost[i] for i in idx]
        self.unsupported = [self.unsupported[i] for i in idx]
        self.feats = tuple(f[index] for f in self.feats) \
            if self.feats is not None else None

    def add(self, boxes: Tensor, feats: Tuple[Tensor, ...],
            ids: List[int]) -> None:
        """Append new tracks."""
        self.boxes = torch.cat([self.boxes.to(boxes), boxes])
        self.ids += ids
        self.lost += [0] * len(ids)
        self.unsupported += [0] * len(ids)
        self.feats = feats if self.feats is None else tuple(
            torch.cat([a, b]) for a, b in zip(self.feats, feats))


@MODELS.register_module()
class DeepMOTSiamRPN(SiamRPN):
    """mmtrack's ``SiamRPN`` (backbone, neck, ``SiameseRPNHead``) run as a
    multi-object tracker and trained with the DeepMOT loss.

    Tracking step (:meth:`track_step`): every live track's search region is
    cropped around its last box as ``SiamRPN.track`` crops it, the crops go
    through backbone, neck and head as one batch against the tracks' own
    templates, and each track's box is decoded and post-processed (scale,
    aspect and window penalties, size smoothing) as
    ``SiameseRPNHead.predict`` does for one; ``benchmarks/siamrpn_mot.py``
    measures the batch against one call per track.

    ``predict()``: tracks start from public detections (``public_bboxes``,
    see ``MOTDetDataset``) that no live track covers, are lost for a frame
    when their score falls under ``death_score_thr`` and die after
    ``max_lost`` such frames, or (with ``support_iou_thr``) after
    ``max_unsupported`` frames in which no public detection overlaps them;
    with ``reid_thr`` a new track takes the id of
    a track dead for at most ``reid_frames`` frames whose template is that
    similar (cosine of pooled template features).

    ``loss()`` unrolls the tracker over clips (``MOTClipDataset``): tracks
    start from the jittered ground truth of the first frame; objects that
    no track covers are born from their ground truth and tracks that drift
    off every object die (as in the paper's training). The DeepMOT loss of
    the tracks' boxes, ids and scores is added to ``sot_loss_weight`` x
    SiamRPN's own loss on (template, search region) pairs of tracks whose
    object is still in view.

    Args:
        deepmot_loss: a ``DeepMOTLoss`` config; None trains with SiamRPN's
            loss alone (the vanilla twin).
        sot_loss_weight: factor on SiamRPN's loss; 0 leaves it out.
        mot_tracker: test-time options, defaults ``MOT_TRACKER``.
        train_tracker: ``birth_iou_thr`` and ``death_iou_thr`` of training
            (defaults ``TRAIN_TRACKER``).
        track_jitter: noise on the ground-truth boxes that seed tracks.
        **kwargs: ``SiamRPN``'s arguments.
    """

    def __init__(self,
                 *args,
                 deepmot_loss: Optional[dict] = None,
                 sot_loss_weight: float = 1.0,
                 mot_tracker: Optional[dict] = None,
                 train_tracker: Optional[dict] = None,
                 track_jitter: Optional[dict] = None,
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        frozen = kwargs.get('frozen_modules') or []
        self._frozen = [frozen] if isinstance(frozen, str) else list(frozen)
        self.deepmot_loss = build_deepmot_loss(deepmot_loss, sot_loss_weight,
                                               'sot_loss_weight')
        self.sot_loss_weight = sot_loss_weight
        self.mot_tracker = {**MOT_TRACKER, **(mot_tracker or {})}
        self.train_tracker = {**TRAIN_TRACKER, **(train_tracker or {})}
        self.track_jitter = {**TRACK_JITTER, **(track_jitter or {})}
        self._priors: Dict[tuple, Tuple[Tensor, Tensor]] = {}
        self.tracks = Tracks()

    def train(self, mode: bool = True) -> 'DeepMOTSiamRPN':
        """Keep ``frozen_modules`` in eval mode (BN statistics)."""
        super().train(mode)
        eval_frozen(self, self._frozen)
        return self

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

    def _priors_for(self, size: Tuple[int, int],
                    device: torch.device) -> Tuple[Tensor, Tensor]:
        """Anchors centred on the search region, and the Hanning window,
        as ``SiameseRPNHead.predict_by_feat`` builds them."""
        key = (size, str(device))
        if key not in self._priors:
            gen = self.head.anchor_generator
            anchors = gen.grid_priors([size], device=device)[0].clone()
            stride_w, stride_h = gen.strides[0]
            anchors[:, 0:4:2] -= (size[1] // 2) * stride_w
            anchors[:, 1:4:2] -= (size[0] // 2) * stride_h
            windows = gen.gen_2d_hanning_windows([size], device)[0]
            self._priors[key] = (anchors, windows)
        return self._priors[key]

    def track_step(self, imgs: List[Tensor], boxes: Tensor,
                   feats: Tuple[Tensor, ...], avgs: List[Tensor],
                   img_shapes: List[Tuple[int, int]]) -> dict:
        """Move every track into its next frame, in one network batch.

        Args:
            imgs: per track, its frame [1, C, H, W].
            boxes: [T, 4] last boxes (cx, cy, w, h), not differentiated.
            feats: the tracks' template features ([T, ...] per level).
            avgs: per track, the mean colour used to pad crops.
            img_shapes: per track, (h, w) its box is clipped to.

        Returns:
            dict with ``boxes`` [T, 4] (cx, cy, w, h) and ``scores`` [T],
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
        num, _, h, w = cls_score.shape
        anchors, windows = self._priors_for((h, w), cls_score.device)
        # [T, 2 * A, H, W] -> [T, H * W * A, 2], the head's own order
        score = cls_score.view(num, 2, -1, h, w).permute(0, 3, 4, 2, 1)
        score = score.reshape(num, -1, 2).softmax(-1)[..., 1]
        deltas = bbox_pred.view(num, 4, -1, h, w).permute(0, 3, 4, 2, 1)
        deltas = deltas.reshape(num, -1, 4)
        # flat [T * K, 4]: mmdet's batched [T, K, 4] path is its slow ONNX one
        pred = self.head.bbox_coder.decode(
            anchors.repeat(num, 1), deltas.reshape(-1, 4))
        pred = bbox_xyxy_to_cxcywh(pred).view(num, -1, 4)

        def change_ratio(r: Tensor) -> Tensor:
            return torch.max(r, 1. / r)

        def enlarge(w_: Tensor, h_: Tensor) -> Tensor:
            pad = (w_ + h_) * 0.5
            return torch.sqrt((w_ + pad) * (h_ + pad))

        rpn = cfg.rpn
        prev_w, prev_h = boxes[:, 2], boxes[:, 3]
        scale_penalty = change_ratio(
            enlarge(pred[..., 2], pred[..., 3]) /
            enlarge(prev_w * scale, prev_h * scale)[:, None])
        aspect_penalty = change_ratio(
            (prev_w / prev_h)[:, None] / (pred[..., 2] / pred[..., 3]))
        penalty = torch.exp(-(aspect_penalty * scale_penalty - 1) *
                            rpn.penalty_k)
        ranked = penalty * score * (1 - rpn.window_influence) + \
            windows[None] * rpn.window_influence
        best = ranked.detach().argmax(dim=1)
        rows = torch.arange(num, device=best.device)
        best_box = pred[rows, best] / scale[:, None]
        best_score = score[rows, best]
        lr = penalty[rows, best] * best_score * rpn.lr
        shapes = boxes.new_tensor(img_shapes).view(-1, 2)
        cx = (best_box[:, 0] + boxes[:, 0]).clamp(min=0) \
            .minimum(shapes[:, 1])
        cy = (best_box[:, 1] + boxes[:, 1]).clamp(min=0) \
            .minimum(shapes[:, 0])
        bw = (prev_w * (1 - lr) + best_box[:, 2] * lr).clamp(min=10) \
            .minimum(shapes[:, 1])
        bh = (prev_h * (1 - lr) + best_box[:, 3] * lr).clamp(min=10) \
            .minimum(shapes[:, 0])
        return dict(boxes=torch.stack([cx, cy, bw, bh], dim=1),
                    scores=best_score, cls_score=cls_score,
                    bbox_pred=bbox_pred, scale=scale, centers=boxes[:, :2])

    # ------------------------------------------------------------------
    # test time
    @staticmethod
    def _embed(feats: Tuple[Tensor, ...]) -> Tensor:
        """Pooled, L2-normalised template features (re-identification)."""
        pooled = torch.cat([f.mean(dim=(2, 3)) for f in feats], dim=1)
        return torch.nn.functional.normalize(pooled, dim=1)

    def _revive_ids(self, feats: Tuple[Tensor, ...], frame_id: int,
                    count: int) -> List[int]:
        """Ids of new tracks: a dead track's when its template is similar
        enough (``reid_thr``), a fresh one otherwise."""
        cfg, tracks = self.mot_tracker, self.tracks
        tracks.dead = [d for d in tracks.dead
                       if frame_id - d['frame'] <= cfg['reid_frames']]
        ids = []
        sims = None
        if cfg['reid_thr'] is not None and tracks.dead and count:
            dead = torch.stack([d['embed'] for d in tracks.dead])
            sims = self._embed(feats) @ dead.t()
        for i in range(count):
            if sims is not None and sims.shape[1]:
                j = int(sims[i].argmax())
                if sims[i, j] >= cfg['reid_thr']:
                    ids.append(tracks.dead.pop(j)['id'])
                    sims = torch.cat([sims[:, :j], sims[:, j + 1:]], 1)
                    continue
            ids.append(tracks.next_id)
            tracks.next_id += 1
        return ids

    def predict(self, inputs: dict, data_samples: list, **kwargs) -> list:
        """Track one frame (batch size 1, frames of a video in order)."""
        img = inputs['img']
        assert img.dim() == 5 and img.size(0) == 1, \
            'DeepMOTSiamRPN tracks one frame at a time'
        img = img[0]
        sample = data_samples[0]
        meta = sample.metainfo
        cfg, tracks = self.mot_tracker, self.tracks
        frame_id = meta.get('frame_id', -1)
        if frame_id == 0:
            self.tracks = tracks = Tracks()
        h, w = meta['img_shape'][:2]
        factor = img.new_tensor(meta.get('scale_factor', (1., 1.))).repeat(2)
        avg = img.mean(dim=(0, 2, 3))
        reported = torch.zeros(0, dtype=torch.long)
        scores = img.new_zeros(0)
        dets = torch.as_tensor(meta.get('public_bboxes', []),
                               dtype=img.dtype).view(-1, 5).to(img.device)
        dets = dets[dets[:, 4] >= cfg['det_score_thr']]
        det_boxes = dets[:, :4] * factor
        if len(tracks):
            out = self.track_step([img] * len(tracks), tracks.boxes,
                                  tracks.feats, [avg] * len(tracks),
                                  [(h, w)] * len(tracks))
            tracks.boxes, scores = out['boxes'], out['scores']
            alive = scores >= cfg['death_score_thr']
            for i, ok in enumerate(alive.tolist()):
                tracks.lost[i] = 0 if ok else tracks.lost[i] + 1
            gone = {i for i, n in enumerate(tracks.lost)
                    if n > cfg['max_lost']} | self._suppressed(scores) | \
                self._unsupported(det_boxes)
            self._bury(gone, frame_id)
            keep = torch.tensor(
                [i for i in range(len(tracks)) if i not in gone],
                dtype=torch.long)
            tracks.keep(keep)
            scores = scores[keep]
            reported = torch.tensor(
                [i for i, n in enumerate(tracks.lost) if n == 0],
                dtype=torch.long)
        # births: confident public detections no reported track covers
        if len(det_boxes) and len(reported):
            iou = box_iou(det_boxes,
                          bbox_cxcywh_to_xyxy(tracks.boxes[reported]))
            det_boxes = det_boxes[iou.max(1).values < cfg['birth_iou_thr']]
            dets = dets[iou.max(1).values < cfg['birth_iou_thr']]
        if len(det_boxes):
            new = bbox_xyxy_to_cxcywh(det_boxes)
            feats = self.templates([img] * len(new), new, [avg] * len(new))
            ids = self._revive_ids(feats, frame_id, len(new))
            first = len(tracks)
            tracks.add(new, feats, ids)
            reported = torch.cat([reported, torch.arange(
                first, first + len(new))])
            scores = torch.cat([scores, dets[:, 4]])
        boxes = bbox_cxcywh_to_xyxy(tracks.boxes[reported]) / factor
        result = InstanceData()
        result.bboxes = boxes
        result.scores = scores[reported] if len(scores) else scores
        result.labels = torch.zeros(len(reported), dtype=torch.long)
        result.instances_id = torch.tensor(
            [tracks.ids[i] for i in reported.tolist()], dtype=torch.long)
        sample.pred_track_instances = result
        return [sample]

    def _suppressed(self, scores: Tensor) -> set:
        """Tracks that overlap a stronger, visible track by
        ``nms_iou_thr``: two trackers on one object, the weaker dies."""
        tracks, cfg = self.tracks, self.mot_tracker
        order = [i for i in torch.argsort(scores, descending=True).tolist()
                 if tracks.lost[i] == 0]
        boxes = bbox_cxcywh_to_xyxy(tracks.boxes)
        kept: List[int] = []
        killed = set()
        for i in order:
            if kept and box_iou(boxes[i:i + 1],
                                boxes[kept]).max() >= cfg['nms_iou_thr']:
                killed.add(i)
            else:
                kept.append(i)
        return killed

    def _unsupported(self, det_boxes: Tensor) -> set:
        """Tracks that no public detection has overlapped by
        ``support_iou_thr`` for more than ``max_unsupported`` frames: a
        Siamese tracker's score stays high on whatever it drifted to, the
        detector's view of the frame does not."""
        tracks, cfg = self.tracks, self.mot_tracker
        if cfg['support_iou_thr'] is None:
            return set()
        if len(det_boxes):
            iou = box_iou(bbox_cxcywh_to_xyxy(tracks.boxes), det_boxes)
            supported = (iou.max(1).values >= cfg['support_iou_thr']).tolist()
        else:
            supported = [False] * len(tracks)
        for i, ok in enumerate(supported):
            tracks.unsupported[i] = 0 if ok else tracks.unsupported[i] + 1
        return {i for i, n in enumerate(tracks.unsupported)
                if n > cfg['max_unsupported']}

    def _bury(self, gone: set, frame_id: int) -> None:
        """Remember dead tracks' templates for re-identification."""
        if not gone or self.mot_tracker['reid_thr'] is None:
            return
        embeds = self._embed(self.tracks.feats)
        for i in sorted(gone):
            self.tracks.dead.append(dict(id=self.tracks.ids[i],
                                         embed=embeds[i], frame=frame_id))

    # ------------------------------------------------------------------
    # training
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
            zero = sum(s['cls_score'].sum() * 0 for s in steps)
            return dict(loss_rpn_cls=zero, loss_rpn_bbox=zero)
        losses = self.head.loss_by_feat(torch.stack(cls), torch.stack(reg),
                                        None, targets, None)
        return {k: v * self.sot_loss_weight for k, v in losses.items()}

    def loss(self, inputs: dict, data_samples: list, **kwargs) -> dict:
        """Unroll the tracker over every clip of the batch."""
        imgs, clips = clip_frames(inputs, data_samples)
        length = len(clips[0])
        imgs = imgs[:, None]  # [N * L, 1, C, H, W]
        avgs = imgs.mean(dim=(1, 3, 4))
        jit = self.track_jitter
        states = []
        for n, clip in enumerate(clips):
            gt = clip[0]
            seeds = bbox_xyxy_to_cxcywh(jitter_boxes(
                gt.gt_instances.bboxes, jit['shift'], jit['scale']))
            states.append(dict(
                boxes=seeds, ids=gt.instance_ids.tolist(),
                targets=gt.instance_ids.tolist(),
                feats=self._seed_templates(imgs, avgs, n * length,
                                           bbox_xyxy_to_cxcywh(
                                               gt.gt_instances.bboxes)),
                next_id=int(gt.instance_ids.max()) + 1 if len(gt.instance_ids)
                else 0, frames=[]))
        steps = []
        for t in range(1, length):
            steps.append(self._train_step(imgs, avgs, clips, states, t))
        losses: Dict[str, Tensor] = {}
        if self.sot_loss_weight > 0:
            losses.update(self._sot_loss(steps))
        if self.deepmot_loss is not None:
            losses.update(independent_clips_loss(
                self.deepmot_loss, [s['frames'] for s in states]))
        return losses

    def _seed_templates(self, imgs: Tensor, avgs: Tensor, index: int,
                        boxes: Tensor) -> Tuple[Tensor, ...]:
        """Templates of new tracks at ``boxes`` in frame ``index``."""
        return self.templates([imgs[index]] * len(boxes), boxes,
                              [avgs[index]] * len(boxes))

    def _train_step(self, imgs: Tensor, avgs: Tensor, clips: List[list],
                    states: List[dict], t: int) -> dict:
        """Frame ``t`` of every clip: one batched tracking step, the
        DeepMOT frames, SiamRPN targets, then deaths and births."""
        length = len(clips[0])
        owners = [n for n, s in enumerate(states) for _ in s['ids']]
        index = [n * length + t for n in owners]
        feats = tuple(torch.cat(level) for level in zip(
            *[s['feats'] for s in states if len(s['ids'])])) \
            if owners else None
        step = dict(targets=[])
        if owners:
            out = self.track_step(
                [imgs[i] for i in index],
                torch.cat([s['boxes'] for s in states]), feats,
                [avgs[i] for i in index],
                [clips[n][t].img_shape[:2] for n in owners])
            step.update(out)
        start = 0
        for n, s in enumerate(states):
            gt = clips[n][t]
            count = len(s['ids'])
            gt_boxes = gt.gt_instances.bboxes
            gt_ids = gt.instance_ids.tolist()
            if count:
                boxes = out['boxes'][start:start + count]
                scores = out['scores'][start:start + count]
            else:
                boxes, scores = gt_boxes.new_zeros(0, 4), gt_boxes.new_zeros(0)
            xyxy = bbox_cxcywh_to_xyxy(boxes)
            s['frames'].append(dict(
                pred_boxes=xyxy, pred_ids=list(s['ids']), pred_scores=scores,
                gt_boxes=gt_boxes, gt_ids=gt_ids,
                img_shape=gt.img_shape))
            # SiamRPN pairs: tracks whose object is still in view
            row = {g: j for j, g in enumerate(gt_ids)}
            for i, target in enumerate(s['targets']):
                if target in row:
                    step['targets'].append(
                        (start + i, gt_boxes[row[target]]))
            # deaths: tracks that cover no object any more
            if count and len(gt_boxes):
                iou = box_iou(xyxy.detach(), gt_boxes).max(1).values
                keep = torch.nonzero(
                    iou >= self.train_tracker['death_iou_thr']).flatten()
            else:
                keep = torch.zeros(0, dtype=torch.long)
            s['boxes'] = boxes.detach()[keep]
            s['feats'] = tuple(f[start:start + count][keep]
                               for f in feats) if count else s['feats']
            s['ids'] = [s['ids'][i] for i in keep.tolist()]
            s['targets'] = [s['targets'][i] for i in keep.tolist()]
            # births: objects no surviving track covers, from ground truth
            born = uncovered_objects(gt, bbox_cxcywh_to_xyxy(s['boxes']),
                                     self.train_tracker['birth_iou_thr'])
            if len(born):
                new = bbox_xyxy_to_cxcywh(gt_boxes[born])
                new_feats = self._seed_templates(imgs, avgs, n * length + t,
                                                 new)
                s['boxes'] = torch.cat([s['boxes'], new])
                s['feats'] = new_feats if not s['ids'] else tuple(
                    torch.cat([a, b]) for a, b in zip(s['feats'], new_feats))
                s['ids'] += list(range(s['next_id'],
                                       s['next_id'] + len(born)))
                s['next_id'] += len(born)
                s['targets'] += [gt_ids[i] for i in born.tolist()]
            start += count
        return step
