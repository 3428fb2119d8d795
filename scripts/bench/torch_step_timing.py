"""Timing of whole steps for the PyTorch sides of the benchmarks (torch_attention.py,
torch_gpt2_train.py): each step between two CUDA events (its GPU span, like the WebGPU benches'
`gpuSpanMs`) and on the wall clock up to torch.cuda.synchronize() (like their `ms`)."""
import time

import torch


def median_step_ms(step, reps):
    """Runs `step` `reps` times; returns the medians (CUDA-event ms, wall-clock ms)."""
    times, walls = [], []
    for _ in range(reps):
        s = torch.cuda.Event(enable_timing=True)
        e = torch.cuda.Event(enable_timing=True)
        t0 = time.perf_counter()
        s.record()
        step()
        e.record()
        torch.cuda.synchronize()
        walls.append((time.perf_counter() - t0) * 1e3)
        times.append(s.elapsed_time(e))
    times.sort()
    walls.sort()
    return times[len(times) // 2], walls[len(walls) // 2]
