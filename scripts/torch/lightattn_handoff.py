"""Reading and writing lightattn's hand-off folders in plain Python (no PyTorch needed).

`lightattn export-torch RUN OUT` writes a folder that continue_training.py continues from; this
module holds the parts of that exchange that must agree with lightattn bit for bit, so that a run
moved to PyTorch sees the batches, learning rates and optimizer state the uninterrupted run would:

- Philox4x32-10 and the trainer's batch order (apps/trainer/src/data/batch-loader.ts): each epoch
  cuts the tokens into windows at a random phase and visits them in a Fisher-Yates order, both
  drawn from Philox at (seed, 0x10ad + epoch);
- the learning-rate schedule (apps/trainer/src/train/optimizer.ts): linear warmup, then cosine or
  linear decay to min_lr_ratio over the run's remaining steps, or constant;
- safetensors files (the format is a little-endian u64 header length, a JSON header, the payload);
- the optimizer state both ways: torch.optim's layout (state.<i>.exp_avg / exp_avg_sq / step,
  param_groups with PyTorch's keys) and lightattn's (lightattn.optimizer/1 metadata);
- the checkpoint folder lightattn's `train --resume`, `eval` and `sample` read.

Run as a script it prints what the tests compare against the TypeScript side:
    python3 scripts/torch/lightattn_handoff.py batches TOKENS SEQ BATCH SEED COUNT
    python3 scripts/torch/lightattn_handoff.py schedule NAME WARMUP TOTAL MIN_RATIO STEPS
    python3 scripts/torch/lightattn_handoff.py optimizer-roundtrip EXPORT_DIR OUT_FILE
    python3 scripts/torch/lightattn_handoff.py checkpoint EXPORT_DIR OUT_DIR   (the way back, 0 steps run)
"""
import json
import math
import os
import struct
import sys
import time
from array import array

MASK = 0xFFFFFFFF
M0, M1 = 0xD2511F53, 0xCD9E8D57
W0, W1 = 0x9E3779B9, 0xBB67AE85
HANDOFF_FORMAT = "lightattn.torch-handoff/1"
OPTIMIZER_FORMAT = "lightattn.optimizer/1"
TRAINER_STATE_FORMAT = "lightattn.trainer/1"


def philox4x32(seed, offset, block):
    """Philox4x32-10 with lightattn's mapping: key (seed lo, seed hi), counter (block lo, block hi, offset lo, offset hi)."""
    c0, c1, c2, c3 = block & MASK, (block >> 32) & MASK, offset & MASK, (offset >> 32) & MASK
    k0, k1 = seed & MASK, (seed >> 32) & MASK
    for _ in range(10):
        p0, p1 = M0 * c0, M1 * c2
        c0, c1, c2, c3 = ((p1 >> 32) ^ c1 ^ k0) & MASK, p1 & MASK, ((p0 >> 32) ^ c3 ^ k1) & MASK, p0 & MASK
        k0, k1 = (k0 + W0) & MASK, (k1 + W1) & MASK
    return c0, c1, c2, c3


class Draws:
    """Uniform integers below n from Philox at (seed, stream), four per counter block, in order."""

    def __init__(self, seed, stream):
        self.seed, self.stream, self.i = seed, stream, 0

    def below(self, n):
        k = self.i
        self.i += 1
        return philox4x32(self.seed, self.stream, k // 4)[k % 4] % n


class BatchLoader:
    """The trainer's batches: `next()` gives the window starts of the next batch and moves the position on."""

    def __init__(self, n_tokens, batch, seq, seed, epoch=0, batch_index=0):
        self.n_tokens, self.batch, self.seq, self.seed = n_tokens, batch, seq, seed
        self.epoch, self.batch_index = epoch, batch_index
        self.windows = n_tokens // seq
        if self.windows < batch:
            raise ValueError(f"{n_tokens} tokens make {self.windows} windows of {seq}, fewer than the batch {batch}")
        # Later epochs shift their cuts only when losing a window to the shift keeps every batch.
        self.phased = (self.windows - 1) // batch >= 1
        self.batches_per_epoch = (self.windows - 1 if self.phased else self.windows) // batch
        self._order, self._order_epoch = None, -1

    def epoch_order(self, epoch):
        if self._order_epoch == epoch:
            return self._order
        draws = Draws(self.seed, 0x10AD + epoch)
        phase = 0 if epoch == 0 or not self.phased else draws.below(self.seq)
        count = (self.n_tokens - phase) // self.seq
        order = [phase + i * self.seq for i in range(count)]
        for i in range(count - 1, 0, -1):  # Fisher-Yates
            j = draws.below(i + 1)
            order[i], order[j] = order[j], order[i]
        self._order, self._order_epoch = order, epoch
        return order

    def next(self):
        if self.batch_index >= self.batches_per_epoch:
            self.epoch, self.batch_index = self.epoch + 1, 0
        order = self.epoch_order(self.epoch)
        starts = order[self.batch_index * self.batch : (self.batch_index + 1) * self.batch]
        self.batch_index += 1
        return starts

    @property
    def position(self):
        return {"epoch": self.epoch, "batch": self.batch_index}


def lr_factor(name, warmup, total_steps, min_ratio):
    """The multiplier of the initial lr at a 0-based step, as the trainer's lrSchedule."""
    decay_steps = None if total_steps is None else max(1, total_steps - warmup)

    def after(step):
        if name == "constant" or decay_steps is None:
            return 1.0
        if step >= decay_steps:
            return min_ratio
        if name == "cosine":
            return min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * step / decay_steps))
        return 1 - (1 - min_ratio) * (step / decay_steps)

    return lambda step: (step + 1) / warmup if step < warmup else after(step - warmup)


# safetensors ---------------------------------------------------------------------------------------

def read_safetensors(path):
    """→ (metadata, {name: (dtype, shape, bytes)})."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    metadata = header.pop("__metadata__", {})
    base = 8 + n
    tensors = {name: (e["dtype"], e["shape"], data[base + e["data_offsets"][0] : base + e["data_offsets"][1]]) for name, e in header.items()}
    return metadata, tensors


def write_safetensors(path, tensors, metadata=None):
    """Writes {name: (dtype, shape, bytes)} sorted by name, the header padded to 8 bytes as lightattn does."""
    header, offset, payload = {}, 0, []
    if metadata:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata)}
    for name in sorted(tensors):
        dtype, shape, data = tensors[name]
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        payload.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(payload))


def f32_scalar(x):
    return ("F32", [], struct.pack("<f", x))


# optimizer state -----------------------------------------------------------------------------------

def read_torch_optimizer(export_dir, handoff):
    """The exported AdamW state: ({i: {"exp_avg": (dtype, shape, bytes), "exp_avg_sq": …, "step": int}}, param_groups, param_names)."""
    metadata, tensors = read_safetensors(os.path.join(export_dir, handoff["files"]["optimizer"]))
    state = {}
    for key, value in tensors.items():
        _, i, name = key.split(".", 2)
        entry = state.setdefault(int(i), {})
        entry[name] = int(round(struct.unpack("<f", value[2])[0])) if name == "step" else value
    return state, json.loads(metadata["param_groups"]), json.loads(metadata["param_names"])


def lightattn_optimizer_bytes_to_file(path, state, param_groups):
    """Writes AdamW state in lightattn's layout. `state` {i: {"exp_avg", "exp_avg_sq": (dtype, shape, bytes), "step": int}};
    `param_groups` with PyTorch's keys (lr, initial_lr, betas, eps, weight_decay, params)."""
    tensors, steps = {}, {}
    for i in sorted(state):
        s = state[i]
        tensors[f"state.{i}.exp_avg"] = s["exp_avg"]
        tensors[f"state.{i}.exp_avg_sq"] = s["exp_avg_sq"]
        steps[str(i)] = int(s["step"])
    groups = [
        {"lr": g["lr"], "betas": list(g["betas"]), "eps": g["eps"], "weightDecay": g["weight_decay"], "initialLr": g.get("initial_lr", g["lr"]), "params": list(g["params"])}
        for g in param_groups
    ]
    write_safetensors(path, tensors, {"format": OPTIMIZER_FORMAT, "kind": "AdamW", "param_groups": json.dumps(groups), "steps": json.dumps(steps)})


# hand-off and checkpoint folders -------------------------------------------------------------------

def read_handoff(export_dir):
    with open(os.path.join(export_dir, "handoff.json"), encoding="utf-8") as f:
        handoff = json.load(f)
    if handoff.get("format") != HANDOFF_FORMAT:
        raise ValueError(f"{export_dir}/handoff.json: format {handoff.get('format')!r} is not {HANDOFF_FORMAT} (write it with `lightattn export-torch`)")
    return handoff


def read_tokens(export_dir, name):
    tokens = array("i")
    with open(os.path.join(export_dir, name), "rb") as f:
        tokens.frombytes(f.read())
    if sys.byteorder != "little":
        tokens.byteswap()
    return tokens


def check_new_folder(path):
    """The output folder must not exist yet, or be empty: nothing is ever replaced."""
    if os.path.exists(path) and (not os.path.isdir(path) or os.listdir(path)):
        raise SystemExit(f"{path} already exists and is not an empty folder; nothing was written. Pick a new folder name.")


def write_checkpoint(out_dir, export_dir, handoff, weights, optimizer_state, param_groups, position, steps_run, last_loss, seconds):
    """A lightattn checkpoint folder `out_dir/step-NNNNNN` (+ latest.json) that `lightattn train --resume out_dir` continues.

    weights: {name: (dtype, shape, bytes)} under the exported model.safetensors' names."""
    state = dict(handoff["trainerState"])
    s = state["settings"]
    step = handoff["step"] + steps_run
    state.update(
        step=step,
        tokensSeen=state["tokensSeen"] + steps_run * s["batch"] * s["seq"],
        elapsedMs=state["elapsedMs"] + round(seconds * 1000),
        loader=position,
        lastLoss=last_loss,
        savedAt=time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
    )
    name = f"step-{step:06d}"
    tmp = os.path.join(out_dir, f".tmp-{name}-{os.getpid()}")
    os.makedirs(tmp)
    for copied in ("config.json", "tokenizer.json"):
        with open(os.path.join(export_dir, copied), "rb") as src, open(os.path.join(tmp, copied), "wb") as dst:
            dst.write(src.read())
    metadata, _ = read_safetensors(os.path.join(export_dir, "model.safetensors"))
    write_safetensors(os.path.join(tmp, "model.safetensors"), weights, metadata)
    lightattn_optimizer_bytes_to_file(os.path.join(tmp, "optimizer.safetensors"), optimizer_state, param_groups)
    with open(os.path.join(tmp, "trainer_state.json"), "w", encoding="utf-8") as f:
        json.dump(state, f, indent=2)
    os.rename(tmp, os.path.join(out_dir, name))
    with open(os.path.join(out_dir, "latest.json"), "w", encoding="utf-8") as f:
        json.dump({"step": step, "dir": name}, f, indent=2)
    return os.path.join(out_dir, name)


def main(argv):
    what = argv[0]
    if what == "batches":
        n_tokens, seq, batch, seed, count = map(int, argv[1:6])
        loader = BatchLoader(n_tokens, batch, seq, seed)
        print(json.dumps({"batchesPerEpoch": loader.batches_per_epoch, "batches": [loader.next() for _ in range(count)], "position": loader.position}))
    elif what == "schedule":
        name, warmup, total, min_ratio, steps = argv[1], int(argv[2]), None if argv[3] == "null" else int(argv[3]), float(argv[4]), int(argv[5])
        f = lr_factor(name, warmup, total, min_ratio)
        print(json.dumps([f(i) for i in range(steps)]))
    elif what == "optimizer-roundtrip":
        export_dir, out = argv[1], argv[2]
        state, groups, _ = read_torch_optimizer(export_dir, read_handoff(export_dir))
        lightattn_optimizer_bytes_to_file(out, state, groups)
    elif what == "checkpoint":
        export_dir, out = argv[1], argv[2]
        check_new_folder(out)
        h = read_handoff(export_dir)
        state, groups, _ = read_torch_optimizer(export_dir, h)
        metadata, weights = read_safetensors(os.path.join(export_dir, "model.safetensors"))
        os.makedirs(out, exist_ok=True)
        print(write_checkpoint(out, export_dir, h, weights, state, groups, h["trainerState"]["loader"], 0, h["trainerState"]["lastLoss"], 0.0))
    else:
        raise SystemExit(f"unknown command {what!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
