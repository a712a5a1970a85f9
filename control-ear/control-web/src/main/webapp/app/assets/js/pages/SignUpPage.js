// Creating an account, then logging in with it at once.
import { api, ApiError } from '../api.js';
import { Component, Field, h, Link, Problem } from '../ui.js';

export class SignUpPage extends Component {
  state = { name: '', email: '', password: '', error: null, busy: false };

  submit = async (event) => {
    event.preventDefault();
    const { name, email, password } = this.state;
    this.setState({ busy: true, error: null });
    try {
      await api.post('/auth/register/', { name, email, password });
      const reply = await api.post('/auth/login/', { email, password });
      await this.props.onLoggedIn(reply.data.user, null);
    } catch (error) {
      this.setState({ busy: false, error: error instanceof ApiError ? error : new ApiError(0, { detail: String(error) }) });
    }
  };

  render(props, { name, email, password, error, busy }) {
    const input = (field) => (e) => this.setState({ [field]: e.target.value });
    return h('main', { class: 'auth' },
      h('form', { class: 'card', onSubmit: this.submit, 'aria-labelledby': 'signup-title' },
        h('h1', { id: 'signup-title' }, 'Create your Silo account'),
        h('p', null, 'One account for every organization, whichever region holds its data.'),
        h(Problem, { error }),
        h(Field, { id: 'name', label: 'Name', autocomplete: 'name', required: true, value: name,
          error: error && error.fields.name, onInput: input('name') }),
        h(Field, { id: 'email', label: 'Email', type: 'email', autocomplete: 'username', required: true, value: email,
          error: error && error.fields.email, onInput: input('email') }),
        h(Field, { id: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true,
          value: password, error: error && error.fields.password, onInput: input('password'),
          hint: 'At least 8 characters.' }),
        h('button', { type: 'submit', disabled: busy }, busy ? 'Creating your account…' : 'Create account'),
        h('p', null, 'Already have an account? ', h(Link, { to: '/login/' }, 'Log in'))));
  }
}
