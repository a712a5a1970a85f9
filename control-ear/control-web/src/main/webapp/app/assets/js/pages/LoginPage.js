// Logging in. An expired session lands here with a message and returns to where the person was.
import { api, ApiError } from '../api.js';
import { Component, Field, h, Link, Problem } from '../ui.js';

export class LoginPage extends Component {
  state = { email: '', password: '', error: null, busy: false };

  submit = async (event) => {
    event.preventDefault();
    this.setState({ busy: true, error: null });
    try {
      const reply = await api.post('/auth/login/', { email: this.state.email, password: this.state.password });
      const next = this.props.query.get('next');
      await this.props.onLoggedIn(reply.data.user, next && next.startsWith('/') && !next.startsWith('//') ? next : null);
    } catch (error) {
      this.setState({ busy: false, error: error instanceof ApiError ? error : new ApiError(0, { detail: String(error) }) });
    }
  };

  render({ query }, { email, password, error, busy }) {
    return h('main', { class: 'auth' },
      h('form', { class: 'card', onSubmit: this.submit, 'aria-labelledby': 'login-title' },
        h('h1', { id: 'login-title' }, 'Log in to Silo'),
        query.get('expired') === '1' && !error
          && h('p', { class: 'notice', role: 'status', 'data-testid': 'session-expired' },
            'Your session has ended. Log in again to go back to where you were.'),
        h(Problem, { error }),
        h(Field, { id: 'email', label: 'Email', type: 'email', autocomplete: 'username', required: true, value: email,
          error: error && error.fields.email, onInput: (e) => this.setState({ email: e.target.value }) }),
        h(Field, { id: 'password', label: 'Password', type: 'password', autocomplete: 'current-password',
          required: true, value: password, error: error && error.fields.password,
          onInput: (e) => this.setState({ password: e.target.value }) }),
        h('button', { type: 'submit', disabled: busy }, busy ? 'Logging in…' : 'Log in'),
        h('p', null, 'New here? ', h(Link, { to: '/signup/' }, 'Create an account'))));
  }
}
