import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientTransport } from '../../../common/rpc';
import { EMPTY_SEARCH } from '../../../renderer/state/store';
import { createSearchController, splitGlobs } from '../../../renderer/workbench/search-controller';
import { startRealHost, type RealHost } from './real-host';

// The Search view's controller over the real host's workspace.search (a real folder): the view
// shows the answer to the latest query, never an older one that arrived late.

let host: RealHost;
/** Answers to workspace.search held back until released, in the order they were asked. */
let held: Array<() => void>;
let holding: boolean;

/** Holds back search answers while `holding`, so a test decides which arrives first. */
function holdSearches(transport: ClientTransport): ClientTransport {
  return {
    ...transport,
    request: (method, args) => {
      const answer = transport.request(method, args);
      if (method !== 'workspace.search' || !holding) return answer;
      // The gate is taken when the search is asked, not when the host answers: two searches may
      // finish in either order, and held[i] must be the i-th one asked.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      held.push(release);
      return gate.then(() => answer);
    },
  };
}

beforeEach(async () => {
  held = [];
  holding = false;
  host = startRealHost(holdSearches);
  writeFileSync(path.join(host.project, 'a.txt'), 'alpha\nbeta\n');
  writeFileSync(path.join(host.project, 'b.txt'), 'beta only\n');
  await host.api.workspace.open({ path: host.project });
});

afterEach(async () => {
  await host.dispose();
});

function ask(query: string): void {
  host.store.set({ search: { ...EMPTY_SEARCH, query } });
}

describe('search controller', () => {
  it('shows what the folder holds for the query', async () => {
    const search = createSearchController({ workspace: host.api.workspace, store: host.store });
    ask('beta');
    await search.run();
    const { result, searching, error } = host.store.get().search;
    expect(error).toBeNull();
    expect(searching).toBe(false);
    expect(result?.files.map((f) => f.path).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('drops an older answer that arrives after a newer one', async () => {
    const search = createSearchController({ workspace: host.api.workspace, store: host.store });
    holding = true;
    ask('alpha');
    const first = search.run();
    ask('only');
    const second = search.run();
    await expect.poll(() => held.length).toBe(2);
    // The newer answer lands first, then the older one.
    held[1]!();
    await second;
    held[0]!();
    await first;
    const { result, searching } = host.store.get().search;
    expect(searching).toBe(false);
    expect(result?.files.map((f) => f.path)).toEqual(['b.txt']);
  });

  it('says what is wrong with a bad pattern without asking the host', async () => {
    const search = createSearchController({ workspace: host.api.workspace, store: host.store });
    holding = true;
    host.store.set({ search: { ...EMPTY_SEARCH, query: '(', isRegex: true } });
    await search.run();
    expect(held).toHaveLength(0);
    expect(host.store.get().search.error).toBeTruthy();
  });

  it('reads the include field as a list of globs', () => {
    expect(splitGlobs(' ./src/**, b ,,')).toEqual(['src/**', 'b']);
  });
});
