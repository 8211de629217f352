// A form in a dialog that sends its fields to the API and, when the server refuses, shows each of
// the error's details under its field (and the rest above the buttons).
import { ApiFailure, failureText } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { openDialog } from './dialog.js';
import { buildField, readBody, showDetails, UnreadableField, type Field } from './fields.js';

export interface FormSpec<T> {
  title: string;
  submitLabel: string;
  fields: readonly Field[];
  /** Sends the body; its answer goes to `done`. */
  send: (body: Record<string, unknown>) => Promise<T>;
  done: (result: T) => void;
}

export function openFormDialog<T>(spec: FormSpec<T>): HTMLDialogElement {
  const built = spec.fields.map(buildField);
  const general = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, spec.submitLabel);
  const form = h(
    'form',
    { novalidate: true },
    ...built.map((b) => b.wrapper),
    general,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'), submit),
  );
  const dialog = openDialog(spec.title, form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      replaceChildren(general);
      submit.disabled = true;
      try {
        const result = await spec.send(readBody(built));
        dialog.close();
        spec.done(result);
      } catch (failure) {
        const details = failure instanceof UnreadableField ? [failure.detail] : failure instanceof ApiFailure ? failure.details : [];
        const rest = showDetails(built, details);
        const message = failure instanceof UnreadableField ? 'Fix the marked field' : failure instanceof ApiFailure ? failure.message : failureText(failure);
        replaceChildren(general, [message, ...rest.map((d) => `${d.field}: ${d.message}`)].join(' — '));
        (built.find((b) => b.input.getAttribute('aria-invalid') === 'true')?.input ?? submit).focus();
      } finally {
        submit.disabled = false;
      }
    })();
  });
  built[0]?.input.focus();
  return dialog;
}
