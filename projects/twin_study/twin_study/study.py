"""A twin comparison: a DeepMOT tracker and its vanilla twin (configs
that differ only in the loss) trained over several seeds from the same
start, tested, and tabulated with the paired differences."""
import json
import os
import os.path as osp
import time
from typing import Dict, List, Optional, Tuple

from mmdeepmot.utils import former_name, provenance
from .runs import NotFinished, RunContext, one_line
from .tables import STAGE0, twins_table

_T = 'configs/deepmot_tracktor/{}_tracktor_{}.py'
_S = 'configs/deepmot_siamrpn/{}_siamrpn_{}.py'


def _pair(form: str, rest: str) -> Tuple[str, str]:
    return form.format('vanilla', rest), form.format('deepmot', rest)


PAIRS = {
    'tracktor': _pair(_T, 'r18-c16-fpn_1xb2-clip3-600it_toy'),
    'siamrpn': _pair(_S, 'r18-c16_1xb2-clip3-300it_toy'),
    'tracktor-mot17drawn': _pair(_T,
                                 'r18-c16-fpn_1xb2-clip3-1200it_mot17drawn'),
    'siamrpn-mot17drawn': _pair(_S, 'r18-c16_1xb2-clip3-300it_mot17drawn'),
    'tracktor-pets09': _pair(_T, 'r18-c16-fpn_1xb2-clip3-600it_pets09'),
    'siamrpn-pets09': _pair(_S, 'r18-c16_1xb2-clip3-300it_pets09'),
    'tracktor-pets09-mbv2': _pair(_T, 'mbv2-fpn_1xb2-clip3-600it_pets09'),
    'siamrpn-pets09-mbv2': _pair(_S, 'mbv2_1xb2-clip3-300it_pets09'),
    # 8-frame clips; the identity terms are the ablation (--deepmot-config
    # configs/deepmot_*/deepmot-identity_*_1xb1-clip8-*_pets09.py)
    'tracktor-pets09-mbv2-clip8': _pair(_T,
                                        'mbv2-fpn_1xb1-clip8-600it_pets09'),
    'siamrpn-pets09-mbv2-clip8': _pair(_S, 'mbv2_1xb1-clip8-300it_pets09'),
}
Runs = Dict[str, Dict[object, Dict[str, float]]]


def config_name(config: str) -> str:
    """The name of ``config``'s runs: ``configs/x/name.py`` -> ``name``, or
    for a moved config the name it had before (``configs/moved.json``),
    under which the ledgers hold its runs."""
    return former_name(config) or osp.splitext(osp.basename(config))[0]


class TwinStudy:
    """The runs of one pair: the stage-0 weights, then seed by seed the
    vanilla and the DeepMOT twin, each in ``<work_dir>/<config>_seed<S>``.

    Args:
        tracker (str): a key of ``PAIRS``.
        context (RunContext): how runs are made and recorded.
        work_dir (str): where the run folders and the table go.
        cfg_options (dict, optional): applied to both twins. Defaults to
            None.
        deepmot_config (str, optional): a config in the DeepMOT twin's
            place (an ablation: its runs are named after it, the vanilla
            twin's are reused). Defaults to None.
    """

    def __init__(self, tracker: str, context: RunContext, work_dir: str,
                 cfg_options: Optional[dict] = None,
                 deepmot_config: Optional[str] = None) -> None:
        if tracker not in PAIRS:
            raise KeyError(f'no pair {tracker!r} (pairs: {sorted(PAIRS)})')
        self.tracker = tracker
        self.context = context
        self.work_root = osp.abspath(work_dir)
        self.cfg_options = dict(cfg_options or {})
        self.pair = list(PAIRS[tracker])
        if deepmot_config:
            if not osp.isfile(osp.join(context.root, deepmot_config)):
                raise FileNotFoundError(
                    f'--deepmot-config {deepmot_config}: no such file')
            self.pair[1] = deepmot_config
        self.ablation = bool(deepmot_config)
        self.names = {c: config_name(c) for c in self.pair}
        self.runs: Runs = {}
        self.missing: List[str] = []  # runs --finished-only left out

    def _one(self, name: str, seed: object, work_dir: str, signature: str,
             make) -> None:
        """One run's metrics into ``runs`` (or its absence into
        ``missing``), printed."""
        print(f'== {name}' + ('' if seed == STAGE0 else f', seed {seed}') +
              f' -> {work_dir}', flush=True)
        try:
            metrics = self.context.from_ledger_or_run(
                name, seed, work_dir, signature, make)
        except NotFinished as err:
            self.missing.append(str(err))
            print(f'  not finished: {err}', flush=True)
            return
        self.runs.setdefault(name, {})[seed] = metrics
        label = '(stage 0)' if seed == STAGE0 else f'seed {seed}'
        print(one_line(name, label, metrics), flush=True)

    def stage0(self) -> None:
        """Test the weights both twins start from (the vanilla config's
        ``load_from``)."""
        vanilla = self.pair[0]
        name = 'stage0_' + config_name(vanilla).replace('vanilla_', '')
        work_dir = osp.join(self.work_root, name)
        opts, ctx = dict(self.cfg_options), self.context

        def make() -> Dict[str, float]:
            with ctx.lock(work_dir):
                return ctx.test_stage0(vanilla, work_dir, opts)
        self._one(name, STAGE0, work_dir, ctx.run_signature(vanilla, opts),
                  make)

    def seeds(self, seeds: List[int]) -> List[int]:
        """Train and test both twins at each seed (seed by seed, so that an
        interrupted comparison has whole pairs); the seeds whose twins are
        both done."""
        ctx = self.context
        for name in self.names.values():
            self.runs.setdefault(name, {})
        for seed in seeds:
            for config, name in self.names.items():
                work_dir = osp.join(self.work_root, f'{name}_seed{seed}')
                opts = dict(self.cfg_options)

                def make(config=config, seed=seed, work_dir=work_dir,
                         opts=opts) -> Dict[str, float]:
                    with ctx.lock(work_dir):
                        return ctx.train_and_test(config, seed, work_dir,
                                                  opts)
                self._one(name, seed, work_dir,
                          ctx.run_signature(config, opts, seed), make)
        return [s for s in seeds
                if all(s in self.runs[n] for n in self.names.values())]

    def write(self, seeds: List[int], started: Dict[str, object],
              threads: int) -> Tuple[str, str]:
        """The table of ``seeds``, written to ``<work_dir>/<tracker>_twins``
        (or ``<ablation config>_twins``) ``.md`` and ``.json`` (run name ->
        seed -> metrics, and the provenance). Returns (table, base path).
        """
        if not seeds:
            raise SystemExit('error: no seed has both twins finished')
        text = twins_table(self.runs, seeds)
        os.makedirs(self.work_root, exist_ok=True)
        stem = self.names[self.pair[1]] if self.ablation else self.tracker
        base = osp.join(self.work_root, f'{stem}_twins')
        with open(base + '.md', 'w') as f:
            f.write(text + '\n')
        runs = dict(self.runs)
        for name in self.names.values():  # a twin whose pair is not done
            runs[name] = {k: v for k, v in runs[name].items() if k in seeds}
        record = dict(runs, provenance=dict(
            started, threads=threads, checkpoints=self.context.chosen,
            test_commits=self.context.run_commits))
        if self.missing:
            record['provenance']['not_finished'] = self.missing
        with open(base + '.json', 'w') as f:
            json.dump(record, f, indent=2)
        return text, base

    def run(self, seeds: List[int], stage0: bool, threads: int) -> str:
        """The whole comparison: stage 0 when asked, the seeds, the
        table written. Returns the table."""
        start = time.time()
        # the code the runs start with (a commit made while they run is
        # not theirs)
        started = provenance()
        if stage0:
            self.stage0()
        text, base = self.write(self.seeds(seeds), started, threads)
        print(text)
        print(f'written {base}.md and .json; {time.time() - start:.0f} s')
        return text
