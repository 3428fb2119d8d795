#!/usr/bin/env bash
# One run of a GPU machine, every measurement side by side (see docs/benchmarks.md):
#   PyTorch goldens (AdamW), PyTorch kernel and attention references, the WebGPU kernel bench (which
#   first runs the whole op suite on that GPU), the attention bench and the LEAP bench.
# Prepare: bundle the benches into .gpu/app/ with .gpu/run.sh, a wrapper that runs a bundle with Node
# and the `webgpu` package (bundle commands in docs/benchmarks.md). Run: bash scripts/bench/gpu-run.sh
set -uo pipefail
export PYTHONUNBUFFERED=1
O=${OUT:-/tmp/out}
mkdir -p "$O"
log="$O/gpu-run.log"
run() { echo "=== $*" | tee -a "$log"; timeout "$1" "${@:2}" 2>&1 | tee -a "$log"; echo "=== exit ${PIPESTATUS[0]}" | tee -a "$log"; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee -a "$log"
run 60 python3 scripts/goldens/adamw.py "$O/adamw-golden.json"
run 120 python3 scripts/bench/torch_kernels.py "$O/torch-kernels.json"
run 150 python3 scripts/bench/torch_attention.py "$O/torch-attention.json"
run 200 bash .gpu/run.sh .gpu/app/kernels-bench.mjs --json "$O/webgpu-kernels.json"
run 200 bash .gpu/run.sh .gpu/app/light-ops-attention-bench.mjs --json "$O/webgpu-attention.json"
run 150 bash .gpu/run.sh .gpu/app/leap-bench.mjs --device webgpu --json "$O/webgpu-leap.json"
