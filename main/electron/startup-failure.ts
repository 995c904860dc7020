// Pure decisions for the Electron shell's failure paths (issue 12), kept apart from `electron`
// so they are unit-tested here, where Electron cannot be launched.

/** Characters of a sender URL kept in the log: enough to recognise the page, never a whole data: URL. */
const MAX_LOGGED_URL_CHARS = 200;

/** What the error box says when start-up throws: what happened, and where to read more. */
export function startupErrorBox(error: unknown, logFolder: string | null): { title: string; content: string } {
  const message = error instanceof Error ? error.message : String(error);
  const where = logFolder
    ? `Details are in the log: ${logFolder}`
    : 'The log could not be opened either; start CodeCrafter from a terminal to see the details.';
  return { title: 'CodeCrafter could not start', content: `${message || 'Unknown error.'}\n\n${where}` };
}

/**
 * The fields logged for a refused IPC request: the channel (cut, it is the sender's) and the
 * sender's URL without its query and fragment, which may carry secrets (an invite's room secret).
 */
export function refusedSenderRecord(channel: string, senderUrl: string | undefined): { channel: string; senderUrl: string } {
  let url = senderUrl ?? '(no frame)';
  const cut = url.search(/[?#]/);
  if (cut >= 0) url = url.slice(0, cut);
  return { channel: channel.slice(0, 100), senderUrl: url.slice(0, MAX_LOGGED_URL_CHARS) };
}
