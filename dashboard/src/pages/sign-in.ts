// The sign-in form.
import { ApiFailure, call, type SessionInfo } from '../api.js';
import { h, replaceChildren } from '../dom.js';

export function renderSignIn(onSignedIn: (session: SessionInfo) => void): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h(
    'form',
    {
      class: 'card sign-in',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        submit.setAttribute('disabled', '');
        replaceChildren(error);
        try {
          onSignedIn(await call<SessionInfo>('POST', '/session', { email: email.value, password: password.value }));
        } catch (failure) {
          replaceChildren(error, failure instanceof ApiFailure ? failure.message : 'Could not reach the server');
          password.value = '';
        } finally {
          submit.removeAttribute('disabled');
        }
      },
    },
    h('h1', {}, 'CloudNexus'),
    h('p', { class: 'muted' }, 'Sign in to the Dashboard'),
    h('label', { for: 'email' }, 'Email'),
    email,
    h('label', { for: 'password' }, 'Password'),
    password,
    error,
    submit,
  );
  return h('div', { class: 'center' }, form);
}
