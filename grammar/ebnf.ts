import { binaryNode, callNode, type Expression } from "../src/expression/ast.js";
import { BUILTINS, lookupBuiltin, RETRIED } from "../src/expression/builtins.js";
import { EXPRESSION_LIMITS } from "../src/expression/limits.js";
import { planLevels, type PlannedLevel } from "../src/expression/operator-plan.js";
import { LEVELS, OPERATORS, PUNCTUATION, WHITESPACE, type OperatorRow, type TreeBuilder } from "../src/expression/operators.js";
import { printExpression } from "../src/expression/print.js";

/*
 * grammar/retry-delay.ebnf, generated from the operator table and the
 * builtin table, so that it cannot say anything the parsers do not do.
 * `npm run diagrams` writes it; a test fails when the committed copy differs.
 */

const quote = (text: string): string => `"${text}"`;
const OPEN = quote(PUNCTUATION.open.text);
const CLOSE = quote(PUNCTUATION.close.text);
const COMMA = quote(PUNCTUATION.comma.text);

/** One production: its name, its alternatives (each one line), and a comment after the last. */
interface Production {
  readonly name: string;
  readonly alternatives: readonly string[];
  readonly comment?: string;
}

function choice(texts: readonly string[]): string {
  return texts.length === 1 ? (texts[0] ?? "") : `( ${texts.join(" | ")} )`;
}

/** The production of one level of the accepted grammar. */
function levelProduction(plan: readonly PlannedLevel[], index: number): Production {
  const planned = plan[index];
  if (planned === undefined) throw new Error(`no level ${index}`);
  const { rule, fixity } = planned.level;
  const next = plan[index + 1]?.level.rule ?? "primary";
  const operators = choice(planned.accepted.map((role) => quote(role.row.text)));
  switch (fixity) {
    case "left":
      return { name: rule, alternatives: [`${next} , { ${operators} , ${next} }`], comment: "left-associative" };
    case "right":
      return { name: rule, alternatives: [`${next} , [ ${operators} , ${plan[planned.rightOperand]?.level.rule ?? rule} ]`], comment: "right-associative" };
    case "prefix":
      return { name: rule, alternatives: [`${operators} , ${rule}`, next] };
  }
}

const COUNTS = ["no", "one", "two", "three", "four"];

/** The calls, one production per arity, from the builtin table. */
function callProductions(): Production[] {
  const arities = [...new Set(BUILTINS.map((b) => b.arity))].sort((a, b) => a - b);
  const call: Production = {
    name: "call",
    alternatives: arities.map((arity) => `function${arity} , ${OPEN} , ${Array.from({ length: arity }, () => "expression").join(` , ${COMMA} , `)} , ${CLOSE}`),
  };
  const functions = arities.map((arity): Production => ({
    name: `function${arity}`,
    alternatives: [BUILTINS.filter((b) => b.arity === arity).map((b) => quote(b.name)).join(" | ")],
    comment: `${COUNTS[arity] ?? String(arity)} ${arity === 1 ? "argument" : "arguments"}`,
  }));
  return [call, ...functions];
}

const NUMBER: readonly Production[] = [
  { name: "number", alternatives: ["digits , [ \".\" , digits ] , [ exponent ]"] },
  { name: "exponent", alternatives: ['( "e" | "E" ) , [ "+" | "-" ] , digits'] },
  { name: "digits", alternatives: ["digit , { digit }"] },
  { name: "digit", alternatives: [Array.from({ length: 10 }, (_, d) => quote(String(d))).join(" | ")] },
];

/** The productions, in groups that the file separates by a blank line. */
function productions(): Production[][] {
  const plan = planLevels({ unsupported: "omit" });
  const first = plan[0]?.level.rule ?? "primary";
  return [
    [{ name: "expression", alternatives: [first] }],
    plan.map((_, index) => levelProduction(plan, index)),
    [{ name: "primary", alternatives: ["number", quote(RETRIED), "call", `${OPEN} , expression , ${CLOSE}`] }, ...callProductions()],
    [...NUMBER],
  ];
}

/** One production's lines; a comment goes after the last, from column `commentColumn` of a group. */
function render(production: Production, width: number, commentColumn: number): string {
  const [first = "", ...rest] = production.alternatives;
  const lines = [`${production.name.padEnd(width)} = ${first}`, ...rest.map((alternative) => `${" ".repeat(width)} | ${alternative}`)];
  const last = `${lines.pop() ?? ""} ;`;
  return [...lines, production.comment === undefined ? last : `${last.padEnd(commentColumn)}(* ${production.comment} *)`].join("\n");
}

function renderGroups(groups: readonly Production[][]): string {
  const width = Math.max(...groups.flat().map((p) => p.name.length));
  return groups
    .map((group) => {
      const lastLines = group.map((p) => `${" ".repeat(width)} | ${p.alternatives[p.alternatives.length - 1] ?? ""} ;`.length);
      const column = Math.max(...lastLines) + 3;
      return group.map((p) => render(p, width, column)).join("\n");
    })
    .join("\n\n");
}

/** The refused operators, each with the hint the parser gives for an example. */
function refusedNotes(): string[] {
  const x: Expression = { kind: "retried", span: { start: 0, end: 0 } };
  const y: Expression = { kind: "number", value: 2, span: { start: 0, end: 0 } };
  const build: TreeBuilder<Expression> = { binary: binaryNode, call: (name, args) => callNode(name, x.span, args, 0, lookupBuiltin(name)) };
  const notes: string[] = [];
  for (const row of OPERATORS as readonly OperatorRow[]) {
    const role = row.infix;
    if (role === undefined || !("unsupported" in role)) continue;
    const example = `${printExpression(x)} ${row.text} ${printExpression(y)}`;
    notes.push(`     ${example.padEnd(14)} hint: ${role.unsupported.hint}\`${printExpression(role.unsupported.rewrite(x, y, build))}\``);
  }
  return notes;
}

/** Where the levels that hold only refused operators sit, in words. */
function refusedLevels(): string[] {
  const accepted = new Set(planLevels({ unsupported: "omit" }).map((p) => p.level.rule));
  const sorted = [...LEVELS].sort((a, b) => a.precedence - b.precedence);
  return sorted
    .filter((level) => !accepted.has(level.rule))
    .map((level) => {
      const looser = sorted.filter((l) => l.precedence < level.precedence).pop();
      const texts = (OPERATORS as readonly OperatorRow[]).filter((row) => row.infix?.level === level.rule).map((row) => row.text);
      return `   ${texts.join(" and ")} parse one level tighter than ${looser?.rule ?? "any other"}, ${level.fixity === "prefix" ? "as signs" : `${level.fixity}-associative`}.`;
    });
}

/** The text of grammar/retry-delay.ebnf. */
export function retryDelayEbnf(): string {
  const limits = EXPRESSION_LIMITS;
  return [
    "(* The Upstash-Retry-Delay expression language, as retry-delay parses it.",
    "   ISO 14977 EBNF, generated by `npm run diagrams` from the operator table",
    "   (src/expression/operators.ts) and the builtin table",
    "   (src/expression/builtins.ts): do not edit it by hand; a test fails when",
    "   it differs from what they give. The same tables build both parsers, and",
    "   grammar/syntax-diagrams.html is drawn from the chevrotain one.",
    "",
    "   The value is a delay in milliseconds, computed in IEEE-754 doubles.",
    `   Whitespace (${WHITESPACE.map((w) => w.name).join(", ")}) may appear between any two tokens;`,
    "   function names are case-sensitive. *)",
    "",
    renderGroups(productions()),
    "",
    "(* Recognised only to be reported with a fix, never accepted",
    "   (unsupported-operator):",
    ...refusedNotes(),
    ...refusedLevels(),
    "   Malformed numbers (malformed-number) are lexed to be reported too:",
    "     .5   5.   1_000   hint: 0.5, 5 or 5.0, 1000",
    "",
    `   Limits: ${limits.maxSourceLength} UTF-16 code units of source; ${limits.maxNestingDepth} levels of nesting`,
    `   (parentheses, calls, signs, right-associative operators); ${limits.maxTerms} operands and operators. *)`,
    "",
  ].join("\n");
}
