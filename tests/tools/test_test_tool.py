"""tools/test.py says which weights it tests and refuses a checkpoint it
cannot read or that belongs to another model."""
import os.path as osp
import subprocess
import sys

import pytest
import torch

from mmdeepmot.apis import load_dhn, read_checkpoint

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
TRACKTOR = osp.join(ROOT, 'configs', 'deepmot_tracktor',
                    'deepmot_tracktor_r18-c16-fpn_1xb2-clip3-600it_toy.py')
SIAMRPN_CKPT = osp.join(ROOT, 'checkpoints', 'siamrpn_sot_toy.pth')


def run_test_tool(*args):
    # the checks come before any data is read: no data set needed
    return subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'test.py'), TRACKTOR,
         *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_another_models_checkpoint_is_refused(tmp_path):
    proc = run_test_tool('--checkpoint', SIAMRPN_CKPT, '--work-dir', tmp_path)
    assert proc.returncode != 0
    assert f'error: {SIAMRPN_CKPT} does not fit' in proc.stderr
    assert "another model's checkpoint" in proc.stderr
    # without --checkpoint the config's load_from is tested, and said so
    proc = run_test_tool('--work-dir', tmp_path, '--cfg-options',
                         f'load_from={SIAMRPN_CKPT}')
    assert "no --checkpoint: testing the config's load_from=" \
        f'{SIAMRPN_CKPT}' in proc.stdout
    assert proc.returncode != 0


@pytest.mark.parametrize('content,message', [
    (b'', 'the checkpoint file is empty'),
    (b'not a checkpoint at all', 'cannot read the checkpoint'),
])
def test_unreadable_checkpoints_name_the_file(tmp_path, content, message):
    bad = tmp_path / 'bad.pth'
    bad.write_bytes(content)
    with pytest.raises(RuntimeError, match=message) as err:
        read_checkpoint(str(bad))
    assert str(bad) in str(err.value)
    proc = run_test_tool('--checkpoint', bad, '--work-dir', tmp_path)
    assert proc.returncode != 0 and f'error: {bad}' in proc.stderr


def test_truncated_checkpoints_name_the_file(tmp_path):
    data = open(SIAMRPN_CKPT, 'rb').read()
    cut = tmp_path / 'cut.pth'
    cut.write_bytes(data[:len(data) // 2])
    with pytest.raises(RuntimeError, match='cannot read') as err:
        read_checkpoint(str(cut))
    assert str(cut) in str(err.value)
    with pytest.raises(RuntimeError, match='cannot read the DHN') as err:
        load_dhn(str(cut))
    assert str(cut) in str(err.value)
    torch.save([1, 2], str(tmp_path / 'list.pth'))
    with pytest.raises(ValueError, match='holds no DeepHungarianNet'):
        load_dhn(str(tmp_path / 'list.pth'))


def test_val_split_needs_validation_data(tmp_path):
    # the stage-0 detector's recipe does not validate (the twins do)
    detector = osp.join(
        ROOT, 'configs', 'deepmot_tracktor',
        'stage0_tracktor_r18-c16-fpn_1xb2-clip3-2000it_toy.py')
    proc = subprocess.run(
        [sys.executable, osp.join(ROOT, 'tools', 'test.py'), detector,
         '--split', 'val', '--work-dir', str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode != 0
    assert f'error: --split val: {detector} has no val_dataloader / ' \
        'val_evaluator' in proc.stderr
