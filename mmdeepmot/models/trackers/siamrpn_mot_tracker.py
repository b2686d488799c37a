"""Test-time rules of the multi-object SiamRPN: births from public
detections, deaths, suppression and re-identification."""
from typing import List, Optional, Tuple

import torch
from mmdet.structures.bbox import bbox_cxcywh_to_xyxy, bbox_xyxy_to_cxcywh
from mmengine.structures import InstanceData
from mmtrack.models.trackers import BaseTracker
from mmtrack.registry import MODELS
from torch import Tensor

from ...structures import box_iou
from .track_state import TrackState


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
        **kwargs: ``BaseTracker``'s arguments.
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
        self.state = TrackState()

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
        state = self.state
        frame_id = meta.get('frame_id', -1)
        h, w = meta['img_shape'][:2]
        factor = img.new_tensor(meta.get('scale_factor', (1., 1.))).repeat(2)
        avg = img.mean(dim=(0, 2, 3))
        reported = torch.zeros(0, dtype=torch.long)
        scores = img.new_zeros(0)
        dets = torch.as_tensor(meta.get('public_bboxes', []),
                               dtype=img.dtype).view(-1, 5).to(img.device)
        dets = dets[dets[:, 4] >= self.det_score_thr]
        det_boxes = dets[:, :4] * factor
        if len(state):
            out = model.track_step([img] * len(state), state.boxes,
                                   state.feats, [avg] * len(state),
                                   [(h, w)] * len(state))
            state.boxes, scores = out['boxes'], out['scores']
            alive = scores >= self.death_score_thr
            for i, ok in enumerate(alive.tolist()):
                state.lost[i] = 0 if ok else state.lost[i] + 1
            gone = {i for i, n in enumerate(state.lost)
                    if n > self.max_lost} | self._suppressed(scores) | \
                self._unsupported(det_boxes)
            self._bury(gone, frame_id)
            keep = torch.tensor(
                [i for i in range(len(state)) if i not in gone],
                dtype=torch.long)
            state.keep(keep)
            scores = scores[keep]
            reported = torch.tensor(
                [i for i, n in enumerate(state.lost) if n == 0],
                dtype=torch.long)
        # births: confident public detections no reported track covers
        if len(det_boxes) and len(reported):
            iou = box_iou(det_boxes,
                          bbox_cxcywh_to_xyxy(state.boxes[reported]))
            det_boxes = det_boxes[iou.max(1).values < self.birth_iou_thr]
            dets = dets[iou.max(1).values < self.birth_iou_thr]
        if len(det_boxes):
            new = bbox_xyxy_to_cxcywh(det_boxes)
            feats = model.templates([img] * len(new), new, [avg] * len(new))
            ids = self._revive_ids(feats, frame_id, len(new))
            first = len(state)
            state.add(new, ids, feats)
            reported = torch.cat([reported, torch.arange(
                first, first + len(new))])
            scores = torch.cat([scores, dets[:, 4]])
        result = InstanceData()
        result.bboxes = bbox_cxcywh_to_xyxy(state.boxes[reported]) / factor
        result.scores = scores[reported] if len(scores) else scores
        result.labels = torch.zeros(len(reported), dtype=torch.long)
        result.instances_id = torch.tensor(
            [state.ids[i] for i in reported.tolist()], dtype=torch.long)
        return result

    def _revive_ids(self, feats: Tuple[Tensor, ...], frame_id: int,
                    count: int) -> List[int]:
        """Ids of new tracks: a dead track's when its template is similar
        enough (``reid_thr``), a fresh one otherwise."""
        state = self.state
        state.dead = [d for d in state.dead
                      if frame_id - d['frame'] <= self.reid_frames]
        ids = []
        sims = None
        if self.reid_thr is not None and state.dead and count:
            dead = torch.stack([d['embed'] for d in state.dead])
            sims = template_embedding(feats) @ dead.t()
        for i in range(count):
            if sims is not None and sims.shape[1]:
                j = int(sims[i].argmax())
                if sims[i, j] >= self.reid_thr:
                    ids.append(state.dead.pop(j)['id'])
                    sims = torch.cat([sims[:, :j], sims[:, j + 1:]], 1)
                    continue
            ids += state.new_ids(1)
        return ids

    def _suppressed(self, scores: Tensor) -> set:
        """Tracks that overlap a stronger, visible track by
        ``nms_iou_thr``: two trackers on one object, the weaker dies."""
        state = self.state
        order = [i for i in torch.argsort(scores, descending=True).tolist()
                 if state.lost[i] == 0]
        boxes = bbox_cxcywh_to_xyxy(state.boxes)
        kept: List[int] = []
        killed = set()
        for i in order:
            if kept and box_iou(boxes[i:i + 1],
                                boxes[kept]).max() >= self.nms_iou_thr:
                killed.add(i)
            else:
                kept.append(i)
        return killed

    def _unsupported(self, det_boxes: Tensor) -> set:
        """Tracks that no public detection has overlapped by
        ``support_iou_thr`` for more than ``max_unsupported`` frames: a
        Siamese tracker's score stays high on whatever it drifted to, the
        detector's view of the frame does not."""
        state = self.state
        if self.support_iou_thr is None:
            return set()
        if len(det_boxes):
            iou = box_iou(bbox_cxcywh_to_xyxy(state.boxes), det_boxes)
            supported = (iou.max(1).values >= self.support_iou_thr).tolist()
        else:
            supported = [False] * len(state)
        for i, ok in enumerate(supported):
            state.unsupported[i] = 0 if ok else state.unsupported[i] + 1
        return {i for i, n in enumerate(state.unsupported)
                if n > self.max_unsupported}

    def _bury(self, gone: set, frame_id: int) -> None:
        """Remember dead tracks' templates for re-identification."""
        if not gone or self.reid_thr is None:
            return
        embeds = template_embedding(self.state.feats)
        for i in sorted(gone):
            self.state.dead.append(dict(id=self.state.ids[i],
                                        embed=embeds[i], frame=frame_id))
