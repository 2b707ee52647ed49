// Go's arithmetic for a decimal duration part, reproduced bit for bit (float64 steps included).
import { MAX_NANOSECONDS } from "./units.js";

/**
 * integer.fraction × unit in nanoseconds, exactly as Go's `time.ParseDuration`
 * computes it: the fraction's digits accumulate into an integer `f` (see
 * {@link leadingFraction}), then `uint64(float64(f) * (float64(unit) / scale))`.
 * The float64 step is Go's, so it is reproduced, not improved: exact decimal
 * arithmetic differs from Go by a nanosecond with 16 or more fraction digits,
 * which truncation can turn into a whole millisecond.
 */
export function partNanoseconds(integerDigits: string, fractionDigits: string, unit: bigint): bigint {
  const whole = integerDigits === "" ? 0n : BigInt(integerDigits);
  const { f, scale } = leadingFraction(fractionDigits);
  if (f === 0n) return whole * unit;
  // JavaScript numbers are IEEE-754 doubles, Go's float64: the same rounding at each step.
  // Number(f) rounds to nearest-even as Go's uint64 → float64 does; Math.trunc is Go's float → uint64.
  return whole * unit + BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
}

const TWO_TO_63 = 1n << 63n;

/**
 * Go's `leadingFraction`: digits accumulate into `f` while it fits
 * (`f <= (2^63-1)/10` and the next value `<= 2^63`), and `scale` grows by 10
 * per accumulated digit. Later digits are read but ignored, as in Go.
 */
function leadingFraction(digits: string): { readonly f: bigint; readonly scale: number } {
  let f = 0n;
  let scale = 1;
  for (let i = 0; i < digits.length; i++) {
    if (f > MAX_NANOSECONDS / 10n) break;
    const next = f * 10n + BigInt(digits.charCodeAt(i) - 48);
    if (next > TWO_TO_63) break;
    f = next;
    scale *= 10;
  }
  return { f, scale };
}
