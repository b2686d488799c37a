"""Identity switches by what the new id did the frame before, on
hand-made files: one case per cause."""
from mmdeepmot.evaluation import identity_breaks
from mmdeepmot.evaluation.identity_breaks import CAUSES


def _write(path, rows):
    path.write_text(''.join(','.join(map(str, r)) + '\n' for r in rows))
    return str(path)


def _gt(frames, people):
    """People ``{id: x}`` standing still (10 x 20 boxes) over ``frames``;
    MOT15 ground truth."""
    return [(f, i, x, 0, 10, 20, 1, -1, -1, -1) for f in frames
            for i, x in people.items()]


def _breaks(tmp_path, gt, res):
    return identity_breaks(_write(tmp_path / 'gt.txt', gt),
                           _write(tmp_path / 'res.txt', res))


def _box(f, i, x):
    return (f, i, x, 0, 10, 20, 1)


def test_a_new_id_on_a_tracked_person(tmp_path):
    res = [_box(1, 1, 0), _box(3, 2, 0)]
    out = _breaks(tmp_path, _gt([1, 2, 3], {1: 0}), res)
    assert out['IDSw'] == 1 and out['new_id'] == 1
    assert out['Frag'] == 1  # tracked, lost at frame 2, tracked again


def test_an_id_taken_up_again_on_another_person(tmp_path):
    # id 1 follows person 1 in frame 1, is gone in frame 2, and comes back
    # on person 2 in frame 3, which id 2 had followed
    gt = _gt([1, 2, 3], {1: 0, 2: 50})
    res = [_box(1, 1, 0), _box(1, 2, 50), _box(2, 2, 50), _box(3, 1, 50)]
    out = _breaks(tmp_path, gt, res)
    assert out['IDSw'] == 1 and out['resumed'] == 1
    # person 1, lost from frame 2 on, is never tracked again: no
    # fragmentation (one counts when a lost person is tracked again)
    assert out['Frag'] == 0


def test_a_live_track_drifting_onto_another_person(tmp_path):
    # id 1 follows person 1, then jumps onto person 2 (whose id 2 ends)
    gt = _gt([1, 2, 3], {1: 0, 2: 50})
    res = [_box(1, 1, 0), _box(1, 2, 50), _box(2, 1, 0), _box(2, 2, 50),
           _box(3, 1, 50)]
    out = _breaks(tmp_path, gt, res)
    assert out['IDSw'] == 1 and out['drift'] == 1


def test_a_live_track_on_nobody_moving_onto_a_person(tmp_path):
    # id 9 stands on empty ground, then takes person 1 over from id 1
    gt = _gt([1, 2, 3], {1: 0})
    res = [_box(1, 1, 0), _box(1, 9, 200), _box(2, 1, 0), _box(2, 9, 200),
           _box(3, 9, 0)]
    out = _breaks(tmp_path, gt, res)
    assert out['IDSw'] == 1 and out['live_unmatched'] == 1
    assert sum(out[c] for c in CAUSES) == out['IDSw']
