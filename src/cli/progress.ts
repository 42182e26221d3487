/**
 * A small progress reporter on stderr: a redrawn bar on a terminal, plain lines (every 10 % or
 * on a new phase) when output goes to a file or a pipe.
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, label = '') {
  const tty = Boolean(stream.isTTY);
  let lastDraw = 0;
  let lastPercentLine = -1;
  let lastPhase = '';
  const width = 30;

  return {
    update({ processed, total, phase }: { processed: number; total: number | null; phase: string }) {
      const percent = total ? Math.min(100, Math.floor((processed / total) * 100)) : 0;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && processed !== total) return;
        lastDraw = now;
        const filled = Math.round((percent / 100) * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        const counts = `${processed.toLocaleString('nl-BE')}${total ? `/${total.toLocaleString('nl-BE')}` : ''}`;
        const line = `${label}${bar} ${String(percent).padStart(3)}% ${counts} ${phase}`;
        stream.write(`\r${line.slice(0, (stream.columns || 100) - 1).padEnd((stream.columns || 100) - 1)}`);
        return;
      }
      const step = Math.floor(percent / 10);
      if (phase !== lastPhase || step !== lastPercentLine) {
        lastPhase = phase;
        lastPercentLine = step;
        stream.write(`${label}${percent}% (${processed}${total ? `/${total}` : ''}) ${phase}\n`);
      }
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}
