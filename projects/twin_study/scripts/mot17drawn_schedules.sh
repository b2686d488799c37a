#!/usr/bin/env bash
# How the drawn-MOT17 twins' schedules were chosen (README, "Trackers on the
# drawn MOT17"): projects/twin_study/tools/schedule_grid.py trains both twins of a pair under
# each setting (seed 0, 1 CPU thread), validates them on half-train-select
# and keeps the setting with the best mean of the twins' best validation
# MOTA; no half-val frame is read. The kept settings are the drawn configs'.
# Each grid writes WORK/<pair>_schedule.{md,json}, copied to
# benchmarks/results/trackers/mot17_drawn/<tracker>-r18_schedule-<what>-seed0_halftrainselect.json.
# Finished runs are reused and killed ones resume: run it again after a
# stop. About 3 hours of lane time for Tracktor (10 runs of 7-30 minutes),
# 25 minutes for SiamRPN; one lane (the grid trains its runs in turn).
#   bash projects/twin_study/scripts/mot17drawn_schedules.sh      (WORK_DIR=... to move it)
# Prerequisite: data/MOT17-drawn (README, "The drawn MOT17").
set -euo pipefail
cd "$(dirname "$0")/../../.."
WORK=${WORK_DIR:-work_dirs/schedules}
RESULTS=benchmarks/results/trackers/mot17_drawn

grid() {  # tracker, what, schedule_grid options
    local tracker=$1 what=$2
    shift 2
    local work="$WORK/${tracker}_$what"
    .venv/bin/python projects/twin_study/tools/schedule_grid.py "$tracker-mot17drawn" \
        --seed 0 --threads 1 --work-dir "$work" "$@"
    cp "$work/$tracker-mot17drawn_schedule.json" \
        "$RESULTS/${tracker}-r18_schedule-${what}-seed0_halftrainselect.json"
}
grid siamrpn lr --grid optim_wrapper.optimizer.lr=1e-4,3e-4
# the rates at the length set before (600), the length at the kept rate
grid tracktor lr --grid optim_wrapper.optimizer.lr=5e-4,2e-3,8e-3 \
    --cfg-options train_cfg.max_iters=600 param_scheduler.0.end=600
# a length moves the cosine schedule's end with it
grid tracktor length --grid train_cfg.max_iters=300,600,1200 \
    --grid param_scheduler.0.end=300,600,1200
