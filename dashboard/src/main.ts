// The dashboard: a hash-routed single page. Signed out, it shows the sign-in form; signed in, a
// list (`#/<resource>`) and detail (`#/<resource>/<id>`) page per resource, and Settings → API Keys.
import { call, rememberSession, whenSignedOut, type SessionInfo } from './api.js';
import { h, replaceChildren } from './dom.js';
import { renderApiKeys } from './pages/api-keys.js';
import { renderDetailPage } from './kit/detail-page.js';
import { renderListPage } from './kit/list-page.js';
import { newPage } from './kit/live.js';
import { RESOURCE_GROUPS, RESOURCE_PAGES } from './resources/index.js';
import { renderSignIn } from './pages/sign-in.js';

const root = document.getElementById('app') as HTMLElement;
let session: SessionInfo | null = null;

const NAV = [
  ...RESOURCE_GROUPS.map((g) => ({ section: g.section, links: g.pages.map((p) => ({ route: `#/${p.route}`, label: p.title })) })),
  { section: 'Settings', links: [{ route: '#/settings/api-keys', label: 'API Keys' }] },
];

function layout(content: HTMLElement): HTMLElement {
  const hash = window.location.hash;
  // A detail page (`#/instances/inst_…`) keeps its list's link highlighted.
  const isCurrent = (route: string) => hash === route || hash.startsWith(`${route}/`);
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
          ...group.links.map((link) => h('a', { href: link.route, class: isCurrent(link.route) ? 'active' : undefined, 'aria-current': isCurrent(link.route) ? 'page' : undefined }, link.label)),
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
  const [name, id] = route.split('/');
  const content = h('div');
  const alive = newPage();
  replaceChildren(root, layout(content));
  const resource = RESOURCE_PAGES.find((p) => p.route === name);
  if (resource && id) renderDetailPage(content, resource, decodeURIComponent(id), alive);
  else if (resource) renderListPage(content, resource, alive);
  else if (route === 'settings/api-keys') void renderApiKeys(content);
  else replaceChildren(content, h('h1', {}, 'Not found'), h('p', {}, 'No such page.'));
}

/** After a navigation, focus starts at the new page's heading (keyboard and screen-reader users land there). */
function focusHeading(): void {
  const heading = root.querySelector<HTMLElement>('main h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}

async function start(): Promise<void> {
  whenSignedOut(signedOut);
  window.addEventListener('hashchange', () => {
    render();
    focusHeading();
  });
  session = await call<SessionInfo>('GET', '/session').catch(() => null);
  rememberSession(session);
  render();
}

void start();
