/* Small DOM helpers shared by the playground's tabs. Text only: nothing from input is ever parsed as HTML. */
import type { Diagnostic, Fix } from "../src/index.js";
import { codeParts } from "./fixes.js";

/** The element with this id, as the type the caller knows it to be (a missing one is a bug in the page). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type it expects
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`missing #${id}`);
  return found as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
export function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A message with its `code` spans as <code> elements. */
function richText(message: string): Node[] {
  return codeParts(message).map((part) => (part.code ? element("code", {}, part.text) : document.createTextNode(part.text)));
}

/**
 * Diagnostics as cards: severity and code, the message, the hint, and, when
 * `onApply` is given, one button per fix and suggestion that applies it.
 */
export function renderDiagnostics(
  container: HTMLElement,
  diagnostics: readonly (Diagnostic & { path?: string })[],
  onApply?: (fix: Fix) => void,
): void {
  container.replaceChildren(
    ...diagnostics.map((d) => {
      const card = element("div", {
        class: `diagnostic ${d.severity}`,
        "data-code": d.code,
        "data-start": String(d.span.start),
        "data-end": String(d.span.end),
      });
      const head = element("div");
      const message = element("span", { class: "message" });
      message.append(...richText(d.message));
      head.append(
        element("code", { class: "code" }, `${d.severity}[${d.code}]${d.path === undefined || d.path === "" ? "" : ` ${d.path}`}`),
        document.createTextNode(" "),
        message,
      );
      card.append(head);
      if (d.hint !== undefined) {
        const hint = element("div", { class: "hint" });
        hint.append(document.createTextNode("hint: "), ...richText(d.hint));
        card.append(hint);
      }
      const fixes = [...(d.fix === undefined ? [] : [d.fix]), ...(d.suggestions ?? [])];
      if (onApply !== undefined && fixes.length > 0) {
        const row = element("div", { class: "fixes" });
        fixes.forEach((fix, i) => {
          const button = element("button", {
            type: "button",
            class: i === 0 && d.fix !== undefined ? "apply primary" : "apply",
            "data-fix": fix.text,
          });
          button.append(document.createTextNode("Apply: "), ...richText(fix.message));
          button.addEventListener("click", () => {
            onApply(fix);
          });
          row.append(button);
        });
        card.append(row);
      }
      return card;
    }),
  );
}
