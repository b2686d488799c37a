"""Train a DeepMOT tracker and its vanilla twin over several seeds, test
both with tools/test.py and print the comparison on the test split.

    .venv/bin/python projects/twin_study/tools/compare_twins.py \
        {tracktor,siamrpn,...} \
        [--seeds 0 1 2] [--stage0] \
        [--deepmot-config CONFIG] [--work-dir work_dirs/twins] \
        [--threads 2] [--verbose] [--finished-only] [--ledger FILE] \
        [--cfg-options key=value ...]

Pairs: tracktor and siamrpn (the generated toy set), tracktor-mot17drawn
and siamrpn-mot17drawn (the drawn MOT17, configs/mot17_drawn),
tracktor-pets09 and siamrpn-pets09 (real PETS09-S2L1, configs/pets09).
--stage0 also
tests the weights both twins start from (the vanilla config's load_from),
and evaluates them on the validation data when the config has some, as
run stage0_<vanilla config> (no seed). --deepmot-config runs an ablation:
another DeepMOT config in the twin's place.

Runs go seed by seed (vanilla then DeepMOT). Each run lives in
WORK_DIR/<config>_seed<S>, its training and test output
in train.log and test.log there; it is tested with the checkpoint its
config's CheckpointHook(save_best=...) kept, chosen on the validation data
(the drawn MOT17: half-train-select), else its last one; the JSON's
provenance names each run's. The console shows a progress bar per
step, each run's one-line result and the table (--verbose streams the full
output instead). A finished run is not trained
again and an interrupted one resumes from its last checkpoint, so running
the command again after a stop picks up where it was. A run is tested again
when its metrics are older than its checkpoint or were computed under other
test settings (test data or metric changed); a run folder trained under
another training config, or whose checkpoint was chosen on validation under
other tracker options (the choice depends on them), is refused. The table
(mean over seeds, and DeepMOT minus vanilla per seed) is printed and written to
WORK_DIR/<tracker>_twins.md and .json, or <deepmot config>_twins.* with
--deepmot-config (an ablation) (run name -> seed -> metrics, and the
command and commit under "provenance"). --finished-only trains and tests
nothing: it tabulates the seeds whose twins are both done (while another
process works on the rest) and names the runs it left out. --ledger FILE
keeps every finished run's figures in FILE (twin_study.ledger) beyond
the run folders: a run FILE holds under the same config, seed and thread
count is neither trained nor tested again, so a comparison longer than a
session goes on in another checkout.
"""
import argparse
import sys

import _bootstrap  # noqa: F401
from mmengine.config import DictAction
from twin_study import PAIRS, RunContext, TwinStudy


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('tracker', choices=sorted(PAIRS))
    parser.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    parser.add_argument('--stage0', action='store_true',
                        help='also test the weights both twins start from')
    parser.add_argument('--deepmot-config',
                        help="in place of the pair's DeepMOT twin (an "
                        'ablation: its runs are named after it, the '
                        "vanilla twin's finished runs are reused)")
    parser.add_argument('--work-dir', default='work_dirs/twins')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction,
                        default={}, help='applied to both twins')
    parser.add_argument('--verbose', action='store_true',
                        help='stream the training and test output instead '
                        'of writing it to train.log / test.log')
    parser.add_argument('--finished-only', action='store_true',
                        help='train and test nothing: tabulate the runs that '
                        'are done (seeds with both twins), name the others')
    parser.add_argument('--ledger',
                        help='JSON file of finished runs kept beyond the '
                        'run folders: runs it holds (made under the same '
                        'config) are reused, finished runs are added')
    parser.add_argument('--threads', type=int, default=2,
                        help='CPU threads of every run (OMP_NUM_THREADS, '
                        'MKL_NUM_THREADS); the figures depend on it')
    args = parser.parse_args()
    if args.threads < 1:
        parser.error(f'--threads must be >= 1, got {args.threads}')
    return args


def main() -> None:
    args = parse_args()
    context = RunContext(args.threads, verbose=args.verbose,
                         finished_only=args.finished_only,
                         ledger=args.ledger)
    try:
        study = TwinStudy(args.tracker, context, args.work_dir,
                          args.cfg_options, args.deepmot_config)
    except FileNotFoundError as err:
        print(f'error: {err}', file=sys.stderr)
        sys.exit(2)
    study.run(args.seeds, args.stage0, args.threads)


if __name__ == '__main__':
    main()
