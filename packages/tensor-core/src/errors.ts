/**
 * Errors raised by lightattn. Each says what went wrong and, where there is one, what to do.
 * Subclasses let callers tell kinds apart without parsing messages.
 */
export class LightattnError extends Error {
  override name = 'LightattnError';
}

/** Shapes that do not fit an op's rule (names the op and every shape involved). */
export class ShapeError extends LightattnError {
  override name = 'ShapeError';
}

/** A dtype an op does not accept, or two operands whose dtypes differ. */
export class DTypeError extends LightattnError {
  override name = 'DTypeError';
}

/** Tensors on different devices, a device that cannot do what was asked (read a meta tensor), or a lost device. */
export class DeviceError extends LightattnError {
  override name = 'DeviceError';
}

/** Use of a tensor after `dispose()`. */
export class DisposedError extends LightattnError {
  override name = 'DisposedError';
}

/** An index outside the valid range (gather ids, slices, axes). */
export class IndexError extends LightattnError {
  override name = 'IndexError';
}

/** A malformed, truncated or unsupported safetensors file. */
export class SafetensorsError extends LightattnError {
  override name = 'SafetensorsError';
}
