import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from '../state/store';
import { createChatUnread } from './chat-unread';

// The chat's unread count: others' lines while the chat is out of sight, cleared when it is seen.

function setup(page = { visible: true }) {
  const store = createWorkbenchStore();
  const unread = createChatUnread({ store, pageVisible: () => page.visible });
  return { store, unread, page };
}

const line = (author: string) => ({ author });

describe('chat unread count', () => {
  it('counts others’ lines while the Collaboration view is not shown, never one’s own', () => {
    const { store, unread } = setup();
    store.set({ sideBarVisible: true, sideView: 'explorer' });
    expect(unread.added([line('peer'), line('me'), line('peer')], 'me')).toBe(2);
    expect(unread.added([line('other')], 'me')).toBe(3);
  });

  it('counts nothing while the chat is in sight, and counts again on a hidden page', () => {
    const { store, unread, page } = setup();
    store.set({ sideBarVisible: true, sideView: 'collab' });
    expect(unread.visible()).toBe(true);
    expect(unread.added([line('peer')], 'me')).toBe(0);
    page.visible = false;
    expect(unread.visible()).toBe(false);
    expect(unread.added([line('peer')], 'me')).toBe(1);
    store.set({ sideBarVisible: false });
    page.visible = true;
    expect(unread.added([line('peer')], 'me')).toBe(2);
  });

  it('marks read: the count and the badge in the store go to zero', () => {
    const { store, unread } = setup();
    store.set({ sideBarVisible: false });
    const count = unread.added([line('peer'), line('peer')], 'me');
    store.set((s) => ({ collab: { ...s.collab, chatUnread: count } }));
    unread.markRead();
    expect(store.get().collab.chatUnread).toBe(0);
    expect(unread.added([line('peer')], 'me')).toBe(1);
    unread.reset();
    expect(unread.added([], 'me')).toBe(0);
  });
});
