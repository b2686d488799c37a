"""MMTracking's ``MOTChallengeMetrics`` with a per-sequence table and the
result files kept in a folder of their own, ready for submission."""
import os
import os.path as osp
import shutil
from typing import Dict, Optional

import numpy as np
from mmengine.dist import is_main_process
from mmengine.logging import MMLogger
from mmtrack.evaluation import MOTChallengeMetrics
from mmtrack.registry import METRICS

from ..datasets.mot_challenge_io import write_mot_txt
from .trackeval_mot import format_table, run_trackeval


@METRICS.register_module()
class MOTChallengeTableMetrics(MOTChallengeMetrics):
    """HOTA, MOTA, MOTP, IDF1, FP, FN, IDSw, MT, ML per sequence and overall.

    Collects ground truth and predictions as ``MOTChallengeMetrics`` does and
    runs the same TrackEval code, then logs one row per sequence and the
    combined row (the table ``tools/eval_mot.py`` prints).

    Args:
        results_dir: where ``SEQ.txt`` result files are written (the folder
            is created; ``.txt`` files of an earlier run there are removed
            when the first video of an evaluation is written, so that the
            folder holds this run's results only; other files are not
            touched). ``tools/test.py`` sets ``<work_dir>/results``
            when it is None; then files only live in a temporary folder.
        benchmark: ``'MOT17'`` applies MOTChallenge's preprocessing
            (distractor removal); ``'MOT15'`` evaluates every box.
        preprocess: override the preprocessing choice of ``benchmark``.
        **kwargs: ``MOTChallengeMetrics``'s other options.
    """
    default_prefix: Optional[str] = 'motchallenge-metric'

    def __init__(self,
                 results_dir: Optional[str] = None,
                 benchmark: str = 'MOT17',
                 preprocess: Optional[bool] = None,
                 **kwargs) -> None:
        if 'metric' in kwargs:
            raise ValueError('MOTChallengeTableMetrics always computes '
                             'HOTA, CLEAR and Identity; drop `metric`')
        super().__init__(benchmark=benchmark, **kwargs)
        self.results_dir = results_dir
        self.preprocess = benchmark != 'MOT15' if preprocess is None \
            else preprocess
        self.per_sequence: Dict[str, Dict[str, float]] = {}
        self._results_dir_ready = False

    def _prepare_results_dir(self) -> None:
        """Create ``results_dir``; remove the result files an earlier run
        left there (they would mix with this run's)."""
        os.makedirs(self.results_dir, exist_ok=True)
        stale = sorted(n for n in os.listdir(self.results_dir)
                       if n.endswith('.txt') and
                       osp.isfile(osp.join(self.results_dir, n)))
        for name in stale:
            os.remove(osp.join(self.results_dir, name))
        if stale:
            MMLogger.get_current_instance().warning(
                f'removed {len(stale)} result file(s) of an earlier run from '
                f'{osp.abspath(self.results_dir)}: {", ".join(stale[:5])}'
                + (' ...' if len(stale) > 5 else ''))
        self._results_dir_ready = True

    def _save_one_video_gts_preds(self, seq: str) -> None:
        """Write one finished video's predictions and ground truth.

        Unlike the parent, ground-truth boxes keep their decimals (the
        parent writes them as integers, which moves fractional boxes).
        """
        info = self.seq_info[seq]
        preds = np.array(info['pred_tracks'], dtype=float).reshape(-1, 7)
        preds = np.concatenate([preds, -np.ones((len(preds), 3))], axis=1)
        write_mot_txt(osp.join(self.pred_dir, f'{seq}.txt'), preds, 'result')
        info['pred_tracks'] = []
        if info['gt_tracks']:
            gts = np.array(info['gt_tracks'], dtype=float).reshape(-1, 9)
            write_mot_txt(osp.join(self.gt_dir, f'{seq}.txt'), gts, 'gt')
            info['gt_tracks'].clear()
        with open(self.seqmap, 'a') as f:
            f.write(seq + '\n')
        if self.results_dir is not None and is_main_process():
            if not self._results_dir_ready:
                self._prepare_results_dir()
            shutil.copy(
                osp.join(self.pred_dir, f'{seq}.txt'),
                osp.join(self.results_dir, f'{seq}.txt'))

    def compute_metrics(self, results: list = None) -> dict:
        """Evaluate every finished video; log the per-sequence table."""
        logger: MMLogger = MMLogger.get_current_instance()
        self._results_dir_ready = False  # the next evaluation starts over
        seq_info = {seq: info['seq_length']
                    for seq, info in self.seq_info.items()}
        if not seq_info:
            raise RuntimeError('no video was completed: every sequence must '
                               'be run to its last frame to be evaluated')
        if self.results_dir is not None:
            logger.info(f'result files ({len(seq_info)}) in '
                        f'{osp.abspath(self.results_dir)}')
        if self.format_only:
            return {}
        missing = [s for s in seq_info
                   if not osp.isfile(osp.join(self.gt_dir, f'{s}.txt'))]
        if missing:
            raise RuntimeError(f'no ground truth for {missing}: the test '
                               'split has no annotations to evaluate; '
                               'set format_only=True to write results only')
        per_seq, combined = run_trackeval(
            self.gt_dir, '{gt_folder}/{seq}.txt', self.pred_dir, seq_info,
            self.benchmark, self.preprocess)
        self.per_sequence = per_seq
        logger.info('MOTChallenge metrics (TrackEval)\n' +
                    format_table(per_seq, combined))
        for name in os.listdir(self.gt_dir):
            os.remove(osp.join(self.gt_dir, name))
        return dict(combined)
