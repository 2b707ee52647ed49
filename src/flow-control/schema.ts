import { FLOW_CONTROL_FIELDS } from "./fields.js";

/** A JSON Schema object, as the request table types it. */
type JsonObject = { readonly [key: string]: unknown };

/*
 * The `flowControl` option as the request-option table documents it: its doc
 * line and its JSON Schema, both read from the field table.
 */

/** `{ key, parallelism?, rate?, period? }`: … `ratePerSecond` is the deprecated name of `rate`. */
export const FLOW_CONTROL_OPTION_DOC = [
  `\`{ key, ${FLOW_CONTROL_FIELDS.map((f) => `${f.name}?`).join(", ")} }\`: calls that share a key share the limits.`,
  ...FLOW_CONTROL_FIELDS.flatMap((f) => f.deprecatedOptions.map((alias) => `\`${alias}\` is the deprecated name of \`${f.name}\`.`)),
].join(" ");

/**
 * The JSON Schema of the `flowControl` object. `key` and `period` take the
 * request table's shared shapes (a resource name, a duration); the counts
 * come from their rows, each deprecated alias right after its field.
 */
export function flowControlSchema(shapes: { readonly key: JsonObject; readonly duration: JsonObject }): JsonObject {
  const properties: Record<string, JsonObject> = { key: shapes.key };
  for (const field of FLOW_CONTROL_FIELDS) {
    const schema = field.kind === "count" ? { type: "integer", minimum: field.min } : shapes.duration;
    properties[field.name] = schema;
    for (const alias of field.deprecatedOptions) properties[alias] = { ...schema, deprecated: true };
  }
  return { type: "object", properties, additionalProperties: false };
}
