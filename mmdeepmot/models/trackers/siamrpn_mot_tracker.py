"""Test-time rules of the multi-object SiamRPN: births from public
detections, deaths, suppression and re-identification."""
from typing import Dict, List, Optional, Tuple

import torch
from mmdet.structures.bbox import bbox_cxcywh_to_xyxy, bbox_xyxy_to_cxcywh
from mmengine.structures import InstanceData
from mmtrack.models.trackers import BaseTracker
from mmtrack.registry import MODELS
from torch import Tensor

from ...structures import box_iou


def template_embedding(feats: Tuple[Tensor, ...]) -> Tensor:
    """Pooled, L2-normalised template features (re-identification)."""
    pooled = torch.cat([f.mean(dim=(2, 3)) for f in feats], dim=1)
    return torch.nn.functional.normalize(pooled, dim=1)


@MODELS.register_module()
class SiamRPNMOTTracker(BaseTracker):
    """Runs a ``DeepMOTSiamRPN`` over a video, one frame at a time.

    Every frame: all live tracks move in one batched step of the model;
    a track is lost for the frame when its score falls under
    ``death_score_thr`` and dies after ``max_lost`` such frames, or (with
    ``support_iou_thr``) after ``max_unsupported`` frames in which no
    public detection overlaps it that much, or when it overlaps a stronger
    visible track by ``nms_iou_thr``. Public detections scoring at least
    ``det_score_thr`` that no reported track overlaps by ``birth_iou_thr``
    start tracks; with ``reid_thr`` a new track takes the id of a track
    dead for at most ``reid_frames`` frames whose template is that similar
    (cosine of pooled template features).

    Args:
        det_score_thr (float): detections that may start a track.
            Defaults to 0.5.
        birth_iou_thr (float): ... when no reported track overlaps them
            this much. Defaults to 0.3.
        death_score_thr (float): a track below this score is lost for the
            frame. Defaults to 0.3.
        max_lost (int): ... and dies after this many such frames.
            Defaults to 5.
        support_iou_thr (float, optional): a public detection this close
            supports a track. Defaults to None (no support rule).
        max_unsupported (int): a track dies after this many frames without
            support. Defaults to 10.
        nms_iou_thr (float): of two live tracks this close, the weaker
            dies. Defaults to 0.7.
        reid_thr (float, optional): cosine similarity that revives a dead
            track's id. Defaults to None (no re-identification).
        reid_frames (int): how long dead tracks can be revived.
            Defaults to 30.
        **kwargs: ``BaseTracker``'s arguments; ``num_frames_retain``
            defaults to ``reid_frames + 2``, which keeps a dead track in the
            store for as long as it may be revived.

    Every track lives in ``BaseTracker``'s store (``self.tracks``, by id),
    which keeps the latest value of each record (momentum 1): ``boxes`` as
    SiamRPN moves them (cx, cy, w, h), ``lost`` (frames in a row its score
    was too low), ``unsupported`` (frames in a row no public detection
    backed it) and its template features, ``template0``, ``template1``,
    ... one per feature level. ``live`` lists the ids of the live tracks
    in the order the model steps them; ``buried`` the dead ones that may be
    revived, with the frame they died in.
    """

    def __init__(self,
                 det_score_thr: float = 0.5,
                 birth_iou_thr: float = 0.3,
                 death_score_thr: float = 0.3,
                 max_lost: int = 5,
                 support_iou_thr: Optional[float] = None,
                 max_unsupported: int = 10,
                 nms_iou_thr: float = 0.7,
                 reid_thr: Optional[float] = None,
                 reid_frames: int = 30,
                 **kwargs) -> None:
        retain = kwargs.setdefault('num_frames_retain', reid_frames + 2)
        if reid_thr is not None and retain < reid_frames + 2:
            raise ValueError(
                f'num_frames_retain={retain} drops dead tracks before '
                f'reid_frames={reid_frames} ends: give at least '
                f'{reid_frames + 2}')
        super().__init__(**kwargs)
        self.det_score_thr = det_score_thr
        self.birth_iou_thr = birth_iou_thr
        self.death_score_thr = death_score_thr
        self.max_lost = max_lost
        self.support_iou_thr = support_iou_thr
        self.max_unsupported = max_unsupported
        self.nms_iou_thr = nms_iou_thr
        self.reid_thr = reid_thr
        self.reid_frames = reid_frames

    def reset(self) -> None:
        """Forget every track (a new video)."""
        super().reset()
        self.live: List[int] = []
        self.buried: List[Tuple[int, int]] = []

    def _templates(self, ids: List[int]) -> Tuple[Tensor, ...]:
        levels = sorted(k for k in self.memo_items if k.startswith('template'))
        return tuple(self.get(k, ids) for k in levels)

    def _store(self, ids: List[int], frame_id: int,
               records: Dict[str, Tensor],
               templates: Tuple[Tensor, ...]) -> None:
        """Write the records of tracks ``ids`` at ``frame_id``."""
        items = dict(records, **{f'template{k}': t
                                 for k, t in enumerate(templates)})
        if self.momentums is None:  # the latest value only
            self.momentums = {k: 1.0 for k in items}
        self.update(ids=torch.tensor(ids, dtype=torch.long),
                    frame_ids=frame_id, **items)

    def track(self, model, img: Tensor, data_sample,
              **kwargs) -> InstanceData:
        """Tracks of one frame.

        Args:
            model (DeepMOTSiamRPN): gives ``track_step`` and ``templates``.
            img (Tensor): [1, C, H, W].
            data_sample (TrackDataSample): the frame's meta, with
                ``public_bboxes`` (``MOTDetDataset``).

        Returns:
            InstanceData: ``bboxes`` (in the original image), ``scores``,
            ``labels`` and ``instances_id`` of the reported tracks.
        """
        meta = data_sample.metainfo
        frame_id = meta.get('frame_id', -1)
        h, w = meta['img_shape'][:2]
        factor = img.new_tensor(meta.get('scale_factor', (1., 1.))).repeat(2)
        avg = img.mean(dim=(0, 2, 3))
        dets = torch.as_tensor(meta.get('public_bboxes', []),
                               dtype=img.dtype).view(-1, 5).to(img.device)
        dets = dets[dets[:, 4] >= self.det_score_thr]
        det_boxes = dets[:, :4] * factor
        live, n = self.live, len(self.live)
        boxes = img.new_zeros(0, 4)
        scores = img.new_zeros(0)
        lost = unsupported = img.new_zeros(0)
        templates: Tuple[Tensor, ...] = ()
        reported: List[int] = []
        if n:
            templates = self._templates(live)
            out = model.track_step([img] * n, self.get('boxes', live),
                                   templates, [avg] * n, [(h, w)] * n)
            boxes, scores = out['boxes'], out['scores']
            alive = scores >= self.death_score_thr
            lost = torch.where(alive, torch.zeros_like(scores),
                               self.get('lost', live).to(scores) + 1)
            unsupported = self._unsupported(
                boxes, self.get('unsupported', live).to(scores), det_boxes)
            gone = {i for i, k in enumerate(lost.tolist())
                    if k > self.max_lost} | \
                self._suppressed(boxes, scores, lost) | \
                {i for i, k in enumerate(unsupported.tolist())
                 if k > self.max_unsupported}
            self._bury([live[i] for i in sorted(gone)], frame_id)
            keep = torch.tensor([i for i in range(n) if i not in gone],
                                dtype=torch.long)
            boxes, scores, lost, unsupported = (
                boxes[keep], scores[keep], lost[keep], unsupported[keep])
            templates = tuple(t[keep] for t in templates)
            live = [live[i] for i in keep.tolist()]
            reported = [i for i, k in enumerate(lost.tolist()) if k == 0]
        # births: confident public detections no reported track covers
        if len(det_boxes) and reported:
            iou = box_iou(det_boxes, bbox_cxcywh_to_xyxy(boxes[reported]))
            det_boxes = det_boxes[iou.max(1).values < self.birth_iou_thr]
            dets = dets[iou.max(1).values < self.birth_iou_thr]
        if len(det_boxes):
            new = bbox_xyxy_to_cxcywh(det_boxes)
            feats = model.templates([img] * len(new), new, [avg] * len(new))
            ids = self._revive_ids(feats, frame_id, len(new))
            reported += list(range(len(live), len(live) + len(new)))
            live = live + ids
            boxes = torch.cat([boxes.to(new), new])
            scores = torch.cat([scores, dets[:, 4]])
            zeros = new.new_zeros(len(new))
            lost = torch.cat([lost.to(zeros), zeros])
            unsupported = torch.cat([unsupported.to(zeros), zeros])
            templates = feats if not templates else tuple(
                torch.cat([a, b]) for a, b in zip(templates, feats))
        self.live = live
        if live:
            self._store(live, frame_id,
                        dict(boxes=boxes, lost=lost, unsupported=unsupported),
                        templates)
        index = torch.tensor(reported, dtype=torch.long)
        result = InstanceData()
        result.bboxes = bbox_cxcywh_to_xyxy(boxes[index]) / factor
        result.scores = scores[index] if len(scores) else scores
        result.labels = torch.zeros(len(reported), dtype=torch.long)
        result.instances_id = torch.tensor([live[i] for i in reported],
                                           dtype=torch.long)
        return result

    def _revive_ids(self, feats: Tuple[Tensor, ...], frame_id: int,
                    count: int) -> List[int]:
        """Ids of new tracks: a dead track's when its template is similar
        enough (``reid_thr``), a fresh one otherwise."""
        self.buried = [(i, f) for i, f in self.buried
                       if frame_id - f <= self.reid_frames]
        ids = []
        sims = None
        if self.reid_thr is not None and self.buried and count:
            dead = template_embedding(
                self._templates([i for i, _ in self.buried]))
            sims = template_embedding(feats) @ dead.t()
        for i in range(count):
            if sims is not None and sims.shape[1]:
                j = int(sims[i].argmax())
                if sims[i, j] >= self.reid_thr:
                    ids.append(self.buried.pop(j)[0])
                    sims = torch.cat([sims[:, :j], sims[:, j + 1:]], 1)
                    continue
            ids.append(self.num_tracks)
            self.num_tracks += 1
        return ids

    def _suppressed(self, boxes: Tensor, scores: Tensor,
                    lost: Tensor) -> set:
        """Tracks that overlap a stronger, visible track by
        ``nms_iou_thr``: two trackers on one object, the weaker dies."""
        lost = lost.tolist()
        order = [i for i in torch.argsort(scores, descending=True).tolist()
                 if lost[i] == 0]
        boxes = bbox_cxcywh_to_xyxy(boxes)
        kept: List[int] = []
        killed = set()
        for i in order:
            if kept and box_iou(boxes[i:i + 1],
                                boxes[kept]).max() >= self.nms_iou_thr:
                killed.add(i)
            else:
                kept.append(i)
        return killed

    def _unsupported(self, boxes: Tensor, unsupported: Tensor,
                     det_boxes: Tensor) -> Tensor:
        """Frames in a row without support, counted on: no public detection
        overlapping a track by ``support_iou_thr`` (a Siamese tracker's
        score stays high on whatever it drifted to, the detector's view of
        the frame does not). Zeros without a support rule."""
        if self.support_iou_thr is None:
            return torch.zeros_like(unsupported)
        if len(det_boxes):
            iou = box_iou(bbox_cxcywh_to_xyxy(boxes), det_boxes)
            supported = iou.max(1).values >= self.support_iou_thr
        else:
            supported = torch.zeros_like(unsupported, dtype=torch.bool)
        return torch.where(supported, torch.zeros_like(unsupported),
                           unsupported + 1)

    def _bury(self, gone: List[int], frame_id: int) -> None:
        """Remember dead tracks for re-identification (their records stay
        in the store until ``num_frames_retain`` has passed)."""
        if self.reid_thr is not None:
            self.buried += [(i, frame_id) for i in gone]
