import { ErrorCode, HostError } from '../../common/errors';

/** Maps Node's file-system errors to messages a user can act on. */
export function fsError(error: unknown, what: string): HostError {
  if (error instanceof HostError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new HostError(ErrorCode.NotFound, `${what}: it does not exist (was it moved or deleted?).`);
    case 'EEXIST':
    case 'ENOTEMPTY':
      return new HostError(ErrorCode.AlreadyExists, `${what}: something with that name already exists.`);
    case 'EACCES':
    case 'EPERM':
      return new HostError(ErrorCode.PermissionDenied, `${what}: permission denied.`);
    case 'EISDIR':
      return new HostError(ErrorCode.InvalidArgument, `${what}: it is a folder, not a file.`);
    case 'ENOTDIR':
      return new HostError(ErrorCode.InvalidArgument, `${what}: a part of the path is a file, not a folder.`);
    case 'ENOSPC':
      return new HostError(ErrorCode.Unavailable, `${what}: the disk is full.`);
    default:
      return new HostError(ErrorCode.Internal, `${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
