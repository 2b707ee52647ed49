/**
 * The CPU time this process spent in `run`, in milliseconds (user + system),
 * for the tests that bound work on hostile input. Wall-clock time measures the
 * machine's load as much as the code: with two cores shared by other jobs, a
 * 50 ms budget fails at 20x load. CPU time counts only this process's work
 * (vitest runs each test file in its own forked process), so the budgets can
 * stay tight enough to catch quadratic work and still hold on a busy machine.
 */
export function cpuTime<T>(run: () => T): { readonly value: T; readonly ms: number } {
  const before = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}
