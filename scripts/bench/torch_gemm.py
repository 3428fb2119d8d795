"""cuBLAS GEMM peers of the WebGPU GEMMs (packages/kernels-wgsl/bench/tensor-core-gemm.ts and
gemm-engine-bench.ts): C = A·B in fp32 on the FMA units (TF32 off), TF32 and fp16 tensor cores,
CUDA-event timed. Default: N³. With --shapes, also GPT-2 small's products at B·T 8192 with the
transposes gemm-engine-bench.ts uses (forward x·W, dX = dY·Wᵀ, dW = xᵀ·dY), in fp32 and TF32.

    python3 scripts/bench/torch_gemm.py [--json out.json] [--n 4096] [--shapes]
"""
import json
import sys

import torch

n = int(sys.argv[sys.argv.index("--n") + 1]) if "--n" in sys.argv else 4096


def timed(fn):
    for _ in range(5):
        fn()
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    times = []
    for _ in range(10):
        start.record()
        fn()
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    return sorted(times)[len(times) // 2]


rows = []
for name, dtype, tf32 in (("fp32", torch.float32, False), ("tf32", torch.float32, True), ("fp16", torch.float16, False)):
    torch.backends.cuda.matmul.allow_tf32 = tf32
    a = torch.randn(n, n, device="cuda", dtype=dtype)
    b = torch.randn(n, n, device="cuda", dtype=dtype)
    ms = timed(lambda: a @ b)
    row = {"gemm": name, "n": n, "shape": f"{n}³", "ms": ms, "tflops": 2 * n**3 / ms / 1e9}
    rows.append(row)
    print(json.dumps(row), flush=True)
    del a, b

if "--shapes" in sys.argv:
    shapes = []
    for label, c, f, lm in (("qkv 768→2304", 768, 2304, False), ("mlp proj 3072→768", 3072, 768, False), ("lm head 768→50257", 768, 50257, True)):
        shapes.append((f"{label} forward", 8192, f, c, False, lm))
        shapes.append((f"{label} dX", 8192, c, f, False, not lm))
        shapes.append((f"{label} dW", f if lm else c, c if lm else f, 8192, True, False))
    for label, m, nn, k, ta, tb in shapes:
        a = torch.randn(*((k, m) if ta else (m, k)), device="cuda")
        b = torch.randn(*((nn, k) if tb else (k, nn)), device="cuda")
        x = a.t() if ta else a
        y = b.t() if tb else b
        for name, tf32 in (("fp32", False), ("tf32", True)):
            torch.backends.cuda.matmul.allow_tf32 = tf32
            ms = timed(lambda: x @ y)
            row = {"gemm": name, "shape": label, "m": m, "n": nn, "k": k, "ms": ms, "tflops": 2 * m * nn * k / ms / 1e9}
            rows.append(row)
            print(json.dumps(row), flush=True)
        del a, b, x, y
torch.backends.cuda.matmul.allow_tf32 = False
if "--json" in sys.argv:
    with open(sys.argv[sys.argv.index("--json") + 1], "w") as f:
        json.dump({"device": torch.cuda.get_device_name(), "torch": torch.__version__, "rows": rows}, f, indent=1)
