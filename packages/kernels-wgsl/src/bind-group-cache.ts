/// <reference types="@webgpu/types" />

/**
 * Bind groups by layout and resources, reused across dispatches. A training loop binds the same
 * pooled buffers at the same uniform-chunk offsets step after step, and createBindGroup was the
 * largest of the WebGPU calls of an attention step (docs/benchmarks.md), where a hit costs building a
 * key of a few numbers.
 *
 * Keys name objects by ids that belong to one GPU object for its whole life, so an entry whose
 * buffer was destroyed can never be hit again (a destroyed buffer is never bound again); such
 * entries only wait for eviction: least recently used first beyond `capacity`, and all of them at
 * clear() (the device's emptyCache(), when pooled buffers are destroyed).
 */
export class BindGroupCache {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private readonly groups = new Map<string, GPUBindGroup>();

  constructor(
    private readonly device: GPUDevice,
    readonly capacity = 4096,
  ) {}

  /** Entries held now. */
  get size(): number {
    return this.groups.size;
  }

  /** The bind group of `layout` with the uniform struct at `offset` of `uniform` (binding 0) and `buffers` whole at bindings 1, 2, …. */
  get(layout: GPUBindGroupLayout, uniform: GPUBuffer, offset: number, size: number, buffers: readonly GPUBuffer[]): GPUBindGroup {
    let key = `${this.id(layout)}:${this.id(uniform)}:${offset}:${size}`;
    for (const b of buffers) key += `:${this.id(b)}`;
    const hit = this.groups.get(key);
    if (hit) {
      // Most recently used last: Map keeps insertion order.
      this.groups.delete(key);
      this.groups.set(key, hit);
      return hit;
    }
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: uniform, offset, size } }];
    buffers.forEach((buffer, i) => entries.push({ binding: i + 1, resource: { buffer } }));
    const group = this.device.createBindGroup({ layout, entries });
    this.groups.set(key, group);
    if (this.groups.size > this.capacity) this.groups.delete(this.groups.keys().next().value!);
    return group;
  }

  clear(): void {
    this.groups.clear();
  }

  private id(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(o, id);
    }
    return id;
  }
}
