import { useEffect, useRef, type KeyboardEvent } from 'react';

// A context menu as the WAI-ARIA menu pattern has it: opened by right click, Shift+F10 or the
// ContextMenu key; the first item takes the focus; arrows, Home and End move; Enter or Space
// acts; Escape, Tab or a click elsewhere closes it and the opener gets the focus back.

export type MenuEntry = { id: string; label: string; disabled?: boolean; run: () => unknown } | 'separator';

export interface MenuAt {
  x: number;
  y: number;
}

export function ContextMenu(props: { label: string; at: MenuAt; entries: MenuEntry[]; onClose: (restoreFocus: boolean) => void }) {
  const menu = useRef<HTMLDivElement>(null);
  const { onClose } = props;

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const outside = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose(false);
    };
    window.addEventListener('mousedown', outside, true);
    return () => window.removeEventListener('mousedown', outside, true);
  }, [onClose]);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(index + 1);
        break;
      case 'ArrowUp':
        focus(index - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(list.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose(true);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  // Keep the menu inside the window when opened near its right or bottom edge.
  const style = { left: Math.min(props.at.x, window.innerWidth - 240), top: Math.min(props.at.y, window.innerHeight - 320) };
  return (
    <div ref={menu} role="menu" aria-label={props.label} className="context-menu" style={style} onKeyDown={onKeyDown}>
      {props.entries.map((entry, i) =>
        entry === 'separator' ? (
          <div key={`sep-${i}`} role="separator" className="menu-separator" />
        ) : (
          <div
            key={entry.id}
            role="menuitem"
            tabIndex={-1}
            aria-disabled={entry.disabled || undefined}
            className="menu-item"
            onClick={() => {
              if (entry.disabled) return;
              onClose(false);
              void entry.run();
            }}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ' ') && !entry.disabled) {
                e.preventDefault();
                e.stopPropagation();
                onClose(false);
                void entry.run();
              }
            }}
          >
            {entry.label}
          </div>
        ),
      )}
    </div>
  );
}
