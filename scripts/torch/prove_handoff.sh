#!/usr/bin/env bash
# The hand-off proof: for GPT-2 and LEAP, an uninterrupted lightattn run of 18 steps against the chain
# lightattn (steps 1-6) -> PyTorch DDP or FSDP2 (7-12) -> lightattn --resume (13-18), dropout off.
# Every step's loss must match the uninterrupted run within f32 tolerance.
#
#   bash scripts/torch/prove_handoff.sh WORK_DIR
#
# LIGHTATTN: how to run the CLI (default: from this checkout with tsx); NPROC: processes per torchrun
# (default 2); TORCH_DEVICE: cpu (gloo, default) or cuda (nccl, one GPU per process); MODELS (default
# "gpt2 leap") and STRATEGIES (default "ddp fsdp") choose the cases; PYTHON: the Python with torch.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:?usage: prove_handoff.sh WORK_DIR}
lightattn=${LIGHTATTN:-node --conditions=source --import tsx $root/apps/trainer/src/cli.ts}
nproc=${NPROC:-2}
device=${TORCH_DEVICE:-cpu}
python=${PYTHON:-python3}
mkdir -p "$work"
cat "$root"/docs/*.md > "$work/text.txt"   # real English text that ships with the repository
common=(--seq 32 --batch 4 --steps 18 --lr 3e-3 --warmup 3 --schedule cosine --dropout 0 --eval-interval 0
  --ckpt-interval 6 --keep 10 --device cpu --data "$work/text.txt" --seed 3 --quiet)
status=0
for model in ${MODELS:-gpt2 leap}; do
  flags=(--preset gpt2-tiny); [ "$model" = leap ] && flags=(--model leap)
  dir="$work/$model"
  $lightattn train "${flags[@]}" "${common[@]}" --ckpt-dir "$dir/ref" > "$dir.ref.txt"
  $lightattn export-torch "$dir/ref/step-000006" "$dir/export"
  legs=()
  for strategy in ${STRATEGIES:-ddp fsdp}; do
    "$python" -m torch.distributed.run --standalone --nproc_per_node="$nproc" "$here/continue_training.py" "$dir/export" "$dir/$strategy" \
      --steps 6 --strategy "$strategy" --device "$device" --log "$dir/$strategy.jsonl"
    $lightattn train --resume "$dir/$strategy" --device cpu --quiet > "$dir.$strategy.back.txt"
    legs+=("pytorch-$strategy=$dir/$strategy.jsonl" "back-in-lightattn-after-$strategy=$dir/$strategy/metrics.jsonl")
  done
  echo "## $model"
  "$python" "$here/compare_runs.py" "$dir/ref/metrics.jsonl" "${legs[@]}" || status=1
done
exit $status
