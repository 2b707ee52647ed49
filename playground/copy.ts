/*
 * The Copy buttons. `navigator.clipboard` where the page may use it (https,
 * localhost, and Chromium's file://); else the old selection-and-execCommand
 * route; and when both fail, the text is left selected so that Ctrl+C (⌘C)
 * copies it. Each outcome is announced to screen readers and shown on the
 * button for a moment.
 */
import { byId } from "./dom.js";

/** The text a button copies: an input's value, or an element's text. */
function textOf(id: string): string {
  const target = byId(id);
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : target.textContent;
}

/** The old route: copy a selection of a throwaway textarea. */
function copyBySelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "visually-hidden";
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    // Deprecated, but the one way left where the Clipboard API is missing or refused.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** Selects the element's text, so that the keyboard's copy takes it. */
function selectForManualCopy(id: string): void {
  const target = byId(id);
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.focus();
    target.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(target);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Copies `text`; "copied", or "selected" when only the manual route is left. */
async function copyText(text: string): Promise<"copied" | "failed"> {
  try {
    // The API is missing outside secure contexts, whatever the DOM types say.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (navigator.clipboard !== undefined) {
      await navigator.clipboard.writeText(text);
      return "copied";
    }
  } catch {
    // Refused (no permission, page not focused): try the old route.
  }
  return copyBySelection(text) ? "copied" : "failed";
}

const LABEL_MS = 1600;

/** Wires every `[data-copy]` button to copy the element its attribute names. */
export function wireCopyButtons(): void {
  const status = byId("copy-status");
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const id = button.dataset.copy ?? "";
    const label = button.textContent;
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener("click", () => {
      void copyText(textOf(id)).then((outcome) => {
        const what = (button.getAttribute("aria-label") ?? "Copy").replace(/^Copy /, "");
        if (outcome === "failed") selectForManualCopy(id);
        button.textContent = outcome === "copied" ? "Copied" : "Press Ctrl+C";
        button.dataset.outcome = outcome;
        status.textContent = outcome === "copied" ? `Copied ${what}.` : `Could not copy; ${what} is selected: press Ctrl+C to copy it.`;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          button.textContent = label;
        }, LABEL_MS);
      });
    });
  }
}
