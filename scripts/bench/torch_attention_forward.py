"""Forward-only causal attention in PyTorch, the peer of the tensor-core flash forward
(packages/kernels-wgsl/lab/flash/tensor-cores-forward-bench.ts): fp32, B 4, H 12, D 64,
SDPA's memory-efficient kernel (3xTF32 tensor-core products for fp32 on sm80+), CUDA-event timed;
also forward + backward, the peer of lab/flash/tensor-cores-backward-bench.ts.

    python3 scripts/bench/torch_attention_forward.py [--json out.json]
"""
import json
import sys

import torch
from torch.nn.attention import SDPBackend, sdpa_kernel

B, H, D = 4, 12, 64
rows = []
for T in (1024, 4096, 16384):
    q, k, v = (torch.randn(B, H, T, D, device="cuda") for _ in range(3))
    with sdpa_kernel(SDPBackend.EFFICIENT_ATTENTION), torch.no_grad():
        for _ in range(5):
            torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True)
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        times = []
        for _ in range(7 if T < 16384 else 3):
            start.record()
            torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True)
            end.record()
            torch.cuda.synchronize()
            times.append(start.elapsed_time(end))
    ms = sorted(times)[len(times) // 2]
    row = {"T": T, "ms": ms, "tflops": 2 * B * H * T * T * D / ms / 1e9}
    # Forward + backward (the backward alone is the difference): the peer of the tensor-core backward bench.
    q, k, v = (x.requires_grad_() for x in (q, k, v))
    g = torch.randn_like(q)
    with sdpa_kernel(SDPBackend.EFFICIENT_ATTENTION):
        for _ in range(3):
            torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True).backward(g)
        times = []
        for _ in range(7 if T < 16384 else 3):
            start.record()
            torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True).backward(g)
            end.record()
            torch.cuda.synchronize()
            times.append(start.elapsed_time(end))
    both = sorted(times)[len(times) // 2]
    row["forward_backward_ms"] = both
    row["backward_ms"] = both - ms
    row["backward_tflops"] = 5 * B * H * T * T * D / (both - ms) / 1e9
    rows.append(row)
    print(f"torch SDPA memory-efficient forward T {T}: {ms:.3f} ms, {row['tflops']:.2f} TFLOP/s; backward {both - ms:.3f} ms, {row['backward_tflops']:.2f} TFLOP/s; both {both:.3f} ms")
if "--json" in sys.argv:
    with open(sys.argv[sys.argv.index("--json") + 1], "w") as f:
        json.dump({"device": torch.cuda.get_device_name(), "torch": torch.__version__, "rows": rows}, f, indent=1)
