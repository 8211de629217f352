// Settings → API Keys: the list, create (the secret is shown once), rotate with a grace period,
// revoke with a confirmation.
import { call, failureText } from '../api.js';
import { badge, h, replaceChildren, time } from '../dom.js';
// The wire types generated from spec/openapi.json (type-only: nothing of the SDK is bundled).
import type { ApiKey, CreatedApiKey as Created } from '../../../sdks/typescript/src/models.js';

interface Catalog {
  scopes: string[];
  regions: { id: string; name: string }[];
}

const GRACE_CHOICES = [
  { value: 'none', label: 'None: the old key stops working now' },
  { value: '1h', label: '1 hour' },
  { value: '24h', label: '24 hours' },
  { value: '7d', label: '7 days' },
];
const EXPIRY_CHOICES = [
  { value: '', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
];

function option(value: string, label: string, selected = false): HTMLOptionElement {
  return h('option', { value, selected }, label);
}

export async function renderApiKeys(container: HTMLElement): Promise<void> {
  const secretArea = h('div');
  const body = h('tbody');
  const message = h('p', { class: 'error', role: 'alert' });
  const catalog = call<Catalog>('GET', '/catalog');

  const reload = async () => {
    try {
      const keys: ApiKey[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: ApiKey[]; pagination: { next_cursor: string | null } } = await call('GET', `/api_keys${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
        keys.push(...page.data);
        cursor = page.pagination.next_cursor;
      } while (cursor);
      replaceChildren(body, ...(keys.length > 0 ? keys.map(row) : [h('tr', {}, h('td', { colspan: '9', class: 'empty' }, 'No API keys yet.'))]));
    } catch (failure) {
      replaceChildren(message, failureText(failure));
    }
  };

  /** Shows a new secret once, with a copy button; "Done" removes it from the page. */
  const showSecret = (created: Created, what: string) => {
    const copied = h('span', { class: 'muted small', role: 'status' });
    const secret = created.secret ?? '';
    replaceChildren(
      secretArea,
      h(
        'div',
        { class: 'card secret', 'data-test': 'secret-panel' },
        h('h2', {}, what),
        h('p', {}, 'Copy this key now. It is shown only this once; CloudNexus keeps only a hash of it.'),
        h('div', { class: 'secret-row' }, h('code', { 'data-test': 'secret' }, secret), h('button', {
          type: 'button',
          onclick: async () => {
            await navigator.clipboard.writeText(secret).then(() => replaceChildren(copied, 'Copied'), () => replaceChildren(copied, 'Copy failed: select the key and copy it'));
          },
        }, 'Copy')),
        copied,
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: () => replaceChildren(secretArea) }, 'Done')),
      ),
    );
  };

  const row = (key: ApiKey) => {
    const active = key.status === 'active';
    const rotatedNote = key.replaced_by ? h('div', { class: 'muted small' }, active ? 'rotated; old secret in grace period' : 'rotated') : null;
    return h(
      'tr',
      { 'data-key-id': key.id },
      h('td', {}, key.name),
      h('td', { class: 'mono' }, key.display),
      h('td', {}, key.scopes.includes('*') ? 'Full access' : key.scopes.join(', ')),
      h('td', {}, key.regions === null ? 'All' : key.regions.join(', ')),
      h('td', {}, time(key.created_at)),
      h('td', {}, time(key.last_used_at, 'never')),
      h('td', {}, time(key.expires_at, 'never')),
      h('td', {}, badge(key.status), rotatedNote),
      h(
        'td',
        {},
        h(
          'div',
          { class: 'row-actions' },
          active && !key.replaced_by ? h('button', { type: 'button', onclick: () => rotate(key) }, 'Rotate') : null,
          active ? h('button', { type: 'button', class: 'danger', onclick: () => revoke(key) }, 'Revoke') : null,
        ),
      ),
    );
  };

  const dialog = (title: string, content: Node[], confirmLabel: string, confirmClass: string, onConfirm: () => Promise<void>) => {
    const error = h('p', { class: 'error', role: 'alert' });
    const element = h('dialog', { 'aria-label': title });
    const confirm = h('button', { type: 'submit', class: confirmClass }, confirmLabel);
    const form = h(
      'form',
      {
        onsubmit: async (event: Event) => {
          event.preventDefault();
          confirm.setAttribute('disabled', '');
          try {
            await onConfirm();
            element.close();
            element.remove();
            await reload();
          } catch (failure) {
            replaceChildren(error, failureText(failure));
          } finally {
            confirm.removeAttribute('disabled');
          }
        },
      },
      h('h2', {}, title),
      ...content,
      error,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => { element.close(); element.remove(); } }, 'Cancel'), confirm),
    );
    element.append(form);
    document.body.append(element);
    element.showModal();
  };

  const rotate = (key: ApiKey) => {
    const choices = GRACE_CHOICES.map((choice, i) =>
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'grace', value: choice.value, checked: i === 2 }), choice.label),
    );
    dialog(
      `Rotate "${key.name}"`,
      [
        h('p', {}, `A new secret with the same scopes, regions and expiry replaces ${key.display}. How long should the old secret keep working?`),
        h('fieldset', {}, h('legend', {}, 'Grace period'), ...choices),
      ],
      'Rotate key',
      'primary',
      async () => {
        const grace = choices.map((c) => c.querySelector('input') as HTMLInputElement).find((i) => i.checked)?.value ?? '24h';
        showSecret(await call<Created>('POST', `/api_keys/${encodeURIComponent(key.id)}/rotate`, { grace_period: grace }), `New secret for "${key.name}"`);
      },
    );
  };

  const revoke = (key: ApiKey) =>
    dialog(
      `Revoke "${key.name}"?`,
      [h('p', {}, `${key.display} stops working at once: every request made with it gets 401. This cannot be undone.`)],
      'Revoke key',
      'danger',
      async () => {
        await call('DELETE', `/api_keys/${encodeURIComponent(key.id)}`);
      },
    );

  const create = async () => {
    const { scopes, regions } = await catalog;
    const name = h('input', { id: 'key-name', name: 'name', required: true, maxlength: '100', placeholder: 'e.g. ci-deploy' });
    const full = h('input', { type: 'radio', name: 'scope-mode', value: 'full', checked: true });
    const custom = h('input', { type: 'radio', name: 'scope-mode', value: 'custom' });
    const resources = [...new Set(scopes.filter((s) => s !== '*').map((s) => s.split(':')[0] as string))];
    const pickers = resources.map((resource) => ({
      resource,
      select: h('select', { 'aria-label': `${resource} access`, 'data-scope': resource }, option('', 'none'), option('read', 'read'), option('write', 'read + write')),
    }));
    const scopeGrid = h('div', { class: 'scope-grid' }, ...pickers.map((p) => h('label', {}, h('span', {}, p.resource), p.select)));
    const allRegions = h('input', { type: 'radio', name: 'region-mode', value: 'all', checked: true });
    const someRegions = h('input', { type: 'radio', name: 'region-mode', value: 'some' });
    const regionList = h('select', { multiple: true, size: '6', 'aria-label': 'Allowed regions' }, ...regions.map((r) => option(r.id, `${r.id} (${r.name})`)));
    // The pickers only show when they matter.
    const toggle = () => {
      scopeGrid.hidden = full.checked;
      regionList.hidden = allRegions.checked;
    };
    for (const radio of [full, custom, allRegions, someRegions]) radio.addEventListener('change', toggle);
    toggle();
    const expiry = h('select', { id: 'key-expiry', 'aria-label': 'Expires' }, ...EXPIRY_CHOICES.map((c) => option(c.value, c.label)));

    dialog(
      'Create API key',
      [
        h('label', { for: 'key-name' }, 'Name'),
        name,
        h('fieldset', {}, h('legend', {}, 'Scopes'), h('label', { class: 'choice' }, full, 'Full access (*)'), h('label', { class: 'choice' }, custom, 'Choose per resource'), scopeGrid),
        h('fieldset', {}, h('legend', {}, 'Regions'), h('label', { class: 'choice' }, allRegions, 'All regions'), h('label', { class: 'choice' }, someRegions, 'Only these regions:'), regionList),
        h('label', { for: 'key-expiry' }, 'Expires'),
        expiry,
      ],
      'Create key',
      'primary',
      async () => {
        const chosen = pickers.filter((p) => p.select.value !== '').map((p) => `${p.resource}:${p.select.value}`);
        const body = {
          name: name.value,
          scopes: full.checked ? ['*'] : chosen,
          regions: allRegions.checked ? null : [...regionList.selectedOptions].map((o) => o.value),
          expires_at: expiry.value ? new Date(Date.now() + Number(expiry.value) * 86_400_000).toISOString() : null,
        };
        showSecret(await call<Created>('POST', '/api_keys', body), `API key "${body.name}" created`);
      },
    );
  };

  replaceChildren(
    container,
    h('header', { class: 'page-header' }, h('div', {}, h('div', { class: 'muted small' }, 'Settings'), h('h1', {}, 'API Keys')), h('button', { type: 'button', class: 'primary', onclick: () => void create() }, 'Create key')),
    h('p', { class: 'muted' }, 'Keys authenticate calls to the v2 API (Authorization: Bearer …). Only a hash is kept: a secret is shown once, when it is created or rotated.'),
    secretArea,
    message,
    h(
      'div',
      { class: 'card' },
      h(
        'table',
        { 'data-test': 'api-keys-table' },
        h('thead', {}, h('tr', {}, ...['Name', 'Key', 'Scopes', 'Regions', 'Created', 'Last used', 'Expires', 'Status', ''].map((label) => h('th', {}, label)))),
        body,
      ),
    ),
  );
  await reload();
}
