// The window's workspace documents. The controller is WorkspaceDocuments (workspace-documents.ts),
// made once in app-context.ts; this module keeps the import path the editor and rooms use.
export { applyTextEdits, WorkspaceDocuments, type DocumentsHost } from './workspace-documents';
export { documents } from '../app-context';
