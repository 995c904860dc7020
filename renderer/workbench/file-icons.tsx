import { baseName } from '../../common/paths';

// File icons by kind (issue 11), drawn inline as small SVG glyphs of our own: no icon font, no
// CDN, the same on every machine. Each kind is a coloured tag with a short label, as VS Code's
// Seti theme draws them; the colours follow each language's usual one.

interface Glyph {
  label: string;
  color: string;
}

const BY_EXTENSION: Record<string, [kind: string, glyph: Glyph]> = {
  py: ['python', { label: 'py', color: '#3572a5' }],
  js: ['javascript', { label: 'JS', color: '#cbcb41' }],
  mjs: ['javascript', { label: 'JS', color: '#cbcb41' }],
  cjs: ['javascript', { label: 'JS', color: '#cbcb41' }],
  jsx: ['react', { label: 'JSX', color: '#519aba' }],
  ts: ['typescript', { label: 'TS', color: '#519aba' }],
  tsx: ['react', { label: 'TSX', color: '#519aba' }],
  java: ['java', { label: 'J', color: '#cc3e44' }],
  c: ['c', { label: 'C', color: '#599eff' }],
  h: ['c', { label: 'h', color: '#a074c4' }],
  cc: ['cpp', { label: 'C++', color: '#f34b7d' }],
  cpp: ['cpp', { label: 'C++', color: '#f34b7d' }],
  hpp: ['cpp', { label: 'h', color: '#a074c4' }],
  go: ['go', { label: 'go', color: '#519aba' }],
  rs: ['rust', { label: 'rs', color: '#dea584' }],
  rb: ['ruby', { label: 'rb', color: '#cc3e44' }],
  php: ['php', { label: 'php', color: '#a074c4' }],
  sh: ['shell', { label: '$', color: '#4d5a5e' }],
  bash: ['shell', { label: '$', color: '#4d5a5e' }],
  lua: ['lua', { label: 'lua', color: '#000080' }],
  json: ['json', { label: '{}', color: '#cbcb41' }],
  md: ['markdown', { label: 'M', color: '#519aba' }],
  html: ['html', { label: '<>', color: '#e37933' }],
  css: ['css', { label: '#', color: '#519aba' }],
  yml: ['yaml', { label: 'yml', color: '#a074c4' }],
  yaml: ['yaml', { label: 'yml', color: '#a074c4' }],
  txt: ['text', { label: '≡', color: '#8c8c8c' }],
  png: ['image', { label: 'img', color: '#a074c4' }],
  jpg: ['image', { label: 'img', color: '#a074c4' }],
  svg: ['image', { label: 'svg', color: '#e37933' }],
};

const BY_NAME: Record<string, [kind: string, glyph: Glyph]> = {
  dockerfile: ['docker', { label: 'D', color: '#519aba' }],
  makefile: ['make', { label: 'mk', color: '#e37933' }],
  '.gitignore': ['git', { label: 'git', color: '#41535b' }],
};

const DEFAULT_GLYPH: [string, Glyph] = ['file', { label: '', color: '#8c8c8c' }];

export function fileKind(path: string): [kind: string, glyph: Glyph] {
  const name = baseName(path).toLowerCase();
  const byName = BY_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  return (dot > 0 && BY_EXTENSION[name.slice(dot + 1)]) || DEFAULT_GLYPH;
}

export function FileIcon({ path }: { path: string }) {
  const [kind, glyph] = fileKind(path);
  return (
    <svg className="file-icon" data-icon={kind} width={16} height={16} viewBox="0 0 16 16" aria-hidden="true">
      {glyph.label ? (
        <text x="8" y="12" textAnchor="middle" fontSize={glyph.label.length > 2 ? 6.5 : 9} fontWeight="700" fontFamily="sans-serif" fill={glyph.color}>
          {glyph.label}
        </text>
      ) : (
        <path d="M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3" fill="none" stroke={glyph.color} strokeWidth={1} />
      )}
    </svg>
  );
}

export function FolderIcon({ open }: { open: boolean }) {
  return (
    <svg className="file-icon" data-icon="folder" width={16} height={16} viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={open ? 'M1.5 3.5h5l1.5 1.5h6.5v2H4l-2.5 6z M4 7h11l-2.5 6.5h-11z' : 'M1.5 3.5h5l1.5 1.5h6.5v8.5h-13z'}
        fill="#c09553"
        fillOpacity={0.85}
        stroke="#c09553"
        strokeWidth={0.8}
      />
    </svg>
  );
}
