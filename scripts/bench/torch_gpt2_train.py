"""PyTorch side of the trainer benchmark (`lightattn bench speed --preset gpt2 --batch 4 --seq 1024`),
run on a GPU machine in the same call so both are measured on one GPU:

    python3 scripts/bench/torch_gpt2_train.py $OUT/torch-gpt2-train.json

GPT-2 small from transformers' GPT2Config (12 layers, 12 heads, d 768, vocabulary 50257, dropout 0.1,
random weights: nothing is downloaded), batch 4 × 1024 random tokens, fp32 with TF32 off, AdamW
(lr 1e-4, weight decay 0.1). Configurations as in the design notes' reference: eager attention,
SDPA restricted to its memory-efficient kernel, and that with activation checkpointing per block.
A step is forward with the loss, backward and the optimizer step; its time is the median of
CUDA-event-timed steps after warm-up, with the wall-clock time up to torch.cuda.synchronize() beside
it; tokens/s = 4096 / wall time (the WebGPU trainer times its steps by the wall clock too). Peak memory
is torch.cuda.max_memory_allocated() during the timed steps (weights, gradients and AdamW state
included); "above state" is that peak less what stays allocated between steps (weights and AdamW's
moments): activations and gradients.
"""
import contextlib
import json
import sys

import torch
from torch.nn.attention import SDPBackend, sdpa_kernel
from torch_step_timing import median_step_ms
from transformers import AutoModelForCausalLM, GPT2Config

assert torch.cuda.is_available(), "needs a CUDA GPU"
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
dev = torch.device("cuda")
B, T, STEPS, WARMUP = 4, 1024, 8, 2


def measure(attn, checkpointing):
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(GPT2Config(), attn_implementation=attn).to(dev)
    assert model.config._attn_implementation == attn, model.config._attn_implementation
    model.config.use_cache = False
    if checkpointing:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.1)
    ids = torch.randint(0, model.config.vocab_size, (B, T), device=dev)

    def step():
        with sdpa_kernel(SDPBackend.EFFICIENT_ATTENTION) if attn == "sdpa" else contextlib.nullcontext():
            loss = model(ids, labels=ids).loss
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
        return loss

    for _ in range(WARMUP):
        step()
    torch.cuda.synchronize()
    torch.cuda.reset_peak_memory_stats()
    before = torch.cuda.memory_allocated()
    ms, wall = median_step_ms(step, STEPS)
    peak = torch.cuda.max_memory_allocated()
    del model, opt, ids
    torch.cuda.empty_cache()
    return {
        "ms": ms,
        "wall_ms": wall,
        "tokens_per_s": B * T / (wall * 1e-3),
        "peak_mib": peak / 2**20,
        "above_state_mib": (peak - before) / 2**20,
    }


results = {"device": torch.cuda.get_device_name(0), "torch": torch.__version__, "B": B, "T": T, "rows": []}
for name, attn, ckpt in [("eager", "eager", False), ("sdpa-mem-efficient", "sdpa", False), ("sdpa-mem-efficient + checkpointing", "sdpa", True)]:
    try:
        r = measure(attn, ckpt)
    except torch.OutOfMemoryError as e:
        r = {"error": f"out of memory: {str(e).splitlines()[0]}"}
    r["config"] = name
    results["rows"].append(r)
    print(f"torch gpt2 {name}: " + (f"{r['tokens_per_s'] / 1e3:.1f}k tokens/s, {r['wall_ms']:.1f} ms/step (CUDA events {r['ms']:.1f}), peak {r['peak_mib']:.0f} MiB, above state {r['above_state_mib']:.0f} MiB" if "ms" in r else r["error"]), flush=True)

with open(sys.argv[1], "w") as f:
    json.dump(results, f, indent=1)
