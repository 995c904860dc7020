/**
 * Splits text into pieces of at most `max` UTF-16 units without cutting a surrogate pair, so every
 * piece is valid text on its own (a lone surrogate would be drawn as U+FFFD and break the pair
 * that follows). Bytes from the pty are already decoded with a StringDecoder (node-pty sets the
 * socket's encoding), which never cuts a multibyte UTF-8 character between reads.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('splitText needs room for a surrogate pair');
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + max, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
