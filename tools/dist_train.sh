#!/usr/bin/env bash
# Train on NUM_PROCS processes of this machine through torchrun and
# mmengine's launcher (GPUs with NCCL, or CPU processes over gloo):
#   tools/dist_train.sh CONFIG NUM_PROCS [tools/train.py options]
# Paths (CONFIG, --work-dir) are taken from the caller's directory, as
# tools/train.py takes them; the configs here name their data from the
# repository root. PORT (default 29500) and PYTHON (default the
# repository's .venv/bin/python) may be set.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 CONFIG NUM_PROCS [train.py options]" >&2
    exit 2
fi
CONFIG=$1
NUM_PROCS=$2
shift 2
if [ ! -f "$CONFIG" ]; then
    echo "error: no config file $CONFIG (from $(pwd))" >&2
    exit 2
fi
TOOLS=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-$TOOLS/../.venv/bin/python}
PORT=${PORT:-29500}
exec "$PYTHON" -m torch.distributed.run --nproc_per_node="$NUM_PROCS" \
    --master_port="$PORT" "$TOOLS/train.py" "$CONFIG" --launcher pytorch "$@"
