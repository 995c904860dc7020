// "Show logs" shows pino's JSON lines as one readable line each: time, level, component, message,
// then the other fields. A line that is not JSON (a cut first line, a hand edit) is shown as is.

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Fields shown in the line's head, or noise for a reader (pid is the same on every line). */
const HEAD_FIELDS = new Set(['time', 'level', 'component', 'msg', 'pid', 'hostname']);

export function formatLogLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return line;
    record = parsed as Record<string, unknown>;
  } catch {
    return line; // not a pino record: keep the text as it is
  }
  const level = LEVEL_NAMES[record.level as number] ?? String(record.level ?? '');
  const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !HEAD_FIELDS.has(key)));
  const head = [String(record.time ?? ''), level.padEnd(5), record.component ? `[${String(record.component)}]` : '', String(record.msg ?? '')]
    .filter(Boolean)
    .join(' ');
  return Object.keys(rest).length > 0 ? `${head} ${JSON.stringify(rest)}` : head;
}

export function formatLog(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(formatLogLine)
    .join('\n');
}
