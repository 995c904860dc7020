import { app } from 'electron';
import { channelName, type EventHub } from '../../common/rpc';
import { INVITE_SCHEME, inviteFromArgv } from '../../common/invite';

// codecrafter:// room invites from the OS: on the command line of the first or a second instance
// (Windows, Linux) or as an open-url event (macOS). The link waits here until the page takes it
// (app.takePendingInvite): at its start, and whenever onDidReceiveInvite tells it one arrived, so
// a link that comes while the page is still loading is not lost.

const PROTOCOL = INVITE_SCHEME.replace(/:$/, '');

export class InviteRouter {
  private pending: string | null = inviteFromArgv(process.argv);
  private hub: EventHub | undefined;

  register(): void {
    if (!app.isDefaultProtocolClient(PROTOCOL)) app.setAsDefaultProtocolClient(PROTOCOL);
    app.on('open-url', (event, url) => {
      event.preventDefault();
      this.deliver(url);
    });
  }

  attach(hub: EventHub): void {
    this.hub = hub;
  }

  fromSecondInstance(argv: string[]): void {
    const link = inviteFromArgv(argv);
    if (link) this.deliver(link);
  }

  take(): string | null {
    const link = this.pending;
    this.pending = null;
    return link;
  }

  private deliver(link: string): void {
    this.pending = link;
    this.hub?.emit(channelName('app', 'onDidReceiveInvite'), {});
  }
}
