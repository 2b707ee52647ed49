/**
 * A constant as a compiled closure keeps it: a whole number in the int32
 * range becomes a small integer (a Smi), any other number stays as it is.
 *
 * Why: the parser and the folder hand constants over as doubles often
 * enough (a tree node's `value` field turns to double representation once
 * any literal in the process has a fraction, and so does an array that
 * once held one), and V8 then boxes even `1000` as a heap number. A
 * closure's arithmetic feedback is shared by every closure made from the
 * same function literal, so one boxed constant turns the whole shape's
 * integer arithmetic into double arithmetic, with a box check on every
 * constant and a float-to-tagged conversion of the result. `-0` is no
 * int32 and keeps its sign.
 */
export function heldConstant(k: number): number {
  return (k | 0) === k && !Object.is(k, -0) ? k | 0 : k;
}
