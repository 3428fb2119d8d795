"""PyTorch side of the attention benchmark (issue: light-ops), run on a GPU machine in the same call as
packages/light-ops/bench/attention-bench.ts so both are measured on one GPU:

    python3 scripts/bench/torch_attention.py $OUT/torch-attention.json

Causal forward + backward, fp32, B 4, H 12, D 64, T 1024 / 4096 / 16384, for naive eager attention
(scores, masked softmax, probabilities @ V) and SDPA's memory-efficient backend. TFLOP/s uses the
same convention as the WebGPU bench: 7·B·H·T²·D for causal forward + backward (FlashAttention's
count: 4·B·H·T²·D forward, 2.5× that backward, halved for causality). "Extra memory" is the peak
allocated during one step above what was allocated before it (inputs and the output gradient).
Times are medians of CUDA-event-timed steps after warm-up (the GPU span of a step, like the WebGPU
bench's `gpuSpanMs`), with the wall-clock time of the same steps up to torch.cuda.synchronize()
beside them (like its `ms`); TF32 is off.
"""
import json
import math
import sys

import torch
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel
from torch_step_timing import median_step_ms

torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
dev = torch.device("cuda")
B, H, D = 4, 12, 64


def naive(q, k, v):
    t = q.shape[-2]
    s = (q @ k.transpose(-1, -2)) / math.sqrt(q.shape[-1])
    mask = torch.ones(t, t, dtype=torch.bool, device=q.device).tril()
    s = s.masked_fill(~mask, float("-inf"))
    return torch.softmax(s, dim=-1) @ v


def efficient(q, k, v):
    with sdpa_kernel(SDPBackend.EFFICIENT_ATTENTION):
        return F.scaled_dot_product_attention(q, k, v, is_causal=True)


def measure(fn, t, reps):
    q, k, v = (torch.randn(B, H, t, D, device=dev, requires_grad=True) for _ in range(3))
    g = torch.randn(B, H, t, D, device=dev)

    def step():
        out = fn(q, k, v)
        out.backward(g)
        q.grad = k.grad = v.grad = None

    for _ in range(2):
        step()
    torch.cuda.synchronize()
    base = torch.cuda.memory_allocated()
    torch.cuda.reset_peak_memory_stats()
    ms, wall = median_step_ms(step, reps)
    extra = torch.cuda.max_memory_allocated() - base
    flops = 7 * B * H * t * t * D
    return {"ms": ms, "tflops": flops / (ms * 1e-3) / 1e12, "wall_ms": wall, "wall_tflops": flops / (wall * 1e-3) / 1e12, "extra_mib": extra / 2**20}


# Clocks ramp up under load: ~2 s of large matmuls first.
a = torch.randn(4096, 4096, device=dev)
torch.cuda.synchronize()
for _ in range(100):
    a @ a
torch.cuda.synchronize()

results = {"device": torch.cuda.get_device_name(0), "torch": torch.__version__, "B": B, "H": H, "D": D, "rows": []}
for t in [1024, 4096, 16384]:
    for name, fn in [("naive", naive), ("sdpa-mem-efficient", efficient)]:
        reps = 10 if t < 16384 else 3
        try:
            r = measure(fn, t, reps)
        except torch.OutOfMemoryError as e:
            r = {"error": f"out of memory: {str(e).splitlines()[0]}"}
        torch.cuda.empty_cache()
        r.update({"impl": name, "T": t})
        results["rows"].append(r)
        print(f"torch {name} T={t}: " + (f"{r['ms']:.2f} ms, {r['tflops']:.1f} TFLOP/s (wall {r['wall_ms']:.2f} ms, {r['wall_tflops']:.1f}), extra {r['extra_mib']:.0f} MiB" if "ms" in r else r["error"]), flush=True)

with open(sys.argv[1], "w") as f:
    json.dump(results, f, indent=1)
