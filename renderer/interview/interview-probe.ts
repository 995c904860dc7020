import * as Y from 'yjs';
import { documents } from '../editor/documents';

// For end-to-end privacy checks (issue 9), present only with `probe=1` in the page's query: every
// byte of this window's room doc, so a test can show that a candidate's copy holds no hidden
// test, note or rubric.

declare global {
  interface Window {
    __codecrafterInterviewProbe?: { docBytes(): string };
  }
}

if (typeof location !== 'undefined' && new URLSearchParams(location.search).get('probe') === '1') {
  window.__codecrafterInterviewProbe = {
    docBytes: () => new TextDecoder('utf-8', { fatal: false }).decode(Y.encodeStateAsUpdate(documents.doc)),
  };
}
