/*
 * The Trigger tab: one request from the form, shown three ways: its headers,
 * a curl command, and the SDK call that sends it (client.trigger for
 * @upstash/workflow, client.publishJSON for @upstash/qstash). All three come
 * from the library's one builder and its option table.
 */
import {
  buildPublishRequest,
  buildTriggerRequest,
  parseFlowControlValue,
  toCurl,
  toFlowControlOptions,
  type FlowControlOptions,
  type HttpRequest,
} from "../src/index.js";
import { toSdkCode, type SdkName } from "../src/request/sdk-code.js";
import { byId, renderDiagnostics } from "./dom.js";

/** The tab's inputs, by URL-hash key. */
export const TRIGGER_FIELDS: ReadonlyArray<readonly [key: string, id: string]> = [
  ["tp", "t-endpoint"],
  ["u", "t-url"],
  ["tr", "t-retries"],
  ["te", "t-retry-delay"],
  ["td", "t-delay"],
  ["tk", "t-flow-key"],
  ["tf", "t-flow"],
  ["tb", "t-body"],
];

const PACKAGES: ReadonlyMap<SdkName, string> = new Map([
  ["workflow", "@upstash/workflow"],
  ["qstash", "@upstash/qstash"],
]);

const value = (id: string): string => byId<HTMLInputElement>(id).value.trim();

/** The body as JSON when it parses as JSON, else the text as it is; none when empty. */
function readBody(): { body?: unknown; kind: string } {
  const text = byId<HTMLTextAreaElement>("t-body").value;
  if (text.trim() === "") return { kind: "(empty: no body)" };
  try {
    return { body: JSON.parse(text) as unknown, kind: "(sent as JSON)" };
  } catch {
    return { body: text, kind: "(not JSON: sent as text)" };
  }
}

/** The options the form describes, and the diagnostics of a flow-control value that does not parse. */
function optionsFromForm(): { options: { url: string } & Record<string, unknown>; flowProblems: ReturnType<typeof flowDiagnostics> } {
  const flowText = value("t-flow");
  const flow = flowText === "" ? undefined : parseFlowControlValue(flowText);
  const retries = value("t-retries");
  const { body, kind } = readBody();
  byId("t-body-kind").textContent = kind;
  const flowControl: FlowControlOptions | undefined =
    flow?.ok === true
      ? { ...(value("t-flow-key") === "" ? {} : { key: value("t-flow-key") }), ...toFlowControlOptions(flow.value) }
      : undefined;
  return {
    options: {
      url: value("t-url"),
      ...(body === undefined ? {} : { body }),
      ...(retries === "" ? {} : { retries: Number(retries) }),
      ...(value("t-retry-delay") === "" ? {} : { retryDelay: value("t-retry-delay") }),
      ...(value("t-delay") === "" ? {} : { delay: value("t-delay") }),
      ...(flowControl === undefined ? {} : { flowControl }),
    },
    flowProblems: flowDiagnostics(flow),
  };
}

function flowDiagnostics(flow: ReturnType<typeof parseFlowControlValue> | undefined) {
  return flow !== undefined && !flow.ok ? flow.diagnostics.map((d) => ({ ...d, path: "flowControl" })) : [];
}

function headerLines(request: HttpRequest): string {
  return [`${request.method} ${request.url}`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`)].join("\n");
}

export function renderTrigger(): void {
  const sdk: SdkName = value("t-endpoint") === "qstash" ? "qstash" : "workflow";
  const { options, flowProblems } = optionsFromForm();
  const result = sdk === "workflow" ? buildTriggerRequest(options) : buildPublishRequest(options);
  renderDiagnostics(byId("trigger-diagnostics"), [...flowProblems, ...result.diagnostics]);
  const code = toSdkCode(options, { sdk });
  // A flow-control value that does not parse makes the whole request invalid, as the builder would find it.
  const valid = flowProblems.length === 0;
  byId("trigger-headers").textContent = result.ok && valid ? headerLines(result.value) : "—";
  byId("trigger-curl").textContent = result.ok && valid ? toCurl(result.value) : "—";
  byId("trigger-sdk").textContent = code.ok && valid ? code.value : "—";
  byId("trigger-sdk-package").textContent = `(${PACKAGES.get(sdk) ?? ""})`;
  for (const id of ["trigger-headers", "trigger-curl", "trigger-sdk"]) {
    const copy = document.querySelector<HTMLButtonElement>(`button[data-copy="${id}"]`);
    if (copy !== null) copy.disabled = byId(id).textContent === "—";
  }
}
