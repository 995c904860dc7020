// Line icons drawn inline, so they need no icon font and look the same on every machine.

const PATHS = {
  files: 'M4 2h6l4 4v10H4z M10 2v4h4',
  search: 'M8.5 3a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z M12.5 12.5l5 5',
  settings: 'M10 6.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z M10 1.5v3 M10 15.5v3 M1.5 10h3 M15.5 10h3 M4 4l2 2 M14 14l2 2 M4 16l2-2 M14 6l2-2',
  newFile: 'M4 2h6l4 4v10H4z M9 9v5 M6.5 11.5h5',
  newFolder: 'M2 5h6l2 2h8v9H2z M10 9v5 M7.5 11.5h5',
  rename: 'M3 14l1-4 8-8 3 3-8 8z M10 4l3 3',
  trash: 'M4 5h12 M8 5V3h4v2 M5 5l1 12h8l1-12',
  refresh: 'M16 10a6 6 0 1 1-2-4.5 M16 3v4h-4',
  collapse: 'M3 3h14v14H3z M6 10h8',
  plus: 'M10 4v12 M4 10h12',
  chevronDown: 'M5 8l5 5 5-5',
  close: 'M5 5l10 10 M15 5L5 15',
  folder: 'M2 5h6l2 2h8v9H2z',
  replay: 'M10 3a7 7 0 1 1-6.6 4.7 M3 3v4.5h4.5 M8.5 7.5v5l4-2.5z',
  interview: 'M3 3h14v10H8l-4 4v-4H3z M6 7h8 M6 10h5',
  people: 'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M1.5 17c0-3 2.5-5 5.5-5s5.5 2 5.5 5 M13.5 9a2.5 2.5 0 1 0 0-5 M14.5 12c2.4.3 4 2.2 4 5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.4} aria-hidden="true">
      <path d={PATHS[name]} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
