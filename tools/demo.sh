#!/usr/bin/env bash
# The main job on the embedded default, on a fresh machine with no data:
#   1. generate the MOT17-format toy data set (data/toy-mot17, seed 0);
#   2. fine-tune the shipped toy Tracktor twice from the same start, with
#      the DeepMOT loss (through the frozen, shipped DHN) and with the
#      detector's losses only, test both with tools/test.py and print the
#      comparison (projects/twin_study/tools/compare_twins.py, one seed);
#   3. draw the pictures: the DeepMOT tracks on a test sequence (GIF), the
#      training curves with the validation MOTA of both twins and of the
#      stage-0 weights, the DHN's soft assignment beside Hungarian's.
# Re-running reuses what is done (data, finished runs); WORK_DIR moves the
# outputs (default work_dirs/demo), DATA_DIR the data set (default
# data/toy-mot17, which the configs read), DEMO_SEEDS runs more seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
WORK=${WORK_DIR:-work_dirs/demo}
DATA=${DATA_DIR:-data/toy-mot17}
SEEDS=${DEMO_SEEDS:-0}
start=$(date +%s)

echo "== 1/3 the generated data set ($DATA)"
# --reuse: kept when it is this very data set, else (an older or
# half-written one) written anew
$PY tools/make_toy_mot.py "$DATA" --seed 0 --reuse
echo
echo "== 2/3 DeepMOT-Tracktor, its vanilla twin (seeds: $SEEDS) and the stage-0 weights they start from"
# shellcheck disable=SC2086
OPTS=()
if [ "$DATA" != data/toy-mot17 ]; then
    OPTS=(--cfg-options "train_dataloader.dataset.data_root=$DATA/"
          "val_dataloader.dataset.data_root=$DATA/"
          "test_dataloader.dataset.data_root=$DATA/")
fi
$PY projects/twin_study/tools/compare_twins.py tracktor --seeds $SEEDS --stage0 --work-dir "$WORK/twins" \
    "${OPTS[@]}"
echo
echo "== 3/3 pictures"
first=${SEEDS%% *}
RUN=$WORK/twins/deepmot_tracktor_toy_seed$first
VAN=$WORK/twins/vanilla_tracktor_toy_seed$first
SEQ=$(ls "$DATA/test" | grep -m1 SDP)  # the first test sequence, SDP profile
$PY tools/visualize.py tracks "$DATA/test/$SEQ" \
    "$RUN/results/$SEQ.txt" "$WORK/tracks_$SEQ.gif" \
    --max-frames 120 --scale 0.75
$PY tools/visualize.py curves "$WORK/training_curves.png" \
    "deepmot=$RUN" "vanilla=$VAN" \
    --reference "stage 0=$WORK/twins/stage0_tracktor_toy/val_metrics.json"
$PY tools/visualize.py dhn "$WORK/dhn_vs_hungarian.png"
echo
echo "demo finished in $(( $(date +%s) - start )) s; table in" \
    "$WORK/twins/tracktor_twins.md, pictures in $WORK"
