// Modal dialogs on the native <dialog>: it traps focus, closes on Escape and gives focus back to
// the button that opened it, so every dialog is keyboard-usable without extra code.
import { h } from '../dom.js';

/** Shows `content` in a modal titled `title`; the dialog removes itself when closed. */
export function openDialog(title: string, content: HTMLElement): HTMLDialogElement {
  const opener = document.activeElement as HTMLElement | null;
  const heading = h('h2', { id: `dialog-title-${Date.now()}` }, title);
  const dialog = h('dialog', { 'aria-labelledby': heading.id }, heading, content);
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Asks before a destructive step; resolves true only on the confirming button. */
export function confirmDialog(title: string, message: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    let confirmed = false;
    const cancel = h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');
    const confirm = h('button', { type: 'button', class: 'danger', 'data-test': 'confirm', onclick: () => ((confirmed = true), dialog.close()) }, confirmLabel);
    const dialog = openDialog(title, h('div', {}, h('p', {}, message), h('div', { class: 'actions' }, cancel, confirm)));
    dialog.addEventListener('close', () => resolve(confirmed));
    // Cancel first: Enter on a freshly opened confirmation must not destroy anything.
    cancel.focus();
  });
}
