#!/usr/bin/env bash
# The drawn-MOT17 figures of the README: for DeepMOT-Tracktor and
# DeepMOT-SiamRPN, the stage-0 weights, the vanilla and the DeepMOT twin over
# 5 seeds, and the paper's ablations over 3 seeds (the DeepMOT loss with the
# Sinkhorn matcher; dMOTA alone). Every run is trained on half-train-fit,
# its checkpoint chosen on half-train-select, tested on half-val, on 1 CPU
# thread; two lanes run side by side (2 cores), on different seeds. Each
# lane's console is in WORK/lane{1,2}.log, each run's logs in its folder.
#
# It takes longer than a session (about 15 hours of lane time with
# Tracktor at 1200 iterations, 45 minutes a run), so every
# finished run goes into a ledger,
# benchmarks/results/trackers/mot17_drawn/<tracker>-r18_ledger_halfval.json
# (twin_study.Ledger; commit it): a run the ledger
# holds under the same config, seed and thread count is not made again, in
# this checkout or another. Within a checkout a killed run also resumes
# from its last checkpoint: run the script again after a stop. A run two
# lanes need (the vanilla twin of an ablation) is locked by the lane that
# works on it; the other waits. At the end the tables of every seed the
# ledgers hold are written to
# benchmarks/results/trackers/mot17_drawn/<tracker>-r18_twins_halfval.json and
# its ablations' files (<tracker>-r18_twins-<ablation>_halfval.json).
#   bash projects/twin_study/scripts/mot17drawn_twins.sh      (WORK_DIR=... to move it)
# Prerequisite: data/MOT17-drawn (README, "The drawn MOT17").
set -euo pipefail
cd "$(dirname "$0")/../../.."
WORK=${WORK_DIR:-work_dirs/twins_drawn_sel}
RESULTS=benchmarks/results/trackers/mot17_drawn
mkdir -p "$WORK"

compare() {  # tracker, compare_twins options
    local tracker=$1
    shift
    .venv/bin/python projects/twin_study/tools/compare_twins.py "$tracker-mot17drawn" \
        --threads 1 --work-dir "$WORK" \
        --ledger "$RESULTS/${tracker}-r18_ledger_halfval.json" "$@"
}
ablation_config() {  # tracker, ablation name
    local rest
    case $1 in
        tracktor) rest=r18-c16-fpn_1xb2-clip3-1200it ;;
        siamrpn) rest=r18-c16_1xb2-clip3-300it ;;
    esac
    echo "configs/deepmot_$1/deepmot-${2}_${1}_${rest}_mot17drawn.py"
}
ablation() {  # tracker, ablation name, compare_twins options
    local tracker=$1 name=$2
    shift 2
    compare "$tracker" --deepmot-config "$(ablation_config "$tracker" "$name")" "$@"
}
lane1() {
    compare tracktor --stage0 --seeds 0 1 2
    compare siamrpn --stage0 --seeds 0 1 2
    ablation tracktor dmota --seeds 0 1 2
}
lane2() {
    compare tracktor --seeds 3 4
    compare siamrpn --seeds 3 4
    ablation siamrpn sinkhorn --seeds 0 1 2
    ablation siamrpn dmota --seeds 0 1 2
    ablation tracktor sinkhorn --seeds 0 1 2
}
lane1 > "$WORK/lane1.log" 2>&1 &
lane2 > "$WORK/lane2.log" 2>&1 &
wait
# the tables, read from the ledgers alone (one with no finished pair yet
# says so and is skipped)
table() {  # output name, compare_twins table, tracker, options
    local out=$1 made=$2
    shift 2
    if compare "$@" --finished-only; then
        cp "$WORK/$made" "$RESULTS/$out"
    fi
}
for tracker in tracktor siamrpn; do
    table "${tracker}-r18_twins_halfval.json" \
        "$tracker-mot17drawn_twins.json" "$tracker" --stage0 \
        --seeds 0 1 2 3 4
    for name in sinkhorn dmota; do
        table "${tracker}-r18_twins-${name}_halfval.json" \
            "deepmot_${tracker}_mot17drawn_${name}_twins.json" "$tracker" \
            --deepmot-config "$(ablation_config "$tracker" "$name")" \
            --seeds 0 1 2
    done
done
echo "tables: $WORK/*_twins.md"
