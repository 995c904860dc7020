// The page a person sees when they open the http form of a room invite without the host's token
// (issue 11): instead of a dead 401, what the link is and how to get in. The page is the same for
// every room and holds nothing secret; its script reads the room, the signalling address and the
// #secret from the address bar, so the secret still never reaches a server. No inline script or
// style: the CSP below allows only these two files from our own origin.

export const INVITE_ASSET_PREFIX = '/__codecrafter/';
export const INVITE_SCRIPT_PATH = `${INVITE_ASSET_PREFIX}invite.js`;
export const INVITE_STYLE_PATH = `${INVITE_ASSET_PREFIX}invite.css`;
/** Named in the page so the browser does not ask for /favicon.ico, which needs the token. */
export const INVITE_ICON_PATH = `${INVITE_ASSET_PREFIX}icon.svg`;

export const INVITE_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0e639c"/>' +
  '<path d="M13 10l-6 6 6 6M19 10l6 6-6 6" stroke="#fff" stroke-width="3" fill="none"/></svg>';

export const INVITE_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const INVITE_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>CodeCrafter room invite</title>
<link rel="icon" href="${INVITE_ICON_PATH}" type="image/svg+xml">
<link rel="stylesheet" href="${INVITE_STYLE_PATH}">
<script src="${INVITE_SCRIPT_PATH}" defer></script>
</head>
<body>
<main>
<h1>You are invited to a CodeCrafter room</h1>
<p>This link is an invite to a shared coding session (pairing or an interview) in CodeCrafter, a desktop IDE.
The files travel peer to peer between the people in the room; this page only explains how to get in.</p>
<p id="invite-problem" role="alert" hidden></p>
<noscript><p>Scripts are off, so this page cannot build the link for you. Copy this page's whole address
(including the part after #) and paste it into the Join box of CodeCrafter's Collaboration view.</p></noscript>
<section aria-labelledby="open-heading">
<h2 id="open-heading">Open it in CodeCrafter</h2>
<p><a id="open-app" class="button" hidden>Open in CodeCrafter</a></p>
<p>If nothing happens, CodeCrafter is not installed here or not registered for codecrafter:// links: join from the app as below.</p>
</section>
<section aria-labelledby="join-heading">
<h2 id="join-heading">Join from your own CodeCrafter</h2>
<ol>
<li><label for="invite-link">Invite link</label>
<span class="row"><input id="invite-link" type="text" readonly spellcheck="false">
<button id="copy-invite" type="button">Copy invite</button></span>
<span id="copy-status" role="status" aria-live="polite"></span></li>
<li>In CodeCrafter, open <strong>Collaboration</strong> in the activity bar on the left.</li>
<li>Paste the link into the <strong>Join</strong> box and press <strong>Join</strong>.</li>
</ol>
</section>
<section aria-labelledby="host-heading">
<h2 id="host-heading">Is CodeCrafter running in a browser on this machine?</h2>
<p>The browser host (<code>npm run web</code>) opens only with its access token. Open the address it printed
(the one ending in <code>?token=…</code>) in this browser first, then open this invite again.</p>
</section>
</main>
</body>
</html>
`;

export const INVITE_PAGE_STYLE = `
:root { color-scheme: dark light; font-family: system-ui, sans-serif; }
body { margin: 0; background: #1e1e1e; color: #d4d4d4; }
main { max-width: 44rem; margin: 3rem auto; padding: 0 1.25rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.1rem; margin-top: 2rem; }
a.button, button { display: inline-block; padding: 0.45rem 0.9rem; border: 1px solid #0e639c; border-radius: 3px;
  background: #0e639c; color: #fff; font: inherit; text-decoration: none; cursor: pointer; }
a.button:focus-visible, button:focus-visible, input:focus-visible { outline: 2px solid #f0c000; outline-offset: 2px; }
.row { display: flex; gap: 0.5rem; margin: 0.35rem 0; }
input { flex: 1; min-width: 0; padding: 0.4rem; font: 0.9rem ui-monospace, monospace; background: #252526; color: inherit; border: 1px solid #555; }
#invite-problem { padding: 0.6rem 0.8rem; border-left: 4px solid #f14c4c; background: #3a1d1d; }
code { font-family: ui-monospace, monospace; }
`;

// Plain browser JavaScript, served as a file. It validates what it reads with the same rules as
// common/invite.ts (base64url room id and secret, ws:/wss: signalling) before building a link.
export const INVITE_PAGE_SCRIPT = `'use strict';
(function () {
  var ROOM = /^\\/join\\/([A-Za-z0-9_-]{8,64})\\/?$/;
  var SECRET = /^[A-Za-z0-9_-]{16,128}(\\.[A-Za-z0-9_-]{1,512})?$/;
  var TOKEN = /^[A-Za-z0-9_-]{22,256}$/;
  var problem = document.getElementById('invite-problem');
  var openApp = document.getElementById('open-app');
  var field = document.getElementById('invite-link');
  var copy = document.getElementById('copy-invite');
  var status = document.getElementById('copy-status');

  function fail(message) {
    problem.textContent = message;
    problem.hidden = false;
    field.value = location.href;
  }

  function inviteLink() {
    var room = ROOM.exec(location.pathname);
    if (!room) return fail('This address is not a complete room invite: it should look like …/join/<room>?s=…#<secret>.');
    var query = new URLSearchParams(location.search);
    var signal = query.get('s');
    if (!signal || !/^wss?:\\/\\/[^#]+$/.test(signal)) return fail('The invite has no signalling address (?s=ws://…). Ask the host to send the whole link again.');
    var token = query.get('t');
    if (!token || !TOKEN.test(token)) return fail('This invite has no signalling token (t=…): it was made by an older CodeCrafter or cut short. Ask the host to share the room again and send the new invite.');
    var secret = location.hash.replace(/^#/, '');
    if (!secret) return fail('The invite has no secret (the part after #). Some apps cut it off: ask the host to send the whole link again.');
    if (!SECRET.test(secret)) return fail('The secret after # is damaged. Ask the host to send the whole link again.');
    var link = 'codecrafter://join/' + room[1] + '?s=' + encodeURIComponent(signal) + '&t=' + token;
    // The owner's key and the room id's salt (o=, r=) prove whose room it is: keep them.
    ['o', 'r'].forEach(function (k) { if (query.get(k)) link += '&' + k + '=' + encodeURIComponent(query.get(k)); });
    // Who invites (name, fingerprint) is shown by the app's join dialog; the app checks it.
    var name = query.get('n');
    var fingerprint = query.get('f');
    if (name && fingerprint) link += '&n=' + encodeURIComponent(name) + '&f=' + encodeURIComponent(fingerprint);
    return link + '#' + secret;
  }

  function show() {
    problem.hidden = true;
    var link = inviteLink();
    if (!link) { openApp.hidden = true; return; }
    openApp.href = link;
    openApp.hidden = false;
    field.value = link;
  }

  copy.addEventListener('click', function () {
    var text = field.value;
    var done = function () { status.textContent = 'Copied. Paste it into the Join box of CodeCrafter.'; };
    var manual = function () {
      field.focus();
      field.select();
      status.textContent = 'Press Ctrl+C (Cmd+C on a Mac) to copy the selected link.';
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, manual);
    else manual();
  });
  window.addEventListener('hashchange', show);
  show();
})();
`;
