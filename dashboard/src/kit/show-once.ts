// Shows an answer the API gives only once (a webhook's signing secret, a database's new password),
// with a copy button; closing the dialog drops it from the page.
import { h } from '../dom.js';
import { openDialog } from './dialog.js';

/** The answer's one-time values: the string properties named like secrets. */
const SECRET = /secret|password|token/;

export function showOnce(title: string, answer: Record<string, unknown>, closed: () => void = () => undefined): void {
  const secrets = Object.entries(answer).filter(([name, value]) => SECRET.test(name) && typeof value === 'string') as [string, string][];
  const copied = h('span', { class: 'muted small', role: 'status' });
  const rows = secrets.map(([name, value]) =>
    h(
      'div',
      { class: 'secret-row' },
      h('span', {}, `${name}:`),
      h('code', { 'data-test': `once-${name}` }, value),
      h('button', { type: 'button', onclick: () => void navigator.clipboard.writeText(value).then(() => (copied.textContent = 'Copied'), () => (copied.textContent = 'Copy it by hand')) }, 'Copy'),
    ),
  );
  const done = h('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, 'Done');
  const note = secrets.length > 0 ? 'Shown once: store it now.' : 'Done.';
  const dialog = openDialog(title, h('div', {}, h('p', {}, note), ...rows, copied, h('div', { class: 'actions' }, done)));
  dialog.addEventListener('close', closed);
  done.focus();
}
