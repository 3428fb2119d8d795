#!/usr/bin/env bash
# One run of a GPU machine for the tensor-core experiments (docs/benchmarks.md, "tensor cores through
# WebGPU"): cuBLAS GEMM peers and the WebGPU subgroup-matrix GEMM shapes, then PyTorch SDPA's
# memory-efficient forward (and backward) and the tensor-core flash forwards and backwards against the f32 kernels.
# Prepare: bundle what to measure into .gpu/app/, next to .gpu/run.sh (a wrapper that runs a bundle
# with Node and the `webgpu` package)
# (docs/benchmarks.md): tensor-core-gemm.ts, lab/flash/tensor-cores-forward-bench.ts,
# lab/flash/tensor-cores-backward-bench.ts, light-ops' attention-bench.ts as attention-<name>.mjs.
# Run on the GPU machine:
#   bash scripts/bench/gpu-tensor-cores.sh
set -uo pipefail
export PYTHONUNBUFFERED=1
O=${OUT:-/tmp/out}
mkdir -p "$O"
log="$O/gpu-tensor-cores.log"
run() { echo "=== $*" | tee -a "$log"; timeout "$1" "${@:2}" 2>&1 | tee -a "$log"; echo "=== exit ${PIPESTATUS[0]}" | tee -a "$log"; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee -a "$log"
# The SM clock, power state and power draw every 200 ms, to see what the first seconds' slowness is.
nvidia-smi --query-gpu=timestamp,clocks.sm,clocks.mem,pstate,power.draw,temperature.gpu --format=csv -lms 200 > "$O/clocks.csv" 2>&1 &
clocks=$!
# Each bundle that was prepared runs (so a run can leave out what it does not measure).
have() { [ -f ".gpu/app/$1.mjs" ]; }
have tensor-core-gemm && run 60 python3 scripts/bench/torch_gemm.py --json "$O/torch-gemm.json"
have tensor-core-gemm && run 150 bash .gpu/run.sh .gpu/app/tensor-core-gemm.mjs --json "$O/webgpu-tensor-core-gemm.json"
run 60 python3 scripts/bench/torch_attention_forward.py --json "$O/torch-attention-forward.json"
have flash-attention-tensor-cores-bench && run 330 bash .gpu/run.sh .gpu/app/flash-attention-tensor-cores-bench.mjs --short --json "$O/webgpu-tensor-core-forward.json"
have flash-attention-tensor-cores-backward-bench && run 420 bash .gpu/run.sh .gpu/app/flash-attention-tensor-cores-backward-bench.mjs --short --json "$O/webgpu-tensor-core-backward.json"
# The kernel benches above time T 1024 and 4096 (--short). End to end through the library
# (packages/light-ops/bench/attention-bench.ts): one bundle per kernel selection being compared
# (attention-<name>.mjs), at each T in $E2E_T (default 4096), for each device maxBatchMs in
# $BATCH_MS ("default": the device's default).
for b in .gpu/app/attention-*.mjs; do
  [ -f "$b" ] || continue
  n=$(basename "$b" .mjs)
  for t in ${E2E_T:-4096}; do
    for ms in ${BATCH_MS:-default}; do
      extra=()
      [ "$ms" = default ] || extra=(--batch-ms "$ms")
      run 200 bash .gpu/run.sh "$b" --only flash --tensor-cores --t "$t" --samples 15 "${extra[@]}" --json "$O/$n-t$t-batch-$ms.json"
    done
  done
done
kill "$clocks" 2>/dev/null
