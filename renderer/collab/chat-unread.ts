import type { WorkbenchStore } from '../state/store';

// How many chat lines this window has not seen (the Collaboration view's badge): others' lines
// count while the chat is out of sight; showing the chat marks them read.

export interface ChatUnread {
  /** Whether the chat is in sight: the Collaboration view is shown and the page is visible. */
  visible(): boolean;
  /** A new room's chat: nothing unread yet. */
  reset(): void;
  /** New lines (live or a late joiner's history); returns how many are unread now. */
  added(lines: ReadonlyArray<{ author: string }>, selfKey: string): number;
  /** Everything was seen. */
  markRead(): void;
}

export interface ChatUnreadDeps {
  store: WorkbenchStore;
  /** Whether the page is shown at all (a hidden page's chat is out of sight). */
  pageVisible: () => boolean;
}

export function createChatUnread({ store, pageVisible }: ChatUnreadDeps): ChatUnread {
  let unread = 0;
  const visible = (): boolean => {
    const s = store.get();
    return s.sideBarVisible && s.sideView === 'collab' && pageVisible();
  };
  return {
    visible,
    reset() {
      unread = 0;
    },
    added(lines, selfKey) {
      for (const line of lines) if (line.author !== selfKey && !visible()) unread++;
      return unread;
    },
    markRead() {
      unread = 0;
      if (store.get().collab.chatUnread !== 0) store.set((s) => ({ collab: { ...s.collab, chatUnread: 0 } }));
    },
  };
}
