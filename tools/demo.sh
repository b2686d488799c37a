#!/usr/bin/env bash
# The main job on the embedded default (no data set needed):
#   1. train a toy box refiner with the DeepMOT loss through the frozen,
#      shipped DHN (tools/train.py, mmengine runner, checkpoints in
#      work_dirs/demo/refiner) and show dMOTA rising;
#   2. measure how faithfully dMOTA follows MOTA on motmetrics' real TUD
#      results and what the loss costs (benchmarks/fidelity.py);
#   3. score the shipped DHN against the Hungarian method (benchmarks/dhn.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
WORK=${WORK_DIR:-work_dirs/demo}
start=$(date +%s)

echo "== 1/3 training a toy box refiner with the DeepMOT loss (DHN matcher)"
$PY tools/train.py configs/toy/deepmot_box_refiner_toy_dhn.py \
    --work-dir "$WORK/refiner" 2>&1 | grep -E "DeepMOT \(|Saving checkpoint" || true
echo
echo "== 2/3 dMOTA fidelity and loss cost"
$PY benchmarks/fidelity.py --num 40 --frames 40 --sizes 5 20
echo
echo "== 3/3 the shipped Deep Hungarian Net against the Hungarian method"
$PY benchmarks/dhn.py --num 100 --no-timing
echo
echo "demo finished in $(( $(date +%s) - start )) s; logs and checkpoints in $WORK"
