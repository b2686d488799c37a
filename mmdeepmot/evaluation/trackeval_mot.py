"""MOTChallenge evaluation of result files with TrackEval (what MMTracking's
``MOTChallengeMetrics`` runs), reported per sequence and combined."""
import contextlib
import io
import os
import os.path as osp
import tempfile
from typing import Dict, List, Optional, Tuple

import numpy as np

from ..datasets.mot_challenge_io import (MOTFormatError, check_gt, gt_flavour,
                                         read_gt, read_mot_txt, read_seqinfo,
                                         row_line, subset_frames,
                                         write_mot_txt)

# name in our tables -> (TrackEval metric family, field)
FIELDS = {
    'HOTA': ('HOTA', 'HOTA'),
    'MOTA': ('CLEAR', 'MOTA'),
    'MOTP': ('CLEAR', 'MOTP'),
    'IDF1': ('Identity', 'IDF1'),
    'FP': ('CLEAR', 'CLR_FP'),
    'FN': ('CLEAR', 'CLR_FN'),
    'IDSw': ('CLEAR', 'IDSW'),
    'MT': ('CLEAR', 'MT'),
    'ML': ('CLEAR', 'ML'),
}
COUNTS = ('FP', 'FN', 'IDSw', 'MT', 'ML')
# the columns of the comparison tables (README, compare_twins, tune_tracker)
SUMMARY = ('MOTA', 'IDF1', 'HOTA', 'MOTP', 'FP', 'FN', 'IDSw')


def markdown_cell(name: str, value: float) -> str:
    """A metric as the markdown tables show it: counts whole, rates
    (TrackEval's fractions) in percent with one decimal."""
    return f'{value:.0f}' if name in COUNTS else f'{100 * value:.1f}'


def _summarise(res: dict) -> Dict[str, float]:
    out = {}
    for name, (family, field) in FIELDS.items():
        value = res[family][field]
        out[name] = float(np.mean(value))  # HOTA is given per alpha
        if name in COUNTS:
            out[name] = int(round(out[name]))
    return out


def evaluate_mot_results(gt_root: str,
                         results_dir: str,
                         seqs: Optional[List[str]] = None,
                         benchmark: str = 'MOT17',
                         preprocess: bool = True,
                         subset: str = 'train'
                         ) -> Tuple[Dict[str, Dict[str, float]], Dict[str,
                                                                      float]]:
    """HOTA, MOTA, MOTP, IDF1, FP, FN, IDSw, MT, ML of ``results_dir/SEQ.txt``
    against ``gt_root/SEQ/gt/gt.txt``; returns (per sequence, combined).

    ``subset`` ``'half-train'`` or ``'half-val'`` scores only those frames
    of each sequence (MMTracking's cut; the ground truth is cut in a
    temporary folder, ``gt_root`` is only read; MOT15's 10-column files are
    written there as MOT17's 9 columns too); a result row in another
    frame raises rather than counting as a false positive.

    Every sequence folder of ``gt_root`` (or ``seqs``) must have a result
    file: a missing one raises instead of counting as empty. Files are read
    and checked with mmdeepmot's parsers first, so bad lines are reported
    with their file and line. ``preprocess`` applies MOTChallenge's removal
    of predictions matched to distractor classes (MOT17; not for MOT15).
    """
    if seqs is None:
        seqs = sorted(d for d in os.listdir(gt_root)
                      if osp.isdir(osp.join(gt_root, d)))
    if not seqs:
        raise FileNotFoundError(f'no sequence folders in {gt_root}')
    seq_info, gts, results = {}, {}, {}
    as_is = subset == 'train'  # TrackEval can read the files themselves
    for seq in seqs:
        seq_info[seq] = int(read_seqinfo(osp.join(gt_root, seq))['seqLength'])
        gt_file = osp.join(gt_root, seq, 'gt', 'gt.txt')
        gt = read_gt(gt_file)
        check_gt(gt_file, gt, seq_info[seq])
        gts[seq] = gt
        # TrackEval reads a MOT15 file's world x as the class column
        as_is = as_is and gt_flavour(gt_file) == 'gt'
        res_file = osp.join(results_dir, f'{seq}.txt')
        if not osp.isfile(res_file):
            raise FileNotFoundError(f'no result file for {seq}: {res_file}')
        rows = results[seq] = read_mot_txt(res_file, 'result')
        frames = subset_frames(subset, seq_info[seq])
        outside = np.nonzero((rows[:, 0] < frames.start)
                             | (rows[:, 0] >= frames.stop))[0]
        if len(outside):
            raise MOTFormatError(
                f'{res_file}:{row_line(res_file, outside[0])}: frame '
                f'{int(rows[outside[0], 0])} is outside {subset} (frames '
                f'{frames.start}-{frames.stop - 1} of {seq})')
    # MOT15 result files may carry world coordinates after the score,
    # where TrackEval reads a class
    plain = all(r.shape[1] <= 7 or np.all(r[:, 7:] == -1)
                for r in results.values())
    if as_is and plain:
        return run_trackeval(gt_root, '{gt_folder}/{seq}/gt/gt.txt',
                             results_dir, seq_info, benchmark, preprocess)
    with tempfile.TemporaryDirectory() as tmp:
        gt_folder, gt_format = gt_root, '{gt_folder}/{seq}/gt/gt.txt'
        if not as_is:
            gt_folder, gt_format = osp.join(tmp, 'gt'), '{gt_folder}/{seq}.txt'
            os.makedirs(gt_folder)
            for seq, gt in gts.items():
                frames = subset_frames(subset, seq_info[seq])
                keep = (gt[:, 0] >= frames.start) & (gt[:, 0] < frames.stop)
                write_mot_txt(osp.join(gt_folder, f'{seq}.txt'), gt[keep],
                              'gt', decimals=6)
        if not plain:
            results_dir = osp.join(tmp, 'results',
                                   osp.basename(osp.abspath(results_dir)))
            os.makedirs(results_dir)
            for seq, rows in results.items():
                rows = np.concatenate(
                    [rows[:, :7], -np.ones((len(rows), 3))], 1) \
                    if rows.shape[1] >= 7 else rows
                write_mot_txt(osp.join(results_dir, f'{seq}.txt'), rows,
                              'result', decimals=6)
        return run_trackeval(gt_folder, gt_format, results_dir, seq_info,
                             benchmark, preprocess)


def trackeval_dataset(gt_folder: str,
                      gt_loc_format: str,
                      results_dir: str,
                      seq_info: Dict[str, int],
                      benchmark: str = 'MOT17',
                      preprocess: bool = True):
    """TrackEval's MOTChallenge dataset of ``results_dir/SEQ.txt`` against
    the ground truth that ``gt_loc_format`` places under ``gt_folder``
    (TrackEval's GT_LOC_FORMAT), for the sequences of ``seq_info`` (name ->
    length); returns (dataset, tracker name). Its
    ``get_preprocessed_seq_data`` gives the per-frame ids, boxes and
    similarities that TrackEval's metrics read."""
    import trackeval
    results_dir = osp.abspath(results_dir)
    tracker = osp.basename(results_dir.rstrip(osp.sep))
    dataset_cls = trackeval.datasets.MotChallenge2DBox
    data_cfg = dataset_cls.get_default_dataset_config()
    data_cfg.update(
        GT_FOLDER=gt_folder, TRACKERS_FOLDER=osp.dirname(results_dir),
        TRACKERS_TO_EVAL=[tracker], TRACKER_SUB_FOLDER='', OUTPUT_FOLDER=None,
        OUTPUT_SUB_FOLDER='', CLASSES_TO_EVAL=['pedestrian'],
        BENCHMARK=benchmark, SPLIT_TO_EVAL='train', SEQ_INFO=seq_info,
        GT_LOC_FORMAT=gt_loc_format, SKIP_SPLIT_FOL=True,
        DO_PREPROC=preprocess, PRINT_CONFIG=False)
    # TrackEval prints its config unconditionally
    with contextlib.redirect_stdout(io.StringIO()):
        return dataset_cls(data_cfg), tracker


def run_trackeval(gt_folder: str,
                  gt_loc_format: str,
                  results_dir: str,
                  seq_info: Dict[str, int],
                  benchmark: str = 'MOT17',
                  preprocess: bool = True
                  ) -> Tuple[Dict[str, Dict[str, float]], Dict[str, float]]:
    """TrackEval's HOTA, CLEAR and Identity of ``results_dir/SEQ.txt`` for
    the sequences of ``seq_info`` (name -> length); returns (per sequence,
    combined). ``gt_loc_format`` places each ground-truth file under
    ``gt_folder`` (TrackEval's GT_LOC_FORMAT)."""
    import trackeval
    dataset, tracker = trackeval_dataset(gt_folder, gt_loc_format,
                                         results_dir, seq_info, benchmark,
                                         preprocess)
    eval_cfg = trackeval.Evaluator.get_default_eval_config()
    eval_cfg.update(PRINT_RESULTS=False, PRINT_CONFIG=False,
                    TIME_PROGRESS=False, OUTPUT_SUMMARY=False,
                    OUTPUT_DETAILED=False, PLOT_CURVES=False,
                    PRINT_ONLY_COMBINED=True, USE_PARALLEL=False)
    # TrackEval prints its configs and progress unconditionally
    with contextlib.redirect_stdout(io.StringIO()):
        metrics = [trackeval.metrics.HOTA(), trackeval.metrics.CLEAR(),
                   trackeval.metrics.Identity()]
        evaluator = trackeval.Evaluator(eval_cfg)
        out, msg = evaluator.evaluate([dataset], metrics)
    res = out['MotChallenge2DBox'].get(tracker)
    if res is None or not isinstance(res, dict):
        raise RuntimeError(f'TrackEval failed: {msg}')
    per_seq = {seq: _summarise(res[seq]['pedestrian']) for seq in seq_info}
    combined = _summarise(res['COMBINED_SEQ']['pedestrian'])
    return per_seq, combined


def format_table(per_seq: Dict[str, Dict[str, float]],
                 combined: Dict[str, float]) -> str:
    """A plain-text table, one row per sequence and the combined row."""
    names = list(FIELDS)
    width = max([len(s) for s in per_seq] + [8])
    lines = [f'{"sequence":<{width}} ' + ' '.join(f'{n:>7}' for n in names)]
    for seq, row in list(per_seq.items()) + [('OVERALL', combined)]:
        cells = [f'{row[n]:7d}' if n in COUNTS else f'{100 * row[n]:7.2f}'
                 for n in names]
        lines.append(f'{seq:<{width}} ' + ' '.join(cells))
    return '\n'.join(lines)
