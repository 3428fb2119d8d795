import { getDefaultDevice } from '../default-device.js';
import type { Device } from '../device.js';
import { DeviceError } from '../errors.js';
import { assertValidShape, formatShape, numel, type Shape } from '../shape.js';
import { Storage } from '../storage.js';
import { Tensor } from '../tensor.js';
import { CpuDevice, cpuElements } from './cpu-device.js';

/**
 * Exact float64 values of an f32 tensor on a float64 CPU device (`createCpuDevice({ precision: 'f64' })`);
 * on any other device, the f32 values widened. Used by finite-difference gradient checks.
 */
export async function toFloat64Array(t: Tensor): Promise<Float64Array> {
  if (t.device instanceof CpuDevice && t.dtype === 'f32') return Float64Array.from(cpuElements(t));
  return Float64Array.from(await t.toArray());
}

/** An f32 tensor holding `data` at full float64 precision on a float64 CPU device (rounded to f32 elsewhere). */
export function fromFloat64Array(data: ArrayLike<number>, shape: Shape, device: Device = getDefaultDevice()): Tensor {
  assertValidShape(shape);
  if (numel(shape) !== data.length) throw new DeviceError(`fromFloat64Array: ${data.length} values do not fill ${formatShape(shape)}`);
  const t = new Tensor(new Storage(device, data.length * 4, 'f32'), shape, 'f32');
  if (device instanceof CpuDevice) {
    cpuElements(t).set(data as ArrayLike<number>);
  } else {
    const f = Float32Array.from(data);
    device.writeBuffer(t.storage.buffer, 0, new Uint8Array(f.buffer));
  }
  return t;
}
