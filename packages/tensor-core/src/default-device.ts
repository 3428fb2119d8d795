import { CpuDevice } from './cpu/cpu-device.js';
import type { Device } from './device.js';

let defaultDevice: Device | null = null;

/** The device creation functions use when none is given: a CPU device unless set otherwise. */
export function getDefaultDevice(): Device {
  if (!defaultDevice) defaultDevice = new CpuDevice();
  return defaultDevice;
}

/** Makes `device` the one creation functions use when no `device` option is given. */
export function setDefaultDevice(device: Device): void {
  defaultDevice = device;
}
