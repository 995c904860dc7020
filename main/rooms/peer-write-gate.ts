import type { PeerChangesResult, PeerFileOp } from '../../common/peer-file-ops';
import { WorkspaceService } from '../workspace/workspace-service';

export interface RoomCaps {
  maxFiles: number;
  maxBytes: number;
}

/** The host applies a room member's file operations to its disk (as renderer/collab/file-sync.ts did). */
export class PeerWriteGate {
  private readonly workspace = new WorkspaceService(() => {});
  private opened: Promise<unknown> | null = null;

  constructor(
    private readonly root: string,
    _caps: RoomCaps,
  ) {}

  markShared(_paths: Iterable<string>): void {}

  async apply(ops: PeerFileOp[]): Promise<PeerChangesResult> {
    await (this.opened ??= this.workspace.open(this.root));
    const result: PeerChangesResult = { applied: [], refused: [] };
    for (const op of ops) {
      try {
        if (op.kind === 'create') await this.workspace.createFile(op.path, op.content);
        else if (op.kind === 'write') await this.workspace.writeFile(op.path, op.content);
        else if (op.kind === 'rename') await this.workspace.rename(op.from, op.to);
        else await this.workspace.delete(op.path);
        result.applied.push(op);
      } catch (error) {
        result.refused.push({ op, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    this.workspace.close();
    this.opened = null;
    return result;
  }
}
