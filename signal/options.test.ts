import { describe, expect, it } from 'vitest';
import { exposureWarning, isLoopbackHost, resolveOptions } from './options';

describe('signal server options', () => {
  it('defaults to loopback, port 4444, 64 KiB frames', () => {
    const o = resolveOptions({});
    expect(o.host).toBe('127.0.0.1');
    expect(o.port).toBe(4444);
    expect(o.limits.maxPayloadBytes).toBe(65536);
  });

  it('rejects unknown limits and bad values with a zod error', () => {
    expect(() => resolveOptions({ limits: { maxTopics: 1 } as never })).toThrow();
    expect(() => resolveOptions({ port: 70000 })).toThrow();
    expect(() => resolveOptions({ redisUrl: 'http://x' })).toThrow(/redis:\/\//);
  });

  it('tells loopback from network addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.2', 'example.com', '128.0.0.1']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('warns loudly when bound beyond loopback, louder without a token', () => {
    expect(exposureWarning('127.0.0.1', false)).toBeUndefined();
    expect(exposureWarning('0.0.0.0', true)).toMatch(/NOT loopback/);
    expect(exposureWarning('0.0.0.0', true)).not.toMatch(/NOT authenticated/);
    expect(exposureWarning('192.168.1.5', false)).toMatch(/NOT loopback.*NOT authenticated/);
  });
});
