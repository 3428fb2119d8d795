/** Whether every value is finite. */
export const allFinite = (values: ArrayLike<number>) => Array.prototype.every.call(values, (v: number) => Number.isFinite(v));
