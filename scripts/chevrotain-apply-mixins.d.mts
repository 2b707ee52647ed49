// Types for scripts/chevrotain-apply-mixins.mjs: chevrotain's applyMixins, bundled in its place.

/** Copies the prototype properties of each base class onto the derived class's prototype (accessors by descriptor), in order. */
export function applyMixins(derivedCtor: { prototype: object }, baseCtors: readonly { prototype: object }[]): void;
