"""cuBLAS GEMM peers of the WebGPU tensor-core GEMM probe (packages/kernels-wgsl/bench/tensor-core-gemm.ts):
C = A·B at N³ in fp32 on the FMA units (TF32 off), TF32 and fp16 tensor cores, CUDA-event timed.

    python3 scripts/bench/torch_gemm.py [--json out.json] [--n 4096]
"""
import json
import sys

import torch

n = int(sys.argv[sys.argv.index("--n") + 1]) if "--n" in sys.argv else 4096
rows = []
for name, dtype, tf32 in (("fp32", torch.float32, False), ("tf32", torch.float32, True), ("fp16", torch.float16, False)):
    torch.backends.cuda.matmul.allow_tf32 = tf32
    a = torch.randn(n, n, device="cuda", dtype=dtype)
    b = torch.randn(n, n, device="cuda", dtype=dtype)
    for _ in range(5):
        a @ b
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    times = []
    for _ in range(10):
        start.record()
        a @ b
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    ms = sorted(times)[len(times) // 2]
    row = {"gemm": name, "n": n, "ms": ms, "tflops": 2 * n**3 / ms / 1e9}
    rows.append(row)
    print(json.dumps(row), flush=True)
torch.backends.cuda.matmul.allow_tf32 = False
if "--json" in sys.argv:
    with open(sys.argv[sys.argv.index("--json") + 1], "w") as f:
        json.dump({"device": torch.cuda.get_device_name(), "torch": torch.__version__, "rows": rows}, f, indent=1)
