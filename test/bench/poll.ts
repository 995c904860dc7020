/**
 * Reads until `read` gives a truthy value, every `intervalMs`; a read that throws (a page between
 * loads) counts as not yet. Past `timeoutMs` it throws, naming `what` and the last error.
 */
export async function poll<T>(read: () => Promise<T>, what: string, timeoutMs: number, intervalMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const value = await read().catch((error: unknown) => {
      lastError = error;
      return null;
    });
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
