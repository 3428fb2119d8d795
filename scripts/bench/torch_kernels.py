"""PyTorch side of the kernel benchmark (issue: kernels-wgsl), run on a GPU machine in the same call as
the WebGPU side (apps/bench) so both are measured on one GPU:

    python3 scripts/bench/torch_kernels.py $OUT/torch-kernels.json

matmul: cuBLAS fp32 with TF32 off, TFLOP/s = 2·M·N·K / time. softmax / layer norm: GB/s counting
one read and one write of the tensor, beside a device-to-device copy of the same bytes.
Times are medians of CUDA-event-timed runs after warm-up.
"""
import json
import sys

import torch

assert torch.cuda.is_available(), "needs a CUDA GPU"
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
dev = torch.device("cuda")


def median_ms(fn, warmup=5, reps=30):
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        s = torch.cuda.Event(enable_timing=True)
        e = torch.cuda.Event(enable_timing=True)
        s.record()
        fn()
        e.record()
        torch.cuda.synchronize()
        times.append(s.elapsed_time(e))
    times.sort()
    return times[len(times) // 2]


results = {"device": torch.cuda.get_device_name(0), "torch": torch.__version__, "matmul": [], "bandwidth": []}
for (m, k, n) in [(1024, 1024, 1024), (4096, 4096, 4096), (8192, 768, 3072)]:
    a = torch.randn(m, k, device=dev)
    b = torch.randn(k, n, device=dev)
    ms = median_ms(lambda: torch.mm(a, b))
    results["matmul"].append({"m": m, "k": k, "n": n, "ms": ms, "tflops": 2 * m * n * k / (ms * 1e-3) / 1e12})

for name, shape in [("softmax", (4 * 12 * 1024, 1024)), ("layernorm", (4 * 1024, 768)), ("layernorm", (65536, 768))]:
    x = torch.randn(*shape, device=dev)
    nbytes = x.numel() * 4 * 2
    if name == "softmax":
        ms = median_ms(lambda: torch.softmax(x, dim=-1))
    else:
        w = torch.ones(shape[-1], device=dev)
        bias = torch.zeros(shape[-1], device=dev)
        ms = median_ms(lambda: torch.nn.functional.layer_norm(x, (shape[-1],), w, bias, 1e-5))
    copy_ms = median_ms(lambda: x.clone())
    results["bandwidth"].append({"op": name, "shape": list(shape), "ms": ms, "gbps": nbytes / (ms * 1e-3) / 1e9, "copy_ms": copy_ms, "copy_gbps": nbytes / (copy_ms * 1e-3) / 1e9})

with open(sys.argv[1], "w") as f:
    json.dump(results, f, indent=1)
for r in results["matmul"]:
    print(f"torch matmul {r['m']}x{r['k']}x{r['n']}: {r['ms']:.3f} ms, {r['tflops']:.1f} TFLOP/s")
for r in results["bandwidth"]:
    print(f"torch {r['op']} {r['shape']}: {r['gbps']:.0f} GB/s (copy {r['copy_gbps']:.0f} GB/s)")
