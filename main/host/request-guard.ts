import os from 'node:os';

// Which Host and Origin the browser host answers (issue 11). The token alone is not enough: a
// page on attacker.example whose DNS name is re-bound to 127.0.0.1 (DNS rebinding) talks to us as
// "same origin" and, once it holds the token, gets a shell. Such a page always sends its own name
// in Host and Origin, so answering only our own names on our own port closes that door (the same
// defence as Vite's server.allowedHosts and Jupyter's allow_remote_access).

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** A name as it appears in a Host header: IPv6 literals in brackets, lower case. */
function asHostName(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/**
 * The names a browser may use to reach us: the loopback names always; when bound elsewhere, the
 * name given to --host too; for a wildcard bind, this machine's addresses and host name, since
 * that is what a user on the LAN types.
 */
export function allowedHostNames(bindHost: string, interfaces = os.networkInterfaces(), hostname = os.hostname()): string[] {
  const names = new Set<string>(LOOPBACK_NAMES);
  names.add(asHostName(bindHost));
  if (isWildcard(bindHost)) {
    for (const list of Object.values(interfaces)) {
      for (const entry of list ?? []) names.add(asHostName(entry.address.split('%')[0]!));
    }
    if (hostname) names.add(hostname.toLowerCase());
  }
  return [...names];
}

export interface RequestGate {
  /** Exact Host header values we answer, e.g. "127.0.0.1:7420". */
  hosts: ReadonlySet<string>;
  /** Exact Origin header values we accept, e.g. "http://127.0.0.1:7420". */
  origins: ReadonlySet<string>;
}

export function requestGate(names: readonly string[], port: number): RequestGate {
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    // Browsers leave the default port out of Host and Origin.
    if (port === 80) hosts.add(name);
  }
  return { hosts, origins: new Set([...hosts].map((host) => `http://${host}`)) };
}

export type GateVerdict = { ok: true } | { ok: false; status: 400 | 403; message: string };

/** Host must be one of ours; Origin, when the browser sends one, too. */
export function checkRequest(gate: RequestGate, headers: { host?: string; origin?: string }, printedUrl: string): GateVerdict {
  const host = headers.host?.toLowerCase();
  if (!host) {
    return { ok: false, status: 400, message: 'CodeCrafter: the request has no Host header. Open the URL the browser host printed.' };
  }
  if (!gate.hosts.has(host)) {
    return {
      ok: false,
      status: 403,
      message:
        `CodeCrafter: refused a request addressed to "${host.slice(0, 200)}". The browser host answers only at its own ` +
        `address (${[...gate.hosts].slice(0, 3).join(', ')}…), which protects it from DNS rebinding. Open the URL it printed: ${printedUrl}`,
    };
  }
  const origin = headers.origin;
  if (origin !== undefined && !gate.origins.has(origin.toLowerCase())) {
    return {
      ok: false,
      status: 403,
      message: `CodeCrafter: a page from ${origin.slice(0, 200)} may not use this host. Only pages the browser host serves itself may.`,
    };
  }
  return { ok: true };
}

/**
 * The request target as a URL on our own origin, or undefined when it is not an absolute path
 * (absolute-form or "*" targets are for proxies, not for us). Runs of slashes collapse to one, so
 * "/.//evil.example/x" can never come back out as the scheme-relative "//evil.example/x".
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  if (!target?.startsWith('/')) return undefined;
  let url: URL;
  try {
    // Appended to a fixed origin rather than resolved against it: "//host/x" and "/\host/x" would
    // otherwise be read as another host.
    url = new URL(`http://codecrafter.invalid${target}`);
  } catch {
    return undefined;
  }
  if (url.host !== 'codecrafter.invalid') return undefined;
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  return url;
}

/** A Location for a redirect that stays on our origin: one leading slash, path and query only. */
export function localLocation(url: URL): string {
  const pathname = `/${url.pathname.replace(/^\/+/, '').replace(/\/{2,}/g, '/')}`;
  return pathname + url.search;
}
