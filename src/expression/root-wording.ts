import { explainName } from "./names.js";
import type { Wording } from "./wording.js";

/** The root entry's wording: every diagnostic with its hint, fix and suggestions. */
export const ROOT_WORDING: Wording = { name: explainName };
