import { describe, expect, it } from 'vitest';
import { formatInvite, newRoom, OLD_INVITE_PROBLEM, parseInvite, randomToken, ROOM_ID_CHARS, SECRET_CHARS, SIGNAL_TOKEN_CHARS, inviteFromArgv, signalHost, signalUrlWithToken } from './invite';

const TOKEN = 'T0k3n-T0k3n_T0k3n-T0k3n_T0k3n-T0';
const invite = { roomId: 'AbCdEfGh_123-xyz', signalUrl: 'ws://192.168.1.20:4444', signalToken: TOKEN, secret: 'S3cr3t-S3cr3t_S3cr3t-S3cr3t' };

describe('invite links', () => {
  it('round-trips the app link and the http link', () => {
    const app = formatInvite(invite);
    expect(app).toBe(`codecrafter://join/${invite.roomId}?s=ws%3A%2F%2F192.168.1.20%3A4444&t=${TOKEN}#${invite.secret}`);
    expect(parseInvite(app)).toEqual({ ok: true, invite });
    const web = formatInvite(invite, 'http://127.0.0.1:7420/');
    expect(web.startsWith('http://127.0.0.1:7420/join/')).toBe(true);
    expect(parseInvite(web)).toEqual({ ok: true, invite });
  });

  it('keeps the secret after # so it never reaches a server', () => {
    const link = formatInvite(invite, 'http://example.test');
    const hashAt = link.indexOf('#');
    expect(link.slice(0, hashAt)).not.toContain(invite.secret);
    expect(link.slice(hashAt)).toBe(`#${invite.secret}`);
  });

  it('ignores a role token after the secret', () => {
    const parsed = parseInvite(`${formatInvite(invite)}.roletoken`);
    expect(parsed).toEqual({ ok: true, invite });
  });

  it('carries who invites (name and fingerprint) and drops a damaged one without refusing the invite', () => {
    const withInviter = { ...invite, inviter: { name: 'Ada Lovelace', fingerprint: 'ABCD EFGH IJKL MNOP QR23' } };
    const link = formatInvite(withInviter);
    expect(parseInvite(link)).toEqual({ ok: true, invite: withInviter });
    expect(parseInvite(formatInvite(withInviter, 'http://127.0.0.1:7420'))).toEqual({ ok: true, invite: withInviter });
    const damaged = link.replace('&f=ABCD', '&f=abcd');
    expect(parseInvite(damaged)).toEqual({ ok: true, invite });
    const hostile = link.replace('n=Ada', 'n=%3Cscript%3E');
    expect(parseInvite(hostile)).toEqual({ ok: true, invite });
  });

  it('refuses an invite made before signalling tokens with a sentence that says what to do', () => {
    const old = `codecrafter://join/${invite.roomId}?s=ws%3A%2F%2F192.168.1.20%3A4444#${invite.secret}`;
    expect(parseInvite(old)).toEqual({ ok: false, problem: OLD_INVITE_PROBLEM });
    expect(OLD_INVITE_PROBLEM).toMatch(/new invite/);
    const short = parseInvite(`codecrafter://join/${invite.roomId}?s=ws%3A%2F%2Fh%3A1&t=abc#${invite.secret}`);
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.problem).toContain('signalling token is too short');
  });

  it('dials the signalling server with the token and names its host for the dialog', () => {
    expect(signalUrlWithToken(invite)).toBe(`ws://192.168.1.20:4444/?token=${TOKEN}`);
    expect(signalUrlWithToken({ signalUrl: 'wss://sig.example.org/', signalToken: TOKEN })).toBe(`wss://sig.example.org/?token=${TOKEN}`);
    expect(signalHost('ws://192.168.1.20:4444')).toBe('192.168.1.20:4444');
  });

  it.each([
    ['not a link', 'not a link'],
    ['ftp://x/join/AbCdEfGh_123?s=ws://a#S3cr3t-S3cr3t_S3cr3t', 'not ftp'],
    ['codecrafter://open/AbCdEfGh_123?s=ws://a#S3cr3t-S3cr3t_S3cr3t', 'not a room invite'],
    ['codecrafter://join/AbCdEfGh_123#S3cr3t-S3cr3t_S3cr3t', 'no signalling'],
    ['codecrafter://join/AbCdEfGh_123?s=http://a#S3cr3t-S3cr3t_S3cr3t', 'ws:// or wss://'],
    ['codecrafter://join/AbCdEfGh_123?s=ws://a&t=T0k3n-T0k3n_T0k3n-T0k3n_T0k3n-T0', 'no secret'],
    ['codecrafter://join/ab?s=ws://a#S3cr3t-S3cr3t_S3cr3t', 'too short'],
    ['codecrafter://join/AbCd%2F..%2FEfGh?s=ws://a#S3cr3t-S3cr3t_S3cr3t', 'only letters'],
    ['codecrafter://join/AbCdEfGh_123?s=ws://a&t=T0k3n-T0k3n_T0k3n-T0k3n_T0k3n-T0#short', 'too short'],
    ['http://h/x/AbCdEfGh_123?s=ws://a#S3cr3t-S3cr3t_S3cr3t', 'no /join/'],
  ])('refuses %s with a reason', (link, reason) => {
    const parsed = parseInvite(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(reason);
  });

  it('makes random ids and secrets of the promised length', () => {
    const a = newRoom('ws://127.0.0.1:1', randomToken(SIGNAL_TOKEN_CHARS));
    const b = newRoom('ws://127.0.0.1:1', randomToken(SIGNAL_TOKEN_CHARS));
    expect(a.roomId).toHaveLength(ROOM_ID_CHARS);
    expect(a.secret).toHaveLength(SECRET_CHARS);
    expect(a.roomId).not.toBe(b.roomId);
    expect(a.secret).not.toBe(b.secret);
    expect(randomToken(40)).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(parseInvite(formatInvite(a))).toEqual({ ok: true, invite: a });
  });
});

describe('inviteFromArgv', () => {
  it('finds the link the OS passed on the command line, and nothing else', () => {
    expect(inviteFromArgv(['/opt/CodeCrafter/codecrafter', '--no-sandbox', 'codecrafter://join/abc?s=ws%3A%2F%2Fh#s'])).toBe(
      'codecrafter://join/abc?s=ws%3A%2F%2Fh#s',
    );
    expect(inviteFromArgv(['/opt/CodeCrafter/codecrafter', 'https://example.com', 'codecrafter:join'])).toBeNull();
  });
});
