import type { TerminalInfo } from '../../common/types';
import { CONTAINER_TERMINAL_SHELL, type RoomContainerOverQuota } from '../../common/contract-room-container';
import { Emitter } from '../../common/event';
import { api } from '../host';
import { workbench } from '../state/store';
import { attempt, notify } from '../workbench/actions';
import { containerScope } from './container-scope';
import { openTerminal, terminalTransport } from './terminal-transport';

// Terminal tab actions beyond open and close (those stay in workbench/actions.ts, where the
// keyboard shortcuts call them).

const restarts = new Emitter<{ from: TerminalInfo; to: TerminalInfo }>();
/**
 * A terminal was restarted: a new shell under a new id takes its tab. Fired before the tab
 * switches, so what follows the old id (a share with the room) moves to the new one before the
 * old id leaves the terminal list.
 */
export const onDidRestartTerminal = restarts.event;

function add(info: TerminalInfo, split = false): void {
  workbench.set((s) => ({
    terminals: [...s.terminals, info],
    activeTerminal: split ? s.activeTerminal ?? info.id : info.id,
    terminalSplit: split && s.activeTerminal ? info.id : s.terminalSplit,
    panelVisible: true,
    panelView: 'terminal',
  }));
}


/**
 * Tabs for the terminals the host still runs that this page shows none of: after a reload, or in
 * another page of the browser host. Each view then starts from the terminal's recent output.
 */
export async function restoreTerminals(): Promise<void> {
  const running = await api.terminal.list();
  if (!running.some((t) => !workbench.get().terminals.some((shown) => shown.id === t.id))) return;
  // The views ask for their replay on mount: this page's output must be on its way by then.
  if (!(await attempt('Cannot show the terminals that are still running', () => terminalTransport.connected().then(() => true)))) return;
  workbench.set((s) => {
    const shown = new Set(s.terminals.map((t) => t.id));
    const missing = running.filter((t) => !shown.has(t.id));
    if (missing.length === 0) return {};
    // Shown as they were in use: the panel opens on them.
    return { terminals: [...s.terminals, ...missing], activeTerminal: s.activeTerminal ?? missing.at(-1)!.id, panelVisible: true, panelView: 'terminal' };
  });
}

export async function newTerminalWithProfile(shell?: string): Promise<void> {
  const info = await attempt('Cannot open a terminal', () => openTerminal(() => api.terminal.create(shell ? { cols: 80, rows: 24, shell } : { cols: 80, rows: 24 })));
  if (info) add(info);
}

/** A shell in the room container (a `docker exec` with a TTY): the hosted room's, or the open folder's. */
export async function openRoomContainerTerminal(split = false): Promise<void> {
  const info = await attempt('Cannot open a terminal in the room container', () => openTerminal(() => api.roomContainer.openTerminal({ ...containerScope(), cols: 80, rows: 24 })));
  if (info) add(info, split);
}

/** A second terminal beside the active one, with the active one's shell. */
export async function splitTerminal(): Promise<void> {
  const { terminals, activeTerminal } = workbench.get();
  const shell = terminals.find((t) => t.id === activeTerminal)?.shell;
  if (shell === CONTAINER_TERMINAL_SHELL) return openRoomContainerTerminal(true);
  const info = await attempt('Cannot split the terminal', () => openTerminal(() => api.terminal.create(shell ? { cols: 80, rows: 24, shell } : { cols: 80, rows: 24 })));
  if (info) add(info, true);
}

export async function renameTerminal(id: string, title: string): Promise<void> {
  const info = await attempt('Cannot rename the terminal', () => api.terminal.rename({ id, title }));
  if (info) workbench.set((s) => ({ terminals: s.terminals.map((t) => (t.id === id ? info : t)) }));
}

/** Closes a tab: kills its shell if it still runs (an exited one has nothing to kill). */
export async function closeTerminal(id: string, running: boolean): Promise<void> {
  if (running) await attempt('Cannot close the terminal', () => api.terminal.kill({ id }));
  workbench.set((s) => {
    const terminals = s.terminals.filter((t) => t.id !== id);
    const split = s.terminalSplit === id ? null : s.terminalSplit;
    const active = s.activeTerminal === id ? (split ?? terminals.at(-1)?.id ?? null) : s.activeTerminal;
    return { terminals, activeTerminal: active, terminalSplit: split === active ? null : split };
  });
}

/**
 * A new shell in the same tab (after an exit or a crash of the terminal process): same profile and
 * name, the old screen gone.
 */
export async function restartTerminal(old: TerminalInfo, afterHostCrash: boolean): Promise<void> {
  if (afterHostCrash && !(await attempt('Cannot restart the terminal process', () => api.terminal.restartHost().then(() => true)))) return;
  const created = await attempt('Cannot restart the terminal', () =>
    openTerminal(() =>
      old.shell === CONTAINER_TERMINAL_SHELL
        ? api.roomContainer.openTerminal({ ...containerScope(), cols: 80, rows: 24 })
        : api.terminal.create({ cols: 80, rows: 24, shell: old.shell }),
    ),
  );
  if (!created) return;
  const renamed = old.title !== created.title ? await api.terminal.rename({ id: created.id, title: old.title }).catch(() => created) : created;
  restarts.fire({ from: old, to: renamed });
  workbench.set((s) => ({
    terminals: s.terminals.map((t) => (t.id === old.id ? renamed : t)),
    activeTerminal: s.activeTerminal === old.id ? renamed.id : s.activeTerminal,
    terminalSplit: s.terminalSplit === old.id ? renamed.id : s.terminalSplit,
  }));
}

/** Links clicked in a terminal: only plain web links, opened by the host (Electron checks again). */
export function openTerminalLink(uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return;
  window.open(url.href, '_blank', 'noopener,noreferrer');
}

/** The room container passed its disk quota (main enforces it): the user learns what happened and what to do. */
export function reportQuotaPassed({ usedMb, quotaMb, stopped }: RoomContainerOverQuota): void {
  const use = `${usedMb.toLocaleString('en')} MB of its ${quotaMb.toLocaleString('en')} MB disk quota`;
  notify(
    stopped
      ? `The room container went over its disk quota (${use}): every program in it was stopped, its terminals included. Open a terminal in it to delete files; runs go back into it once it is under the quota.`
      : `The room container uses ${use}: delete files in this terminal. Writing more stops every program in it; runs are refused until it is under the quota.`,
    'warning',
    undefined,
    'room-container-quota',
  );
}
