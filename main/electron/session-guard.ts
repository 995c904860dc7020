import type { Session } from 'electron';
import { isPermissionAllowed } from './permissions';
import { getLogger } from '../log/log-service';

const log = getLogger('electron');

/**
 * Installs the deny-by-default permission handlers on a session: both the request handler (asks
 * answered asynchronously) and the check handler (synchronous checks such as
 * navigator.permissions.query), as Electron's docs require for complete handling, plus the device
 * handler (HID, USB, serial), and a display-media handler that grants no stream.
 */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame });
    if (!allowed) log.warn({ permission, requestingUrl: details.requestingUrl.replace(/[?#].*$/, '').slice(0, 200) }, 'permission refused');
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed({
      permission,
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
      embeddingOrigin: details.embeddingOrigin,
    }),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}
