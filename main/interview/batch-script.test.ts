import { describe, expect, it } from 'vitest';
import { batchInput, FrameReader, splitNested, testRequest, validatorArgs, type Frame } from './batch-script';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const frame = (i: number, out: string, err: string) => `\x1eT ${i}\n${b64(out)}\n${b64(err)}\n`;

function read(stream: string, chunk = 7): { frames: Frame[]; reader: FrameReader } {
  const frames: Frame[] = [];
  const reader = new FrameReader((f) => frames.push(f));
  for (let i = 0; i < stream.length; i += chunk) reader.push(stream.slice(i, i + chunk));
  return { frames, reader };
}

describe('the test loop stream', () => {
  it('reads frames in order across arbitrary chunks', () => {
    const { frames, reader } = read(frame(0, 'a\n', 'e0') + frame(1, 'b\n', '') + '\x1eDONE 2\n');
    expect(frames.map((f) => [f.index, f.first.toString(), f.stderr.toString()])).toEqual([
      [0, 'a\n', 'e0'],
      [1, 'b\n', ''],
    ]);
    expect(reader.done).toBe(true);
    expect(reader.broken).toBeNull();
  });

  it('calls a forged extra frame, text between frames or a wrong count tampering', () => {
    expect(read(frame(0, 'a', '') + frame(0, 'forged', '') + frame(1, 'b', '')).reader.broken).toMatch(/tampered/);
    expect(read(frame(0, 'a', '') + 'hello\n' + frame(1, 'b', '')).reader.broken).toMatch(/tampered/);
    expect(read(frame(0, 'a', '') + '\x1eDONE 3\n').reader.broken).toMatch(/ended after 3 tests, 1 were reported/);
    expect(read(frame(0, 'a', '') + '\x1eDONE 1\n' + frame(1, 'late', '')).reader.broken).toMatch(/after the end/);
  });

  it('takes the supervisor report that comes last, not one the program printed', () => {
    const nonce = 'n1';
    const fake = `\x1eCCR:${nonce}:{"exitCode":0,"signal":0,"timedOut":false,"wallMs":1,"cpuMs":1,"maxRssKb":1,"oomKills":0,"error":""}\n`;
    const real = `\x1eCCR:${nonce}:{"exitCode":1,"signal":0,"timedOut":false,"wallMs":5,"cpuMs":4,"maxRssKb":9,"oomKills":0,"error":""}\n`;
    const split = splitNested(nonce, Buffer.from(`out\x1eCCR:${nonce}:end\nmore\x1eCCR:${nonce}:end\n`), Buffer.from(`oops\n${fake}${real}`));
    expect(split.report).toMatchObject({ exitCode: 1, cpuMs: 4 });
    expect(split.output.toString()).toBe(`out\x1eCCR:${nonce}:end\nmore`);
    expect(splitNested(nonce, Buffer.from('no marker'), Buffer.from(real)).report).toBeNull();
  });

  it('writes the supervisor header and the stdin as one request', () => {
    const req = testRequest({ nonce: 'abc', stdin: Buffer.from('1 2\n'), command: 'exec python3 main.py', wallMs: 5000, cpuMs: 2000, outputBytes: 1024 });
    expect(req.toString()).toBe('nonce abc\nstdin 4\ntime_ms 5000\ncpu_ms 2000\nfsize 1025\ncmd exec python3 main.py\n\n1 2\n');
    const validator = testRequest({ stdin: new Uint8Array(), command: 'exec v/validator\nx', wallMs: 1, cpuMs: 1, outputBytes: 1, resultFile: '/tmp/fb/m', resultBytes: 9, cleanDir: '/tmp/fb' });
    expect(validator.toString()).toBe('stdin 0\ntime_ms 1\ncpu_ms 1\nfsize 2\nresult_file /tmp/fb/m\nresult_bytes 9\nclean_dir /tmp/fb\ncmd exec v/validator x\n\n');
    expect(batchInput({ nonce: 'n', requests: [req, validator], cleanup: '.cc-judge/0' }).toString()).toBe(`nonce n\ncount 2\ncleanup .cc-judge/0\n\n${req.toString()}${validator.toString()}`);
    expect(batchInput({ nonce: 'n', requests: [], cleanup: 'd', memoryBytes: 1 << 20 }).toString()).toBe('nonce n\ncount 0\ncleanup d\nmemory_max 1048576\n\n');
  });

  it("quotes only the validator flags that need it, so plain commands skip the shell", () => {
    expect(validatorArgs('  float_tolerance 1e-6 case_sensitive ')).toBe('float_tolerance 1e-6 case_sensitive');
    expect(validatorArgs("a$b it's *")).toBe(`'a$b' 'it'\\''s' '*'`);
    expect(validatorArgs('')).toBe('');
  });
});
