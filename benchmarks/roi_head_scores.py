"""Tracktor's RoI-head scores of each frame's detections (with public
detections: the public boxes it refines), split by whether the box covers
a person (mmdeepmot.evaluation.detection_scores), as a result file with
its command and commit. The ground truth is each video's gt/gt.txt
(people only: conf not 0, class 1).

    .venv/bin/python benchmarks/roi_head_scores.py CONFIG \
        --checkpoint CKPT --out OUT.json [--cfg-options key=value ...]

The RoI head's own score floor (``test_cfg.rcnn.score_thr``) is set to 0
so that low scores are counted too.
"""
import argparse
import os.path as osp

import numpy as np
from mmengine.config import DictAction

from mmdeepmot.apis import build_runner, load_config
from mmdeepmot.datasets.mot_challenge_io import read_gt, rows_xyxy
from mmdeepmot.evaluation.detection_scores import score_summary, split_scores
from mmdeepmot.utils import write_result_json


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('config')
    parser.add_argument('--checkpoint', required=True)
    parser.add_argument('--out', required=True)
    parser.add_argument('--iou-thr', type=float, default=0.5)
    parser.add_argument('--work-dir', default='work_dirs/roi_head_scores')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction)
    args = parser.parse_args()
    options = dict(args.cfg_options or {})
    options['model.detector.test_cfg.rcnn.score_thr'] = 0.0
    runner = build_runner(load_config(args.config, options),
                          work_dir=args.work_dir, checkpoint=args.checkpoint)
    tracker, gts = runner.model.tracker, {}
    groups = dict(person=[], nobody=[])
    track = tracker.track

    def recording_track(*a, **kw):
        sample = kw['data_sample']
        det = sample.pred_det_instances
        seq_dir = osp.dirname(osp.dirname(sample.metainfo['img_path']))
        if seq_dir not in gts:
            gt = read_gt(osp.join(seq_dir, 'gt', 'gt.txt'))
            gts[seq_dir] = gt[(gt[:, 6] > 0) & (gt[:, 7] == 1)]
        frame = int(osp.splitext(osp.basename(
            sample.metainfo['img_path']))[0])
        gt = gts[seq_dir]
        split = split_scores(det.bboxes.cpu().numpy(),
                             det.scores.cpu().numpy(),
                             rows_xyxy(gt[gt[:, 0] == frame]), args.iou_thr)
        for key in groups:
            groups[key] += split[key]
        return track(*a, **kw)

    tracker.track = recording_track
    metrics = runner.test()
    summary = score_summary(groups['person'], groups['nobody'])
    print(summary)
    write_result_json(args.out, dict(
        iou_thr=args.iou_thr, scores=summary,
        metrics={k.split('/')[-1]: float(np.asarray(v))
                 for k, v in metrics.items()}))


if __name__ == '__main__':
    main()
