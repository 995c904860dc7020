import { inflateSync } from 'node:zlib';

// The text of a PDF as Chromium (Skia) prints it, for tests that must read a report's PDF without
// a PDF library: objects are parsed, Flate streams inflated, each font's ToUnicode CMap read, and
// the Tj/TJ strings of the content streams mapped through the CMap of the font in use. Enough for
// Skia's output (hex strings, Type0 fonts with 2-byte codes); not a general PDF reader.

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const result = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      let dataStart = start + streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] === '\n') dataStart++;
      const dataEnd = text.lastIndexOf('endstream', end);
      let raw = pdf.subarray(dataStart, dataEnd);
      if (/\/FlateDecode/.test(dict)) {
        try {
          raw = inflateSync(raw);
        } catch {
          raw = Buffer.alloc(0); // fonts and images may not inflate cleanly after trimming; text never needs them
        }
      }
      stream = raw;
    }
    result.set(Number(match[1]), { dict, stream });
    re.lastIndex = end;
  }
  return result;
}

function parseCMap(source: string): { map: Map<number, string>; bytes: number } {
  const map = new Map<number, string>();
  let bytes = 1;
  const hexToString = (hex: string) => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      if (src!.length >= 4) bytes = 2;
      map.set(parseInt(src!, 16), hexToString(dst!));
    }
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      if (lo!.length >= 4) bytes = 2;
      const base = parseInt(dst!, 16);
      for (let c = parseInt(lo!, 16), i = 0; c <= parseInt(hi!, 16); c++, i++) map.set(c, String.fromCharCode(base + i));
    }
  }
  return { map, bytes };
}

export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fontCMaps = new Map<number, ReturnType<typeof parseCMap>>();
  for (const [num, obj] of objs) {
    const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(obj.dict);
    const cmap = ref ? objs.get(Number(ref[1]))?.stream : null;
    if (cmap) fontCMaps.set(num, parseCMap(cmap.toString('latin1')));
  }
  const fontByName = new Map<string, number>();
  for (const obj of objs.values()) {
    for (const fonts of obj.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const [, name, num] of fonts[1]!.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)) fontByName.set(name!, Number(num));
    }
  }
  let out = '';
  for (const obj of objs.values()) {
    if (!obj.stream || !/\bBT\b/.test(obj.stream.toString('latin1'))) continue;
    const content = obj.stream.toString('latin1');
    let cmap: ReturnType<typeof parseCMap> | undefined;
    const decode = (hex: string) => {
      if (!cmap) return '';
      let s = '';
      const step = cmap.bytes * 2;
      for (let i = 0; i + step <= hex.length; i += step) s += cmap.map.get(parseInt(hex.slice(i, i + step), 16)) ?? '';
      return s;
    };
    const tokens = content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|\b(ET|T\*|Td|TD)\b/g);
    for (const t of tokens) {
      if (t[1]) cmap = fontCMaps.get(fontByName.get(t[1]) ?? -1);
      else if (t[2] !== undefined) out += decode(t[2].replace(/\s/g, ''));
      else if (t[3] !== undefined) {
        for (const part of t[3].matchAll(/<([0-9a-fA-F\s]*)>|(-?[\d.]+)/g)) {
          if (part[1] !== undefined) out += decode(part[1].replace(/\s/g, ''));
          else if (Number(part[2]) < -200) out += ' ';
        }
      } else out += '\n';
    }
  }
  return out;
}
