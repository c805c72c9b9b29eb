import type { AdapterChoice } from "../config/adapterChoice.ts";

/** The table `withme doctor` prints: each port, the adapter serving it, and why. */
export function formatDoctorReport(choices: AdapterChoice[], environment: string): string {
  const portWidth = Math.max(...choices.map((c) => c.port.length));
  const adapterWidth = Math.max(...choices.map((c) => c.adapter.length));
  const lines = choices.map(
    (c) =>
      `${c.port.padEnd(portWidth)}  ${c.adapter.padEnd(adapterWidth)}  ${c.offline ? "offline" : "service"}  ${c.reason}`,
  );
  const offline = choices.filter((c) => c.offline).length;
  return [
    `withme (${environment})`,
    "",
    ...lines,
    "",
    offline === 0
      ? "Every port uses its external service."
      : `${offline} of ${choices.length} ports use a local offline default; set the variables named above to switch them.`,
  ].join("\n");
}
