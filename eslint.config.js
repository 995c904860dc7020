import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Lint, with the layering of DESIGN.md section 1 as a rule (VS Code's local/code-layering):
// common <- main / preload / renderer; signal <- main. Nothing imports renderer but the renderer;
// nothing but main imports main; only main/electron and preload import electron.

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'url', 'util', 'worker_threads'];

function layer(files, { folders = [], packages = [], message }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...folders.map((f) => ({ group: [`**/${f}`, `**/${f}/**`], message: `${message} (imports ${f}/)` })),
            ...(packages.length ? [{ group: packages, message: `${message} (imports a package of another runtime)` }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'release/**', 'out/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '.tools/**', 'problems/**', '.tsbuild/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  layer(['common/**/*.ts'], {
    folders: ['main', 'renderer', 'preload', 'signal'],
    packages: [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'monaco-editor', '@xterm/*', 'better-sqlite3', 'node-pty', 'dockerode', 'ws'],
    message: 'common/ runs everywhere: no DOM, no Node, no other layer',
  }),
  layer(['renderer/**/*.{ts,tsx}'], {
    folders: ['main', 'preload', 'signal'],
    packages: [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'node-pty', 'dockerode', 'ws', 'ioredis'],
    message: 'renderer/ is a sandboxed web page: it reaches the host only through renderer/host.ts',
  }),
  layer(['preload/**/*.ts'], {
    folders: ['main', 'renderer', 'signal'],
    packages: ['better-sqlite3', 'node-pty', 'dockerode'],
    message: 'preload/ only bridges the contract',
  }),
  layer(['signal/**/*.ts'], {
    folders: ['main', 'renderer', 'preload'],
    packages: ['electron', 'react'],
    message: 'signal/ is a standalone server: the app embeds it, never the reverse',
  }),
  layer(['main/**/*.ts'], {
    folders: ['renderer', 'preload'],
    packages: ['react', 'react-dom', 'monaco-editor'],
    message: 'main/ must not import UI code',
  }),
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer', '**/renderer/**', '**/preload', '**/preload/**'], message: 'main/ must not import UI code' },
            { group: ['electron'], message: 'Only main/electron/ imports electron, so every service also runs in the browser host' },
            { group: ['electron-updater'], message: 'Only the desktop app checks for updates (main/electron/updates.ts); the browser host never does' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/state/store.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main', '**/main/**', '**/preload', '**/preload/**', '**/signal', '**/signal/**'], message: 'renderer/ reaches the host only through renderer/host.ts' },
            { group: [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'node-pty', 'dockerode', 'ws', 'ioredis'], message: 'renderer/ is a sandboxed web page' },
            { group: ['zustand', 'zustand/*'], message: 'Use renderer/state/store.ts: only it imports zustand' },
          ],
        },
      ],
    },
  },
);
