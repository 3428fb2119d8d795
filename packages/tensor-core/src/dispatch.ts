import type { Device } from './device.js';
import { itemsize } from './dtype.js';
import { checkNotCuttingGraph } from './grad-mode.js';
import { DeviceError, ShapeError } from './errors.js';
import { OP_SET } from './ops/op-set.js';
import type { OpName, OpParams } from './ops/op-params.js';
import { numel } from './shape.js';
import { Storage } from './storage.js';
import { Tensor } from './tensor.js';

/** The device all inputs live on; errors name the op and every device involved. */
export function commonDevice(op: string, inputs: readonly Tensor[]): Device {
  const first = inputs[0]!.device;
  for (const t of inputs) {
    if (t.isDisposed) void t.storage; // throws DisposedError with the tensor's description
    if (t.device !== first) {
      throw new DeviceError(`${op}: inputs are on different devices (${inputs.map((x) => x.device.name).join(', ')}); move them to one device first`);
    }
  }
  return first;
}

/**
 * Runs one op of the op set: checks the inputs, applies the shape rule, allocates the outputs on the
 * inputs' device (or `device` for ops with no inputs) and queues the kernel. Returns the outputs
 * (none for in-place ops).
 */
export function runOp<K extends OpName>(op: K, inputs: readonly Tensor[], params: OpParams<K>, device?: Device): Tensor[] {
  const def = OP_SET[op];
  if (def.arity === 'variadic' ? inputs.length === 0 : inputs.length !== def.arity) {
    throw new ShapeError(`${op}: expected ${def.arity === 'variadic' ? 'at least one' : def.arity} input${def.arity === 1 ? '' : 's'}, got ${inputs.length}`);
  }
  const dev = inputs.length ? commonDevice(op, inputs) : device;
  if (!dev) throw new DeviceError(`${op}: no device given`);
  checkNotCuttingGraph(op, inputs, params);
  const metas = def.infer(inputs, params);
  const outputs = metas.map((m) => new Tensor(new Storage(dev, numel(m.shape) * itemsize(m.dtype), m.dtype), m.shape, m.dtype));
  try {
    dev.run(op, inputs, outputs, params);
  } catch (e) {
    for (const o of outputs) o.dispose();
    throw e;
  }
  return outputs;
}

/** runOp for ops with exactly one output. */
export function runOp1<K extends OpName>(op: K, inputs: readonly Tensor[], params: OpParams<K>, device?: Device): Tensor {
  return runOp(op, inputs, params, device)[0]!;
}
