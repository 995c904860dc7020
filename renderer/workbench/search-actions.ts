import { activeEditor } from '../app-context';
import { workbench } from '../state/store';
import { openFile } from './actions';

// The Search view's actions (issue 11); the query itself is search-controller.ts's. A result
// opens its file with the match selected.

export function showSearch(): void {
  workbench.set({ sideView: 'search', sideBarVisible: true });
  // The view mounts on this render; its query field takes the focus, with the text selected.
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Search query"]');
    input?.focus();
    input?.select();
  });
}

export async function openMatch(path: string, line: number, column: number, length: number): Promise<void> {
  activeEditor.selectInFile(path, line, column, length);
  await openFile(path);
}
