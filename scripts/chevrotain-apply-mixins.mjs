// chevrotain's applyMixins (lib/src/parse/parser/utils/apply_mixins.js), which the builds bundle in
// its place (`fastMixins` in esbuild-plugins.mjs). chevrotain's parser class is put together when
// its module is evaluated, by copying the methods of ten trait classes onto Parser.prototype one by
// one, some two hundred. V8 keeps a prototype's properties in "fast" mode, where each new property
// builds a new hidden class and copies every descriptor so far: quadratic work, ~6 million
// instructions, about a fifth of the first invalid expression's time (valgrind --tool=callgrind).
// This copies the same properties in the same order, but first puts the prototype in dictionary
// mode (adding and deleting a property does that), where each addition is one hash-table insert;
// V8 makes the prototype fast again the first time a method is looked up through it.
// test/expression/chevrotain-apply-mixins.test.ts holds it to chevrotain's own on the same classes.

/** A property only ever added and deleted here, to switch the prototype's properties to a dictionary. */
const DICTIONARY_MODE = Symbol("dictionary mode");

export function applyMixins(derivedCtor, baseCtors) {
  const target = derivedCtor.prototype;
  Reflect.set(target, DICTIONARY_MODE, true);
  Reflect.deleteProperty(target, DICTIONARY_MODE);
  for (const baseCtor of baseCtors) {
    const baseProto = baseCtor.prototype;
    for (const propName of Object.getOwnPropertyNames(baseProto)) {
      if (propName === "constructor") continue;
      const descriptor = Object.getOwnPropertyDescriptor(baseProto, propName);
      // Accessors keep their descriptor; everything else is assigned, as chevrotain does.
      if (descriptor !== undefined && (descriptor.get !== undefined || descriptor.set !== undefined))
        Object.defineProperty(target, propName, descriptor);
      else target[propName] = baseProto[propName];
    }
  }
}
