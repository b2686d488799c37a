#!/usr/bin/env bash
# The identity-term study on PETS09-S2L1 (docs/identity_loss.md): for each
# real-start tracker, on 8-frame clips, the vanilla twin, the DeepMOT twin
# and the DeepMOT twin with the identity terms (deepmot-identity_*), seed by
# seed; Tracktor in one lane, SiamRPN in the other, one thread each.
#
# A run takes 35-60 minutes on one thread, 30 runs in all: longer than a
# session, and a session's run folders do not outlive it. Every finished run
# goes into its pair's ledger,
# benchmarks/results/trackers/pets09/<tracker>-mbv2_ledger-clip8_halfval.json
# (commit it at every stop): a run the ledger holds under the same config,
# seed and thread count is not made again. Seeds go in order, each one's
# three runs together, so that what a stop leaves is whole seeds. At the
# end the tables of the seeds the ledgers hold are written beside them
# (<tracker>-mbv2_twins-clip8[-identity]_halfval.json).
#   bash projects/twin_study/scripts/pets09_identity_twins.sh [SEED ...]
# (seeds 0-4 unless given; WORK_DIR=... moves the run folders, RESULTS=...
# the ledgers, TRACKERS="siamrpn" runs one lane)
# Prerequisite: data/PETS09 (docs/real_pixels.md).
set -euo pipefail
cd "$(dirname "$0")/../../.."
WORK=${WORK_DIR:-work_dirs/pets09_identity}
RESULTS=${RESULTS:-benchmarks/results/trackers/pets09}
read -r -a TRACKERS <<< "${TRACKERS:-tracktor siamrpn}"
SEEDS=("${@:-0 1 2 3 4}")
read -r -a SEEDS <<< "${SEEDS[*]}"
mkdir -p "$WORK"

identity_config() {  # tracker
    case $1 in
        tracktor) echo configs/deepmot_tracktor/deepmot-identity_tracktor_mbv2-fpn_1xb1-clip8-600it_pets09.py ;;
        siamrpn) echo configs/deepmot_siamrpn/deepmot-identity_siamrpn_mbv2_1xb1-clip8-300it_pets09.py ;;
        *) echo "unknown tracker $1 (TRACKERS: tracktor siamrpn)" >&2; return 1 ;;
    esac
}
compare() {  # tracker, compare_twins options
    local tracker=$1
    shift
    .venv/bin/python projects/twin_study/tools/compare_twins.py \
        "$tracker-pets09-mbv2-clip8" --threads 1 --work-dir "$WORK" \
        --ledger "$RESULTS/${tracker}-mbv2_ledger-clip8_halfval.json" "$@"
}
lane() {  # tracker
    for seed in "${SEEDS[@]}"; do
        compare "$1" --seeds "$seed"
        compare "$1" --seeds "$seed" --deepmot-config "$(identity_config "$1")"
    done
}
for tracker in "${TRACKERS[@]}"; do
    identity_config "$tracker" > /dev/null
    lane "$tracker" > "$WORK/lane_$tracker.log" 2>&1 &
done
wait
# the tables, read from the ledgers alone (a pair with no finished seed
# says so and is skipped)
for tracker in "${TRACKERS[@]}"; do
    if compare "$tracker" --finished-only --seeds 0 1 2 3 4; then
        cp "$WORK/$tracker-pets09-mbv2-clip8_twins.json" \
            "$RESULTS/${tracker}-mbv2_twins-clip8_halfval.json"
    fi
    if compare "$tracker" --finished-only --seeds 0 1 2 3 4 \
            --deepmot-config "$(identity_config "$tracker")"; then
        cp "$WORK/deepmot_${tracker}_pets09_mbv2_clip8_identity_twins.json" \
            "$RESULTS/${tracker}-mbv2_twins-clip8-identity_halfval.json"
    fi
done
echo "tables: $WORK/*_twins.md"
