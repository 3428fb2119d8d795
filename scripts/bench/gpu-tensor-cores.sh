#!/usr/bin/env bash
# One lease of the lent GPU for the tensor-core experiments (docs/benchmarks.md, "tensor cores through
# WebGPU"): cuBLAS GEMM peers and the WebGPU subgroup-matrix GEMM shapes, then PyTorch SDPA's
# memory-efficient forward (and backward) and the tensor-core flash forwards and backwards against the f32 kernels.
# Prepare here: bash ../shared/gpu/pack.sh, then bundle tensor-core-gemm.ts and
# flash-attention-tensor-cores-bench.ts (and flash-attention-tensor-cores-backward-bench.ts) into .gpu/app/ (docs/benchmarks.md). Run there with carry [".gpu"]:
#   bash scripts/bench/gpu-tensor-cores.sh
set -uo pipefail
export PYTHONUNBUFFERED=1
O=${OUT:-/tmp/out}
mkdir -p "$O"
log="$O/gpu-tensor-cores.log"
run() { echo "=== $*" | tee -a "$log"; timeout "$1" "${@:2}" 2>&1 | tee -a "$log"; echo "=== exit ${PIPESTATUS[0]}" | tee -a "$log"; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee -a "$log"
run 60 python3 scripts/bench/torch_gemm.py --json "$O/torch-gemm.json"
run 150 bash .gpu/run.sh .gpu/app/tensor-core-gemm.mjs --json "$O/webgpu-tensor-core-gemm.json"
run 60 python3 scripts/bench/torch_attention_forward.py --json "$O/torch-attention-forward.json"
run 330 bash .gpu/run.sh .gpu/app/flash-attention-tensor-cores-bench.mjs --json "$O/webgpu-tensor-core-forward.json"
run 420 bash .gpu/run.sh .gpu/app/flash-attention-tensor-cores-backward-bench.mjs --json "$O/webgpu-tensor-core-backward.json"
