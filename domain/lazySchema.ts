// A schema built the first time it is used rather than when its module loads. The workflow sandbox
// evaluates every module once per workflow it runs, and building zod schemas was most of that (≈ 10 ms a
// workflow in npm run bench's CPU profile), though a unit never parses a review and often nothing at all.

/** Stands for the schema `build` returns: every property read, check or call goes to it, built once. */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = () => {
    built ??= build();
    return built;
  };
  return new Proxy(Object.create(null) as T, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    ownKeys: () => Reflect.ownKeys(schema()),
    // A proxy may only report what its own (empty) target could hold: configurable properties.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
