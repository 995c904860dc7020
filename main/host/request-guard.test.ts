import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { allowedHostNames, checkRequest, localLocation, parseRequestTarget, requestGate } from './request-guard';

// The pure part of the Host/Origin allow-list; web-server.test.ts drives it through a real server.

const lan = {
  eth0: [{ address: '192.168.1.20', family: 'IPv4' }, { address: 'fe80::1%eth0', family: 'IPv6' }],
} as unknown as ReturnType<typeof os.networkInterfaces>;

describe('request guard', () => {
  it('a loopback bind answers only the loopback names', () => {
    expect(allowedHostNames('127.0.0.1', lan, 'box').sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
  });

  it('an explicit --host is added; a wildcard bind adds this machine\'s addresses and name', () => {
    expect(allowedHostNames('dev.example.lan', lan, 'box')).toContain('dev.example.lan');
    expect(allowedHostNames('dev.example.lan', lan, 'box')).not.toContain('192.168.1.20');
    const wildcard = allowedHostNames('0.0.0.0', lan, 'Box');
    expect(wildcard).toEqual(expect.arrayContaining(['192.168.1.20', '[fe80::1]', 'box', 'localhost']));
  });

  it('port 80 also matches a Host without a port, as browsers send it', () => {
    const gate = requestGate(['localhost'], 80);
    expect(checkRequest(gate, { host: 'localhost' }, 'u')).toEqual({ ok: true });
    expect(checkRequest(gate, { host: 'localhost', origin: 'http://localhost' }, 'u')).toEqual({ ok: true });
    expect(checkRequest(requestGate(['localhost'], 7420), { host: 'localhost' }, 'u').ok).toBe(false);
  });

  it('reads only absolute-path request targets, on our origin', () => {
    expect(parseRequestTarget('http://evil.example/x')).toBeUndefined();
    expect(parseRequestTarget('*')).toBeUndefined();
    expect(parseRequestTarget(undefined)).toBeUndefined();
    expect(localLocation(parseRequestTarget('/.//evil.example/x?a=1')!)).toBe('/evil.example/x?a=1');
    expect(localLocation(parseRequestTarget('//evil.example')!)).toBe('/evil.example');
  });
});
