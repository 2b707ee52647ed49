// Compiles an Upstash-Retry-Delay expression with the built package and prints
// its delays, or its diagnostics. Usage: node examples/compile.mjs ['<expression>'] [retries]
import { renderDiagnostics, tryCompile } from "retry-delay";

const source = process.argv[2] ?? "pow(2, retried) * 1000";
const retries = Number(process.argv[3] ?? 6);
const result = tryCompile(source, { retries });

console.log(`expression: ${source}`);
if (result.diagnostics.length > 0)
  console.log(`\n${renderDiagnostics(source, result.diagnostics, { color: process.stdout.isTTY && !process.env.NO_COLOR })}\n`);
if (!result.ok) process.exit(1);

const delay = result.value;
for (let retried = 0; retried < retries; retried++) {
  console.log(`retry ${retried + 1} (retried = ${retried}): ${delay(retried)} ms`);
}
if (delay.range) console.log(`min ${delay.range.min} ms, max ${delay.range.max} ms over ${retries} retries`);
