"""TrackState: the live tracks of SiamRPN's test-time tracker."""
import pytest
import torch

from mmdeepmot.models.trackers import TrackState


def test_tracks_container_keeps_and_adds():
    tracks = TrackState()
    feats = (torch.arange(3.).view(3, 1, 1, 1), )
    tracks.add(torch.rand(3, 4), [5, 6, 7], feats)
    tracks.keep(torch.tensor([2, 0]))
    assert tracks.ids == [7, 5] and tracks.feats[0].flatten().tolist() == [
        2., 0.]
    tracks.add(torch.rand(1, 4), [9], (torch.ones(1, 1, 1, 1), ))
    assert len(tracks) == 3 and tracks.lost == [0, 0, 0]
    assert tracks.unsupported == [0, 0, 0]


def test_keep_with_new_boxes_and_fresh_ids():
    tracks = TrackState()
    tracks.add(torch.zeros(3, 4), [0, 1, 2])
    moved = torch.arange(12.).view(3, 4)
    tracks.keep(torch.tensor([1]), moved)
    assert tracks.boxes.tolist() == [[4., 5., 6., 7.]]
    assert tracks.feats is None
    tracks.next_id = 3
    assert tracks.new_ids(2) == [3, 4] and tracks.new_ids(1) == [5]
    with pytest.raises(ValueError, match='2 boxes for 1 ids'):
        tracks.add(torch.zeros(2, 4), [8])
