#!/usr/bin/env bash
# The drawn-MOT17 figures of the README: for DeepMOT-Tracktor and
# DeepMOT-SiamRPN, the stage-0 weights, the vanilla and the DeepMOT twin over
# 5 seeds, and the paper's ablations over 3 seeds (the DeepMOT loss with the
# Sinkhorn matcher; dMOTA alone). Every run is trained on half-train-fit,
# its checkpoint chosen on half-train-select, tested on half-val, on 1 CPU
# thread; two lanes run side by side (2 cores). Each lane's console is in
# WORK/lane{1,2}.log, each run's logs in its folder. Runs that are done are
# reused and a killed run resumes: run it again after a stop. A run two
# lanes need (the vanilla twin of an ablation) is locked by the lane that
# works on it; the other waits.
#   bash benchmarks/mot17drawn_twins.sh      (WORK_DIR=... to move it)
# Prerequisite: data/MOT17-drawn (README, "The drawn MOT17").
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK_DIR:-work_dirs/twins_drawn_sel}
mkdir -p "$WORK"

compare() {
    .venv/bin/python tools/compare_twins.py --threads 1 --work-dir "$WORK" "$@"
}
ablation() {  # tracker, ablation name
    compare "$1-mot17drawn" --seeds 0 1 2 --deepmot-config \
        "configs/mot17_drawn/deepmot_$1_mot17drawn_$2.py"
}
lane1() {
    compare tracktor-mot17drawn --stage0 --seeds 0 1 2 3 4
    ablation tracktor dmota
}
lane2() {
    compare siamrpn-mot17drawn --stage0 --seeds 0 1 2 3 4
    ablation siamrpn sinkhorn
    ablation siamrpn dmota
    ablation tracktor sinkhorn
}
lane1 > "$WORK/lane1.log" 2>&1 &
lane2 > "$WORK/lane2.log" 2>&1 &
wait
echo "tables: $WORK/*_twins.md"
