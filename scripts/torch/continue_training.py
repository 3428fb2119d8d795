"""Continue a lightattn training run in PyTorch, on one or many GPUs, exactly where it stopped.

    lightattn export-torch runs/my-run handoff                      # in lightattn
    torchrun --nproc_per_node=8 scripts/torch/continue_training.py handoff continued [--strategy fsdp]
    lightattn train --resume continued                              # and back

The hand-off folder holds the model (Hugging Face names), AdamW's state in torch.optim's layout, the
token ids, the data-loader position and the schedule. This script rebuilds the same optimizer groups
(matrices with weight decay, vectors without), loads the state, and runs the trainer's own loop: the
learning rate lr0 * schedule(step), the batches in the trainer's order (lightattn_handoff.py), the
mean token loss, global gradient-norm clipping, AdamW. Each rank takes batch / world_size rows of
every batch, and DDP (or FSDP2) averages the gradients: the same mean gradient as one process.
GPT-2 runs use transformers' GPT2LMHeadModel (PyTorch SDPA attention: lightattn's attention
implementations are memory strategies with the same math); LEAP runs use leap_model.py.

At the end (or after --steps) rank 0 writes `OUT/step-NNNNNN` and `OUT/latest.json`: a lightattn
checkpoint with the optimizer state, which `lightattn train --resume OUT`, `eval` and `sample` read.
Every step's loss goes to --log as JSON lines {"step", "loss", "lr"}.

Without torchrun it runs as one process. --device cpu uses the gloo backend (two processes on one
machine exercise the same DDP/FSDP code as two GPUs); cuda uses nccl with one GPU per process.
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.distributed as dist

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lightattn_handoff as handoff_io  # noqa: E402
from leap_model import LeapForCausalLM  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("handoff", help="a folder written by `lightattn export-torch`")
    p.add_argument("out", help="a new folder for the lightattn checkpoint written at the end")
    p.add_argument("--steps", type=int, default=None, help="optimizer steps to run (default: to the run's end)")
    p.add_argument("--strategy", choices=["ddp", "fsdp"], default="ddp", help="DistributedDataParallel or FSDP2 (fully_shard)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--log", default=None, help="JSON lines of each step's loss (rank 0)")
    return p.parse_args()


def setup(device_choice):
    cuda = torch.cuda.is_available() if device_choice == "auto" else device_choice == "cuda"
    distributed = "WORLD_SIZE" in os.environ
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
    rank, world = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
    if cuda:
        local = int(os.environ.get("LOCAL_RANK", 0))
        torch.cuda.set_device(local)
        return torch.device("cuda", local), rank, world, distributed
    return torch.device("cpu"), rank, world, distributed


def tensor_of(entry):
    dtype, shape, data = entry
    if dtype != "F32":
        raise SystemExit(f"expected F32 tensors in the hand-off, got {dtype}")
    return torch.frombuffer(bytearray(data), dtype=torch.float32).reshape(shape).clone()


def entry_of(t):
    t = t.detach().to("cpu", torch.float32).contiguous()
    return ("F32", list(t.shape), t.numpy().tobytes())


def build_model(export_dir, handoff):
    with open(os.path.join(export_dir, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    _, weights = handoff_io.read_safetensors(os.path.join(export_dir, "model.safetensors"))
    state = {name: tensor_of(e) for name, e in weights.items()}
    if handoff["kind"] == "leap":
        # The original LEAP head may carry a bias; the file says whether it does.
        model = LeapForCausalLM({**config, "proj_logits_bias": "proj_logits.bias" in weights}, handoff["leapWindows"])
    else:
        try:
            from transformers import AutoModelForCausalLM, GPT2Config

            model = AutoModelForCausalLM.from_config(GPT2Config.from_dict(config), attn_implementation="sdpa")
        except ImportError:
            from gpt2_model import GPT2LMHeadModel

            if os.environ.get("RANK", "0") == "0":
                print("transformers is not installed: GPT-2 runs as scripts/torch/gpt2_model.py (the same function, plain PyTorch)", flush=True)
            model = GPT2LMHeadModel(config)
    missing, unexpected = model.load_state_dict(state, strict=False)
    tied = {"lm_head.weight", "proj_logits.weight"}
    missing = [k for k in missing if k not in tied and not k.endswith(".attn.bias") and not k.endswith(".attn.masked_bias")]
    if missing or unexpected:
        raise SystemExit(f"the hand-off's weights do not fit the model: missing {missing}, unexpected {unexpected}")
    return model.float(), list(weights)


def main():
    args = parse_args()
    device, rank, world, distributed = setup(args.device)
    if rank == 0:
        handoff_io.check_new_folder(args.out)
    h = handoff_io.read_handoff(args.handoff)
    s = h["trainerState"]["settings"]
    if s["batch"] % world:
        raise SystemExit(f"the run's batch {s['batch']} does not split over {world} processes; use a process count that divides it")
    torch.manual_seed(s["seed"])

    model, weight_names = build_model(args.handoff, h)
    model.to(device).train()
    state, groups, names = handoff_io.read_torch_optimizer(args.handoff, h)
    params = dict(model.named_parameters())
    opt_groups = [{"params": [params[names[i]] for i in g["params"]], **{k: v for k, v in g.items() if k != "params"}} for g in groups]

    if args.strategy == "fsdp" and distributed:
        from torch.distributed.fsdp import fully_shard

        blocks = model.transformer.h if h["kind"] == "gpt2" else model.leap_model.decoders
        for block in blocks:
            fully_shard(block)
        fully_shard(model)
        params = dict(model.named_parameters())  # now sharded DTensors, under the same names
        opt_groups = [{**g, "params": [params[names[i]] for i in grp["params"]]} for g, grp in zip(opt_groups, groups)]
    optimizer = torch.optim.AdamW(opt_groups, lr=groups[0]["lr"], betas=tuple(groups[0]["betas"]), eps=groups[0]["eps"])
    full_state = {
        "state": {i: {"step": torch.tensor(float(st["step"])), "exp_avg": tensor_of(st["exp_avg"]), "exp_avg_sq": tensor_of(st["exp_avg_sq"])} for i, st in state.items()},
        "param_groups": [{k: v for k, v in g.items()} for g in groups],
    }
    if args.strategy == "fsdp" and distributed:
        from torch.distributed.checkpoint.state_dict import StateDictOptions, set_optimizer_state_dict

        by_name = {
            "state": {names[i]: st for i, st in full_state["state"].items()},
            "param_groups": [{**g, "params": [names[i] for i in g["params"]]} for g in full_state["param_groups"]],
        }
        set_optimizer_state_dict(model, optimizer, optim_state_dict=by_name, options=StateDictOptions(full_state_dict=True))
        train_model = model
    else:
        optimizer.load_state_dict(full_state)
        train_model = torch.nn.parallel.DistributedDataParallel(model) if distributed else model

    train = torch.frombuffer(bytearray(handoff_io.read_tokens(args.handoff, h["files"]["trainTokens"]).tobytes()), dtype=torch.int32).long()
    pos = h["trainerState"]["loader"]
    loader = handoff_io.BatchLoader(len(train), s["batch"], s["seq"], s["seed"], pos["epoch"], pos["batch"])
    schedule = handoff_io.lr_factor(s["schedule"], s["warmup"], h["totalSteps"], s["minLrRatio"])
    start = h["step"]
    end = start + args.steps if args.steps is not None else h["totalSteps"]
    if end is None:
        raise SystemExit("the run has no step count (it was time-limited): pass --steps")
    rows = s["batch"] // world
    log = open(args.log, "w", encoding="utf-8") if args.log and rank == 0 else None
    began, last_loss = time.time(), h["trainerState"].get("lastLoss")
    for step in range(start, end):
        factor = schedule(step)
        for g in optimizer.param_groups:
            g["lr"] = g["initial_lr"] * factor
        starts = loader.next()[rank * rows : (rank + 1) * rows]
        ids = torch.stack([train[i : i + s["seq"]] for i in starts]).to(device)
        loss = train_model(input_ids=ids, labels=ids).loss
        loss.backward()
        if s["clip"] > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), s["clip"])
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        value = loss.detach()
        if distributed:
            dist.all_reduce(value)
            value = value / world
        last_loss = value.item()
        if log:
            log.write(json.dumps({"step": step + 1, "loss": last_loss, "lr": optimizer.param_groups[0]["lr"]}) + "\n")
            log.flush()
    seconds = time.time() - began

    # Gather the full model and optimizer state, keyed by parameter index as the hand-off was.
    if args.strategy == "fsdp" and distributed:
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict, get_optimizer_state_dict

        opts = StateDictOptions(full_state_dict=True, cpu_offload=True)
        model_state = get_model_state_dict(model, options=opts)
        named_opt = get_optimizer_state_dict(model, optimizer, options=opts)
        index = {n: i for i, n in enumerate(names)}
        opt_state = {index[n]: st for n, st in named_opt["state"].items()}
    else:
        model_state = model.state_dict()
        opt_state = optimizer.state_dict()["state"]
    if rank == 0:
        weights = {name: entry_of(model_state[name]) for name in weight_names}
        back = {i: {"exp_avg": entry_of(st["exp_avg"]), "exp_avg_sq": entry_of(st["exp_avg_sq"]), "step": int(float(st["step"]))} for i, st in opt_state.items()}
        back_groups = [{**{k: v for k, v in g.items() if k != "params"}, "params": grp["params"]} for g, grp in zip(optimizer.param_groups, groups)]
        os.makedirs(args.out, exist_ok=True)
        path = handoff_io.write_checkpoint(args.out, args.handoff, h, weights, back, back_groups, loader.position, end - start, last_loss, seconds)
        print(f"ran steps {start + 1}-{end} on {world} process(es) ({args.strategy}, {device.type}); last loss {last_loss:.6f}; wrote {path}", flush=True)
    if log:
        log.close()
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
