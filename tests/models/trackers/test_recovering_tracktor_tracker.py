"""RecoveringTracktorTracker: a newborn box takes the id of a lost track
it overlaps (after moving that track on at its velocity), one to one;
without recovery it is MMTracking's TracktorTracker; with public support,
confident public boxes start and keep tracks the RoI head rejects."""
import numpy as np
import pytest
import torch

from mmdeepmot.models.trackers import RecoveringTracktorTracker


def _frame(tracker, frame_id, ids, boxes, first_newborn):
    """One frame's update as TracktorTracker.track ends it: ``ids`` from
    ``first_newborn`` on are births."""
    tracker._first_newborn = first_newborn
    ids = torch.tensor(ids)
    tracker.update(ids=ids, bboxes=torch.tensor(boxes),
                   scores=torch.ones(len(ids)),
                   labels=torch.zeros(len(ids), dtype=torch.long),
                   frame_ids=frame_id)
    return ids.tolist()


def test_a_lost_track_gets_its_id_back():
    tracker = RecoveringTracktorTracker(recovery_iou_thr=0.3, reid=None)
    _frame(tracker, 0, [0, 1], [[0., 0, 10, 10], [20, 20, 30, 30]], 0)
    # frame 1: track 1 lost, a birth where it was; track 0 carried on
    ids = _frame(tracker, 1, [0, 2], [[0., 0, 10, 10], [21, 21, 31, 31]], 2)
    assert ids == [0, 1]
    # a birth far from every lost track keeps its new id
    ids = _frame(tracker, 2, [0, 1, 3],
                 [[0., 0, 10, 10], [21, 21, 31, 31], [60, 60, 70, 70]], 3)
    assert ids == [0, 1, 3]


def test_a_track_carried_this_frame_is_not_lost():
    tracker = RecoveringTracktorTracker(recovery_iou_thr=0.3, reid=None)
    _frame(tracker, 0, [0], [[0., 0, 10, 10]], 0)
    # the regression carried track 0; a birth on top of it is a new object
    ids = _frame(tracker, 1, [0, 1], [[0., 0, 10, 10], [1, 1, 11, 11]], 1)
    assert ids == [0, 1]


def test_velocity_moves_a_lost_track_on():
    boxes = [[[0., 0, 10, 10]], [[10., 0, 20, 10]], [[20., 0, 30, 10]]]
    for steps, want in ((0, [3]), (2, [0])):
        tracker = RecoveringTracktorTracker(
            recovery_iou_thr=0.5, recovery_motion_steps=steps, reid=None)
        for frame, box in enumerate(boxes):
            _frame(tracker, frame, [0], box, 1)
        # lost at frames 3 and 4 (an empty frame 3), born at frame 4 where
        # its velocity (10 px a frame) has taken it
        _frame(tracker, 3, [], [], 1)
        assert _frame(tracker, 4, [3], [[40., 0, 50, 10]], 3) == want


def test_without_recovery_births_keep_their_ids():
    tracker = RecoveringTracktorTracker(reid=None)
    _frame(tracker, 0, [0, 1], [[0., 0, 10, 10], [20, 20, 30, 30]], 0)
    assert _frame(tracker, 1, [0, 2],
                  [[0., 0, 10, 10], [21, 21, 31, 31]], 2) == [0, 2]


class _EchoRoIHead:
    """A RoI head that returns its proposals with full confidence, and
    keeps them (what the regression was asked to refine)."""

    def predict_bbox(self, x, metainfos, proposals, cfg, rescale):
        from mmengine.structures import InstanceData
        boxes = proposals[0].bboxes
        self.seen = boxes.clone()
        scores = torch.stack(
            [torch.ones(len(boxes)), torch.zeros(len(boxes))], dim=1)
        return [InstanceData(bboxes=boxes.clone(), scores=scores)]


def _motion_tracker(steps):
    """A tracker with live motion over ``steps`` and a detector whose RoI
    head echoes its proposals."""
    detector = type('Detector', (), {})()
    detector.roi_head = _EchoRoIHead()
    tracker = RecoveringTracktorTracker(
        live_motion_steps=steps, reid=None,
        regression=dict(obj_score_thr=0.5,
                        nms=dict(type='nms', iou_threshold=0.6)))
    return tracker, detector


def _regress(tracker, detector, frame_id):
    """Regress the live tracks to ``frame_id`` in a 200 x 100 image."""
    return tracker.regress_tracks(
        [], dict(scale_factor=(1., 1.), img_shape=(100, 200)), detector,
        frame_id)


def test_live_motion_moves_the_regression_start_not_the_memory():
    observed = [[[0., 0, 10, 10]], [[10., 0, 20, 10]], [[20., 0, 30, 10]]]
    for steps, start in ((0, [20., 0, 30, 10]), (2, [30., 0, 40, 10])):
        tracker, detector = _motion_tracker(steps)
        for frame, box in enumerate(observed):
            _frame(tracker, frame, [0], box, 1)
        boxes, _, _, ids = _regress(tracker, detector, 3)
        assert detector.roi_head.seen.tolist() == [start]
        assert ids.tolist() == [0]
        # the stored boxes are the observed ones; outside the regression
        # memo is BaseTracker's
        assert tracker.tracks[0]['bboxes'][-1].tolist() == observed[-1]
        assert tracker.memo.bboxes.tolist() == observed[-1]


def test_live_motion_keeps_the_size_of_a_shrinking_box():
    tracker, detector = _motion_tracker(1)
    # a box leaving the image, clipped: its left side closes in fast
    _frame(tracker, 0, [0], [[0., 0, 40, 10]], 1)
    _frame(tracker, 1, [0], [[35., 0, 40, 10]], 1)
    _regress(tracker, detector, 2)
    # the centre moves on by its 17.5 px, the size stays 5 x 10
    assert detector.roi_head.seen.tolist() == [[52.5, 0, 57.5, 10]]


def test_with_live_motion_a_track_moved_out_of_the_image_ends():
    tracker, detector = _motion_tracker(1)
    # two people walking right at 20 px a frame; the image is 200 wide
    _frame(tracker, 0, [0, 1], [[150., 0, 170, 10], [20., 50, 40, 60]], 2)
    _frame(tracker, 1, [0, 1], [[175., 0, 195, 10], [40., 50, 60, 60]], 2)
    boxes, _, _, ids = _regress(tracker, detector, 2)
    # track 0's box (200-220) has left the image; track 1 walks on
    assert ids.tolist() == [1]
    assert boxes.tolist() == [[60., 50, 80, 60]]


class _ScoredRoIHead:
    """A RoI head that keeps its proposals and scores them ``scores`` (one
    per proposal, in order)."""

    def __init__(self, scores):
        self.scores = scores

    def predict_bbox(self, x, metainfos, proposals, cfg, rescale):
        from mmengine.structures import InstanceData
        boxes = proposals[0].bboxes
        scores = torch.stack([torch.tensor(self.scores),
                              torch.zeros(len(boxes))], dim=1)
        return [InstanceData(bboxes=boxes.clone(), scores=scores)]


def _supported_tracker(scores, public):
    """A tracker that trusts public boxes scored 0.5 or more, regressing
    with a RoI head that scores the tracks ``scores``; ``public`` rows are
    x1, y1, x2, y2, public score."""
    detector = type('Detector', (), {})()
    detector.roi_head = _ScoredRoIHead(scores)
    tracker = RecoveringTracktorTracker(
        reid=None, public_score_thr=0.5, public_iou_thr=0.5,
        regression=dict(obj_score_thr=0.4,
                        nms=dict(type='nms', iou_threshold=0.9),
                        match_iou_thr=0.3))
    tracker._support = tracker.supporting_boxes(
        _sample(public, [], []), rescale=True)
    return tracker, detector


def _sample(public, boxes, scores):
    """A data sample with the frame's public boxes and the RoI head's
    detections."""
    from mmengine.structures import InstanceData
    from mmtrack.structures import TrackDataSample
    sample = TrackDataSample(metainfo=dict(
        public_bboxes=np.asarray(public, dtype=np.float32).reshape(-1, 5),
        scale_factor=(0.5, 0.5)))
    sample.pred_det_instances = InstanceData(
        bboxes=torch.tensor(boxes, dtype=torch.float32).reshape(-1, 4),
        scores=torch.tensor(scores, dtype=torch.float32),
        labels=torch.zeros(len(scores), dtype=torch.long))
    return sample


def test_public_support_keeps_only_confident_boxes_scaled_to_the_input():
    tracker = RecoveringTracktorTracker(reid=None, public_score_thr=0.5)
    sample = _sample([[0., 0, 10, 10, 0.9], [20, 20, 30, 30, 0.2]], [], [])
    assert tracker.supporting_boxes(sample, rescale=True).tolist() == [
        [0., 0, 10, 10]]
    assert tracker.supporting_boxes(sample, rescale=False).tolist() == [
        [0., 0, 5, 5]]


def test_public_support_without_public_boxes_says_what_is_missing():
    tracker = RecoveringTracktorTracker(reid=None, public_score_thr=0.5)
    sample = _sample([], [], [])
    del sample.public_bboxes
    with pytest.raises(KeyError, match='public_bboxes'):
        tracker.supporting_boxes(sample, rescale=True)


def test_a_confident_public_box_the_roi_head_rejects_is_born():
    tracker = RecoveringTracktorTracker(reid=None, obj_score_thr=0.3,
                                        public_score_thr=0.5)
    # the RoI head keeps box A (0.9), rejects B (0.1); public boxes: A
    # again, C (confident, nowhere in the RoI head's births)
    sample = _sample([[0., 0, 10, 10, 0.9], [50, 50, 60, 60, 0.8]],
                     [[0., 0, 10, 10], [20, 20, 30, 30]], [0.9, 0.1])
    support = tracker.supporting_boxes(sample, rescale=True)
    born = tracker.births_with_support(sample.pred_det_instances, support)
    assert born.bboxes.tolist() == [[0., 0, 10, 10], [50, 50, 60, 60]]
    assert born.scores.tolist() == [pytest.approx(0.9), 0.0]


def test_a_dropped_track_lives_on_in_a_confident_public_box():
    # the RoI head scores both tracks 0.1, under the 0.4 they need; a
    # confident public box overlaps track 0 only
    tracker, detector = _supported_tracker(
        [0.1, 0.1], [[1., 0, 11, 10, 0.9], [100, 100, 110, 110, 0.9]])
    _frame(tracker, 0, [0, 1], [[0., 0, 10, 10], [40, 40, 50, 50]], 2)
    boxes, _, _, ids = _regress(tracker, detector, 1)
    assert ids.tolist() == [0]
    assert boxes.tolist() == [[1., 0, 11, 10]]


def test_a_kept_track_is_not_doubled_by_its_own_public_box():
    # track 0 is kept (0.9); track 1, dropped (0.1), overlaps it and the
    # public box that backs it: reviving it would copy track 0
    tracker, detector = _supported_tracker([0.9, 0.1], [[1., 0, 11, 10, 0.9]])
    _frame(tracker, 0, [0, 1], [[0., 0, 10, 10], [2, 0, 12, 10]], 2)
    boxes, _, _, ids = _regress(tracker, detector, 1)
    assert ids.tolist() == [0]
    assert boxes.tolist() == [[0., 0, 10, 10]]


def test_track_births_and_keeps_what_the_public_detector_vouches_for():
    tracker, detector = _supported_tracker([0.1], [])
    tracker.obj_score_thr = 0.3
    model = type('Model', (), dict(with_cmc=False, with_linear_motion=False,
                                   detector=detector))()

    def frame(frame_id, public, boxes, scores):
        sample = _sample(public, boxes, scores)
        sample.set_metainfo(dict(frame_id=frame_id, img_shape=(100, 200),
                                 scale_factor=(1., 1.)))
        return tracker.track(model=model, img=torch.zeros(1, 3, 100, 200),
                             feats=[], data_sample=sample, rescale=True)

    # frame 0: the RoI head rejects the person (0.1); the public detector
    # is sure of it (0.9): a track is born
    out = frame(0, [[0., 0, 10, 10, 0.9]], [[0., 0, 10, 10]], [0.1])
    assert out.instances_id.tolist() == [0]
    # frame 1: regressed at 0.1 again, it lives on in the public box
    out = frame(1, [[2., 0, 12, 10, 0.9]], [[2., 0, 12, 10]], [0.1])
    assert out.instances_id.tolist() == [0]
    assert out.bboxes.tolist() == [[2., 0, 12, 10]]
    # frame 2: no public box vouches for it: it ends
    out = frame(2, [], [], [])
    assert out.instances_id.tolist() == []
    # the births' threshold is the config's again between frames
    assert tracker.obj_score_thr == 0.3 and tracker._support is None
