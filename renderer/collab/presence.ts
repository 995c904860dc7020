import { z } from 'zod';
import type { Awareness } from 'y-protocols/awareness';
import type { Participant, RoomRole } from './collab-state';

// Who is in the room and where (issue 4): each peer's awareness state carries
// { user: { name, color, role }, activeFile, selection (monaco-binding.ts), typing, viewport, follow,
// chatTyping, activeAt }. Remote states come from untrusted peers: they are parsed, never trusted.

export const PEER_COLORS = ['#e06c75', '#61afef', '#98c379', '#e5c07b', '#c678dd', '#56b6c2', '#d19a66', '#f472b6'] as const;
/** Names for the colours, for the colour picker's labels (screen readers say "Blue", not a hex code). */
export const PEER_COLOR_NAMES: Record<(typeof PEER_COLORS)[number], string> = {
  '#e06c75': 'Red',
  '#61afef': 'Blue',
  '#98c379': 'Green',
  '#e5c07b': 'Yellow',
  '#c678dd': 'Purple',
  '#56b6c2': 'Cyan',
  '#d19a66': 'Orange',
  '#f472b6': 'Pink',
};
/** A peer with no edit, click or scroll for this long shows as idle. */
export const IDLE_MS = 60_000;
/** Where names were kept before they moved into settings (issue 11); read once as a fallback. */
const NAME_KEY = 'codecrafter.collab.name';

const PeerStateSchema = z.object({
  user: z.object({
    name: z.string().min(1).max(40),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    role: z.enum(['owner', 'guest']),
  }),
  activeFile: z.string().max(1024).nullable().optional(),
  typing: z.boolean().optional(),
  chatTyping: z.boolean().optional(),
  activeAt: z.number().optional(),
  viewport: z.object({ file: z.string().max(1024), top: z.number().int().min(1) }).nullable().optional(),
});
export type PeerState = z.infer<typeof PeerStateSchema>;

export function readPeerState(state: unknown): PeerState | null {
  const parsed = PeerStateSchema.safeParse(state);
  return parsed.success ? parsed.data : null;
}

/** Control characters and quotes would break the CSS label; names are short. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f"'\\<>]/g, '').trim().slice(0, 40);
}

export function savedName(): string {
  try {
    return cleanName(localStorage.getItem(NAME_KEY) ?? '');
  } catch {
    return '';
  }
}

export function colorFor(clientId: number): string {
  return PEER_COLORS[clientId % PEER_COLORS.length]!;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export function setLocalUser(awareness: Awareness, name: string, role: RoomRole, color = ''): void {
  awareness.setLocalState({
    ...(awareness.getLocalState() ?? {}),
    user: { name: cleanName(name) || 'Anonymous', color: HEX_COLOR.test(color) ? color : colorFor(awareness.clientID), role },
    activeAt: Date.now(),
  });
}

export function setLocalField(awareness: Awareness, field: string, value: unknown): void {
  if (awareness.getLocalState() === null) return;
  awareness.setLocalStateField(field, value);
}

export function participants(awareness: Awareness, now = Date.now()): Participant[] {
  const list: Participant[] = [];
  for (const [clientId, raw] of awareness.getStates()) {
    const state = readPeerState(raw);
    if (!state) continue;
    list.push({
      clientId,
      name: state.user.name,
      color: state.user.color,
      role: state.user.role,
      activeFile: state.activeFile ?? null,
      typing: state.typing ?? false,
      idle: now - (state.activeAt ?? now) > IDLE_MS,
      self: clientId === awareness.clientID,
    });
  }
  return list.sort((a, b) => Number(b.self) - Number(a.self) || (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'owner' ? -1 : 1));
}

/** The Monaco binding (monaco-binding.ts) marks remote selections with per-client classes; this paints them in each peer's colour with a name label. */
export function remoteCursorCss(list: Participant[]): string {
  return list
    .filter((p) => !p.self)
    .map(
      (p) =>
        `.yRemoteSelection-${p.clientId}{background-color:${p.color}40}` +
        `.yRemoteSelectionHead-${p.clientId}{position:absolute;border-left:2px solid ${p.color};height:100%;box-sizing:border-box}` +
        `.yRemoteSelectionHead-${p.clientId}::after{content:"${cleanName(p.name)}";position:absolute;top:-1.2em;left:-2px;` +
        `padding:0 3px;font-size:11px;line-height:1.2em;white-space:nowrap;color:#111;background:${p.color};pointer-events:none;z-index:10}`,
    )
    .join('\n');
}

export interface RemoteCursors {
  /** Paints the peers' selections in their colours (an empty list clears them). */
  paint(list: Participant[]): void;
}

/** The style element that colours remote cursors, made on the first paint into `head`. */
export function createRemoteCursors(head: () => HTMLElement = () => document.head): RemoteCursors {
  let styleElement: HTMLStyleElement | null = null;
  return {
    paint(list) {
      const parent = head();
      styleElement ??= Object.assign(parent.ownerDocument.createElement('style'), { id: 'collab-cursors' });
      if (!styleElement.isConnected) parent.appendChild(styleElement);
      const css = remoteCursorCss(list);
      if (styleElement.textContent !== css) styleElement.textContent = css;
    },
  };
}
