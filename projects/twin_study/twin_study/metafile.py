"""The ``metafile.yml`` of a config folder, in MMTracking's shape (a
collection, then one model per config with its results), written from the
ledgers under ``benchmarks/results`` so that no figure is typed by hand: a
config's results are the mean over the seeds its ledger holds (the stage-0
configs: the test of the weights both twins start from)."""
import glob
import json
import os.path as osp
from typing import Dict, List, Optional

import yaml

from mmdeepmot.utils import former_name

PAPER = dict(
    URL='https://arxiv.org/abs/1906.06618',
    Title='How To Train Your Deep Multi-Object Tracker')
COLLECTIONS = {
    'deepmot_tracktor': ('DeepMOT-Tracktor', ['Faster R-CNN', 'FPN']),
    'deepmot_siamrpn': ('DeepMOT-SiamRPN', ['SiamRPN']),
}
# the ledgers holding the runs of the folders' configs (under a run's
# former config name, or stage0_<tracker>_<ground> for the start)
LEDGERS = (
    'trackers/pets09/tracktor-r18_ledger_halfval.json',
    'trackers/pets09/tracktor-mbv2_ledger_halfval.json',
    'trackers/pets09/siamrpn-r18_ledger_halfval.json',
    'trackers/pets09/siamrpn-mbv2_ledger_halfval.json',
    'trackers/mot17_drawn/tracktor-r18_ledger_halfval.json',
    'trackers/mot17_drawn/siamrpn-r18_ledger_halfval.json',
)
# the stage-0 configs whose shipped weights a ledger's stage-0 row tests
STAGE0_RUNS = {
    'tracktor_detector_pets09': 'stage0_tracktor_pets09',
    'tracktor_detector_pets09_mbv2person': 'stage0_tracktor_pets09_mbv2',
    'tracktor_detector_mot17drawn': 'stage0_tracktor_mot17drawn',
    'siamrpn_sot_pets09': 'stage0_siamrpn_pets09',
    'siamrpn_sot_pets09_mbv2': 'stage0_siamrpn_pets09_mbv2',
    'siamrpn_sot_mot17drawn': 'stage0_siamrpn_mot17drawn',
}
TEST_DATA = {
    'pets09': 'PETS09-S2L1 half-val',
    'mot17drawn': 'drawn MOT17 half-val',
}
METRICS = ('MOTA', 'IDF1', 'HOTA')


def _runs(results: str) -> Dict[str, Dict[str, dict]]:
    runs: Dict[str, Dict[str, dict]] = {}
    for name in LEDGERS:
        with open(osp.join(results, name)) as f:
            record = json.load(f)
        for run, seeds in record.items():
            if run != 'provenance':
                runs[run] = seeds
    return runs


def _results(seeds: Optional[Dict[str, dict]], data: str) -> List[dict]:
    if not seeds or data not in TEST_DATA:
        return []
    metrics = {
        k: round(100 * sum(s[k] for s in seeds.values()) / len(seeds), 1)
        for k in METRICS
    }
    metrics['Seeds'] = len(seeds) if 'stage0' not in seeds else 0
    return [dict(Task='Multiple Object Tracking', Dataset=TEST_DATA[data],
                 Metrics=metrics)]


def metafile_text(root: str, folder: str, results: str) -> str:
    """The metafile of ``configs/<folder>`` of the checkout ``root``.

    Args:
        root (str): the checkout.
        folder (str): a key of ``COLLECTIONS``.
        results (str): the ``benchmarks/results`` folder.
    """
    name, architecture = COLLECTIONS[folder]
    runs = _runs(results)
    models = []
    for path in sorted(glob.glob(osp.join(root, 'configs', folder,
                                          '*.py'))):
        rel = osp.relpath(path, root)
        stem = osp.splitext(osp.basename(path))[0]
        role, _, model, schedule, data = stem.split('_')
        run = former_name(rel, root) or stem
        seeds = runs.get(STAGE0_RUNS.get(run, run))
        models.append(dict(
            Name=stem,
            In_Collection=name,
            Config=rel,
            Metadata={'Role': role, 'Model': model, 'Schedule': schedule,
                      'Training Data': data},
            Results=_results(seeds, data)))
    meta = dict(Collections=[dict(
        Name=name, Metadata=dict(Architecture=architecture), Paper=PAPER,
        README=f'configs/{folder}/README.md')], Models=models)
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    header = ('# Written by projects/twin_study/tools/results_page.py from '
              'benchmarks/results;\n# Results: mean over the seeds the '
              'ledgers hold (Seeds 0: the stage-0 weights).\n')
    return header + text.replace('In_Collection:', 'In Collection:')
