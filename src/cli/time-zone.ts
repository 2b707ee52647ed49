import { closestName, editDistance } from "../diagnostics/suggest.js";

/*
 * The wall times `simulate` prints, in the zone `--tz` or `TZ` names (UTC
 * otherwise). JSON keeps ISO times in UTC: a zone is for people.
 */

export const UTC = "UTC";

/** The IANA zones this Node knows, plus UTC (which `Intl.supportedValuesOf` leaves out). */
function knownZones(): readonly string[] {
  return [UTC, ...Intl.supportedValuesOf("timeZone")];
}

/**
 * `zone` as Node's list spells it (`europe/berlin` → `Europe/Berlin`) when Node
 * knows it, an alias Node accepts as typed (`Asia/Kolkata`), else undefined.
 */
export function canonicalZone(zone: string): string | undefined {
  if (zone.length === 0 || zone.length > 64) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  const lower = zone.toLowerCase();
  return knownZones().find((z) => z.toLowerCase() === lower) ?? (resolved.toLowerCase() === lower ? resolved : zone);
}

/** The known zone nearest a mistyped one (`Europe/Berln` → `Europe/Berlin`, `Tokio` → `Asia/Tokyo`), for did-you-mean. */
export function nearestZone(zone: string): string | undefined {
  const zones = knownZones();
  const near = (name: string, candidates: readonly string[]): string | undefined => {
    const found = closestName(name, candidates);
    // The engine also offers a shared start (`Europe/`), which names no particular zone: keep only near spellings.
    return found !== undefined && editDistance(name.toLowerCase(), found.toLowerCase()) <= Math.max(2, Math.floor(name.length / 4))
      ? found
      : undefined;
  };
  const whole = near(zone, zones);
  if (whole !== undefined) return whole;
  const city = near(cityOf(zone), zones.map(cityOf));
  return city === undefined ? undefined : zones.find((z) => cityOf(z) === city);
}

function cityOf(zone: string): string {
  return zone.slice(zone.lastIndexOf("/") + 1);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Unix ms as `2026-11-23 08:00:31 UTC`, or in another zone with its offset
 * then, `2026-11-23 09:00:31 +01:00`; milliseconds only when there are some.
 *
 * @example
 * ```ts
 * formatTime(Date.UTC(2026, 10, 23, 8), "Asia/Tokyo"); // "2026-11-23 17:00:00 +09:00"
 * ```
 */
export function formatTime(ms: number, zone: string = UTC): string {
  const millis = ((ms % 1000) + 1000) % 1000;
  const fraction = millis === 0 ? "" : `.${String(millis).padStart(3, "0")}`;
  if (zone === UTC) {
    const [date, time = ""] = new Date(ms).toISOString().split("T");
    return `${date} ${time.slice(0, 8)}${fraction} UTC`;
  }
  const parts = new Map(
    formatterFor(zone)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const field = (type: Intl.DateTimeFormatPartTypes): string => parts.get(type) ?? "";
  const year = field("year");
  const wall = Date.UTC(
    Number(year),
    Number(field("month")) - 1,
    Number(field("day")),
    Number(field("hour")),
    Number(field("minute")),
    Number(field("second")),
  );
  const offsetMinutes = Math.round((wall - (ms - millis)) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = `${sign}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0")}:${String(Math.abs(offsetMinutes) % 60).padStart(2, "0")}`;
  return `${year.padStart(4, "0")}-${field("month")}-${field("day")} ${field("hour")}:${field("minute")}:${field("second")}${fraction} ${offset}`;
}
