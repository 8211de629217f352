// The dashboard: a hash-routed single page. Signed out, it shows the sign-in form; signed in, the
// overview pages and Settings → API Keys.
import { call, rememberSession, whenSignedOut, type SessionInfo } from './api.js';
import { h, replaceChildren } from './dom.js';
import { renderApiKeys } from './pages/api-keys.js';
import { RESOURCE_PAGES, renderResources } from './pages/resources.js';
import { renderSignIn } from './pages/sign-in.js';

const root = document.getElementById('app') as HTMLElement;
let session: SessionInfo | null = null;

const NAV = [
  { section: 'Overview', links: RESOURCE_PAGES.map((p) => ({ route: `#/${p.route}`, label: p.title })) },
  { section: 'Settings', links: [{ route: '#/settings/api-keys', label: 'API Keys' }] },
];

function layout(content: HTMLElement): HTMLElement {
  const current = window.location.hash;
  const signOut = async () => {
    await call('DELETE', '/session').catch(() => undefined);
    signedOut();
  };
  return h(
    'div',
    { class: 'shell' },
    h(
      'nav',
      { class: 'sidebar', 'aria-label': 'Main' },
      h('a', { class: 'brand', href: '#/instances' }, 'CloudNexus'),
      ...NAV.map((group) =>
        h(
          'div',
          { class: 'nav-group' },
          h('div', { class: 'nav-section' }, group.section),
          ...group.links.map((link) => h('a', { href: link.route, class: current === link.route ? 'active' : undefined }, link.label)),
        ),
      ),
      h('div', { class: 'nav-group' }, h('div', { class: 'nav-section' }, 'Developers'), h('a', { href: '/playground' }, 'API Playground')),
      h('div', { class: 'account' }, h('div', { class: 'muted small', 'data-test': 'user-email' }, session?.user.email ?? ''), h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out')),
    ),
    h('main', { class: 'content' }, content),
  );
}

function signedOut(): void {
  session = null;
  rememberSession(null);
  render();
}

function render(): void {
  if (!session) {
    replaceChildren(root, renderSignIn((s) => {
      session = s;
      rememberSession(s);
      if (!window.location.hash || window.location.hash === '#/sign-in') window.location.hash = '#/instances';
      render();
    }));
    return;
  }
  const route = window.location.hash.replace(/^#\//, '') || 'instances';
  const content = h('div');
  replaceChildren(root, layout(content));
  const resource = RESOURCE_PAGES.find((p) => p.route === route);
  if (resource) void renderResources(content, resource);
  else if (route === 'settings/api-keys') void renderApiKeys(content);
  else replaceChildren(content, h('h1', {}, 'Not found'), h('p', {}, 'No such page.'));
}

async function start(): Promise<void> {
  whenSignedOut(signedOut);
  window.addEventListener('hashchange', render);
  session = await call<SessionInfo>('GET', '/session').catch(() => null);
  rememberSession(session);
  render();
}

void start();
