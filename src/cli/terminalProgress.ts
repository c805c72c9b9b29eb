import cliProgress from "cli-progress";

export interface TerminalProgress {
  onProgress(progress: { done: number; total: number }): void;
  stop(): void;
}

/**
 * A progress bar on stderr, drawn only on a terminal and only from the first report on, so a
 * piped run prints the report alone. `unit` names what is counted ("events", "conversations").
 */
export function terminalProgress(command: string, unit: string): TerminalProgress {
  const bar = new cliProgress.SingleBar(
    { format: `${command} [{bar}] {percentage}% | {value}/{total} ${unit}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: ({ done, total }) => {
      if (!started && process.stderr.isTTY) {
        started = true;
        bar.start(total, done);
      }
      if (started) bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
