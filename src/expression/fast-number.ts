/*
 * The fast path's number reader: a number in the strict form the language
 * accepts, `digits [. digits] [(e | E) [sign] digits]`, and its value,
 * bit-identical to `Number(image)`. A whole number of up to 15 digits (the
 * common one) is summed as it is read, exactly, since it is below 2^53, and
 * spares the string-to-number conversion of its image cut out of the
 * source. Other forms ask `Number` (exact scaling by powers of ten would
 * cover most fractions too, but cost the runtime's bundle more bytes than
 * it saves time). A property test holds the reader equal to `Number`
 * (test/expression/fast-number.test.ts).
 */

/** Where a number read ends, and its value: a record the reader fills in place, so reading allocates nothing. */
export interface NumberRead {
  end: number;
  value: number;
}

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The character code at `i`, or -1 at the end. A `charCodeAt` past the end
 * (NaN) costs more than the test: V8 deoptimizes the read, then calls the
 * builtin for it from then on instead of inlining it, a call per token.
 */
export const codeAt = (source: string, i: number): number => (i < source.length ? source.charCodeAt(i) : -1);

/**
 * The number at `start` (a digit) into `read`, exactly as the chevrotain
 * lexer reads it (NUMBER_PATTERN, by hand for speed); false where a valid
 * expression cannot hold it: where the lexer's lenient pattern would read
 * on (`_`, a `.` with no digit after it, a second `.`), or to a value that
 * is not finite. `1e` is the number 1 then the name `e`, as the lexer reads it.
 */
export function readNumber(source: string, start: number, read: NumberRead): boolean {
  let digits = 0;
  let end = start;
  let d = codeAt(source, end);
  while (isDigit(d)) {
    digits = digits * 10 + (d - 48);
    d = codeAt(source, ++end);
  }
  const integerEnd = end;
  if (d === 46) {
    if (!isDigit(codeAt(source, end + 1))) return false;
    end += 2;
    while (isDigit(codeAt(source, end))) end++;
    d = codeAt(source, end);
  }
  if (d === 101 || d === 69) {
    const sign = codeAt(source, end + 1);
    const first = sign === 43 || sign === 45 ? end + 2 : end + 1;
    if (isDigit(codeAt(source, first))) {
      end = first + 1;
      while (isDigit(codeAt(source, end))) end++;
      d = codeAt(source, end);
    }
  }
  if (d === 95 || d === 46) return false;
  const value = end === integerEnd && end - start <= 15 ? digits : Number(source.slice(start, end));
  read.end = end;
  read.value = value;
  return Number.isFinite(value);
}
