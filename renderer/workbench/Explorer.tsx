import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { baseName, joinPath, parentPath, workspacePathProblem } from '../../common/paths';
import type { FileEntry } from '../../common/types';
import { useWorkbench, workbench } from '../state/store';
import { Icon } from './icons';
import { createEntry, deleteEntry, openFile, refreshTree, renameEntry } from './actions';
import { ContextMenu, type MenuAt } from './ContextMenu';
import { explorerMenu } from './explorer-menu';
import { FileIcon, FolderIcon } from './file-icons';

type Edit = { mode: 'new-file' | 'new-folder'; parent: string } | { mode: 'rename'; path: string };

interface Row {
  entry: FileEntry;
  depth: number;
}

function visibleRows(entries: FileEntry[], expanded: Record<string, boolean>): Row[] {
  const children = new Map<string, FileEntry[]>();
  for (const entry of entries) {
    const parent = parentPath(entry.path);
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(entry);
  }
  for (const list of children.values()) {
    list.sort((a, b) => (a.kind === b.kind ? baseName(a.path).localeCompare(baseName(b.path)) : a.kind === 'directory' ? -1 : 1));
  }
  const rows: Row[] = [];
  const walk = (parent: string, depth: number) => {
    for (const entry of children.get(parent) ?? []) {
      rows.push({ entry, depth });
      if (entry.kind === 'directory' && expanded[entry.path]) walk(entry.path, depth + 1);
    }
  };
  walk('', 0);
  return rows;
}

function NameInput(props: { label: string; initial: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(props.initial);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const dot = props.initial.lastIndexOf('.');
    ref.current?.setSelectionRange(0, dot > 0 ? dot : props.initial.length);
  }, [props.initial]);
  const problem = value.trim() === '' ? null : workspacePathProblem(value.trim());
  return (
    <div className="name-input">
      <input
        ref={ref}
        aria-label={props.label}
        value={value}
        aria-invalid={problem !== null}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !problem) props.onDone(value.trim() || null);
          if (e.key === 'Escape') props.onDone(null);
          e.stopPropagation();
        }}
        onBlur={() => props.onDone(problem ? null : value.trim() || null)}
      />
      {problem && <div role="alert" className="input-problem">{problem}</div>}
    </div>
  );
}

export function Explorer() {
  const workspace = useWorkbench((s) => s.workspace);
  const entries = useWorkbench((s) => s.entries);
  const truncated = useWorkbench((s) => s.treeTruncated);
  const expanded = useWorkbench((s) => s.expanded);
  const selected = useWorkbench((s) => s.selectedPath);
  const dirty = useWorkbench((s) => s.dirty);
  const [edit, setEdit] = useState<Edit | null>(null);
  const [menu, setMenu] = useState<{ at: MenuAt; entry: FileEntry | null } | null>(null);
  const rows = useMemo(() => visibleRows(entries, expanded), [entries, expanded]);
  const treeRef = useRef<HTMLDivElement>(null);

  const targetFolder = () => {
    const entry = entries.find((e) => e.path === selected);
    if (!entry) return '';
    return entry.kind === 'directory' ? entry.path : parentPath(entry.path);
  };
  const startNew = (kind: 'file' | 'directory', parent = targetFolder()) => {
    if (parent) workbench.set((s) => ({ expanded: { ...s.expanded, [parent]: true } }));
    setEdit({ mode: kind === 'file' ? 'new-file' : 'new-folder', parent });
  };

  useEffect(() => {
    const listener = (e: Event) => startNew((e as CustomEvent<'file' | 'directory'>).detail);
    window.addEventListener('codecrafter:new-entry', listener);
    return () => window.removeEventListener('codecrafter:new-entry', listener);
  });

  const finishEdit = async (name: string | null) => {
    const current = edit;
    setEdit(null);
    if (!current || !name) return;
    if (current.mode === 'rename') await renameEntry(current.path, joinPath(parentPath(current.path), name));
    else await createEntry(current.mode === 'new-file' ? 'file' : 'directory', joinPath(current.parent, name));
    treeRef.current?.focus();
  };

  const activate = (entry: FileEntry) => {
    workbench.set({ selectedPath: entry.path });
    if (entry.kind === 'directory') workbench.set((s) => ({ expanded: { ...s.expanded, [entry.path]: !s.expanded[entry.path] } }));
    else void openFile(entry.path);
  };

  const openMenu = (entry: FileEntry | null, at: MenuAt) => {
    if (entry) workbench.set({ selectedPath: entry.path });
    setMenu({ at, entry });
  };
  const closeMenu = useCallback((restoreFocus: boolean) => {
    setMenu(null);
    if (restoreFocus) treeRef.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const entry = entries.find((x) => x.path === selected) ?? null;
      const box = (treeRef.current?.querySelector(`[data-path="${CSS.escape(selected ?? '')}"]`) ?? treeRef.current)?.getBoundingClientRect();
      openMenu(entry, { x: (box?.left ?? 0) + 16, y: (box?.bottom ?? 0) });
      return;
    }
    const index = rows.findIndex((r) => r.entry.path === selected);
    const row = rows[index];
    const select = (i: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (next) workbench.set({ selectedPath: next.entry.path });
    };
    switch (e.key) {
      case 'ArrowDown':
        select(index + 1);
        break;
      case 'ArrowUp':
        select(index - 1);
        break;
      case 'ArrowRight':
        if (row?.entry.kind === 'directory') workbench.set((s) => ({ expanded: { ...s.expanded, [row.entry.path]: true } }));
        break;
      case 'ArrowLeft':
        if (row?.entry.kind === 'directory' && expanded[row.entry.path]) {
          workbench.set((s) => ({ expanded: { ...s.expanded, [row.entry.path]: false } }));
        } else if (row) {
          const parent = parentPath(row.entry.path);
          if (parent) workbench.set({ selectedPath: parent });
        }
        break;
      case 'Enter':
        if (row) activate(row.entry);
        break;
      case 'F2':
        if (row) setEdit({ mode: 'rename', path: row.entry.path });
        break;
      case 'Delete':
        if (row) void deleteEntry(row.entry.path);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  if (!workspace) return null;
  const newInput = edit && edit.mode !== 'rename' && (
    <NameInput label={edit.mode === 'new-file' ? 'New file name' : 'New folder name'} initial="" onDone={(n) => void finishEdit(n)} />
  );

  return (
    <section className="explorer" aria-label="Explorer">
      <div className="side-header">
        <span className="side-title" title={workspace.root}>
          {workspace.name}
        </span>
        <div className="side-actions">
          <button className="icon" aria-label="New file" title="New File…" onClick={() => startNew('file')}>
            <Icon name="newFile" />
          </button>
          <button className="icon" aria-label="New folder" title="New Folder…" onClick={() => startNew('directory')}>
            <Icon name="newFolder" />
          </button>
          <button
            className="icon"
            aria-label="Rename"
            title="Rename… (F2)"
            disabled={!selected}
            onClick={() => selected && setEdit({ mode: 'rename', path: selected })}
          >
            <Icon name="rename" />
          </button>
          <button className="icon" aria-label="Delete" title="Delete (Del)" disabled={!selected} onClick={() => selected && void deleteEntry(selected)}>
            <Icon name="trash" />
          </button>
          <button className="icon" aria-label="Refresh explorer" title="Refresh" onClick={() => void refreshTree()}>
            <Icon name="refresh" />
          </button>
          <button className="icon" aria-label="Collapse folders" title="Collapse Folders" onClick={() => workbench.set({ expanded: {} })}>
            <Icon name="collapse" />
          </button>
        </div>
      </div>
      {edit?.mode !== 'rename' && edit?.parent === '' && newInput}
      <div
        role="tree"
        aria-label="Files"
        className="tree"
        tabIndex={0}
        ref={treeRef}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => {
          e.preventDefault();
          const row = (e.target as Element).closest('[data-path]');
          openMenu(entries.find((x) => x.path === row?.getAttribute('data-path')) ?? null, { x: e.clientX, y: e.clientY });
        }}
      >
        {rows.map(({ entry, depth }) => {
          const name = baseName(entry.path);
          const isDir = entry.kind === 'directory';
          return (
            <div key={entry.path}>
              {edit?.mode === 'rename' && edit.path === entry.path ? (
                <div style={{ paddingLeft: 8 + depth * 12 }}>
                  <NameInput label="Rename to" initial={name} onDone={(n) => void finishEdit(n)} />
                </div>
              ) : (
                <div
                  role="treeitem"
                  aria-level={depth + 1}
                  aria-selected={selected === entry.path}
                  aria-expanded={isDir ? !!expanded[entry.path] : undefined}
                  aria-label={name}
                  data-path={entry.path}
                  className={`tree-row ${selected === entry.path ? 'selected' : ''}`}
                  style={{ paddingLeft: 8 + depth * 12 }}
                  onClick={() => activate(entry)}
                >
                  <span className="twistie" aria-hidden>
                    {isDir ? (expanded[entry.path] ? '▾' : '▸') : ''}
                  </span>
                  {isDir ? <FolderIcon open={!!expanded[entry.path]} /> : <FileIcon path={entry.path} />}
                  <span className={isDir ? 'folder-name' : 'file-name'}>{name}</span>
                  {dirty[entry.path] && <span className="dirty-dot" aria-label="unsaved changes">●</span>}
                </div>
              )}
              {isDir && edit && edit.mode !== 'rename' && edit.parent === entry.path && (
                <div style={{ paddingLeft: 8 + (depth + 1) * 12 }}>{newInput}</div>
              )}
            </div>
          );
        })}
        {rows.length === 0 && !edit && (
          <div className="empty">
            This folder is empty. <button onClick={() => startNew('file')}>Create a file</button>
          </div>
        )}
      </div>
      {menu && (
        <ContextMenu
          label={`${menu.entry ? baseName(menu.entry.path) : workspace.name} actions`}
          at={menu.at}
          entries={explorerMenu(menu.entry, { startNew, startRename: (path) => setEdit({ mode: 'rename', path }) })}
          onClose={closeMenu}
        />
      )}
      {truncated && <div className="notice">This folder is large: only the first 20,000 entries are listed.</div>}
    </section>
  );
}
