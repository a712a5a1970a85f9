// The person's account: profile, password, API tokens (the secret shown once) and the account's audit log.
import { api, ApiError } from '../api.js';
import { Component, CopyField, Field, h, loadInto, pending, Problem, RelativeTime, toggled } from '../ui.js';

const SCOPES = ['org:read', 'org:write', 'project:read', 'project:write', 'project:releases', 'team:read', 'member:read',
  'event:read', 'event:write'];

function fieldsOf(error) {
  return error instanceof ApiError ? error.fields : {};
}

export class AccountPage extends Component {
  constructor(props) {
    super(props);
    this.state = { name: props.user.name || '', password: '', passwordNew: '', tokenName: '',
      scopes: new Set(['org:read', 'project:read', 'event:read']), created: null, saved: null };
  }

  componentDidMount() {
    this.loadTokens();
    loadInto(this, 'audit', () => api.get('/users/me/audit-log/'));
  }

  loadTokens = () => loadInto(this, 'tokens', () => api.get('/api-tokens/'));

  saveProfile = async (event) => {
    event.preventDefault();
    this.setState({ profileError: null, saved: null });
    try {
      const user = await api.put('/users/me/', { name: this.state.name });
      this.props.onUserChanged(user);
      this.setState({ saved: 'Profile saved.' });
    } catch (error) {
      this.setState({ profileError: error });
    }
  };

  changePassword = async (event) => {
    event.preventDefault();
    const { password, passwordNew } = this.state;
    this.setState({ passwordError: null, saved: null });
    try {
      await api.put('/users/me/password/', { password, passwordNew, passwordVerify: passwordNew });
      this.setState({ password: '', passwordNew: '', saved: 'Password changed.' });
    } catch (error) {
      this.setState({ passwordError: error });
    }
  };

  createToken = async (event) => {
    event.preventDefault();
    this.setState({ tokenError: null, created: null });
    try {
      const reply = await api.post('/api-tokens/', { name: this.state.tokenName || undefined, scopes: [...this.state.scopes] });
      this.setState({ created: reply.data, tokenName: '' });
      this.loadTokens();
    } catch (error) {
      this.setState({ tokenError: error });
    }
  };

  revoke = async (token) => {
    if (window.confirm(`Revoke the token ${token.name || token.tokenHint}? Programs using it stop working.`)) {
      try {
        await api.delete(`/api-tokens/${encodeURIComponent(token.id)}/`);
        this.loadTokens();
      } catch (error) {
        this.setState({ tokenError: error });
      }
    }
  };

  toggleScope(scope) {
    this.setState({ scopes: toggled(this.state.scopes, scope) });
  }

  render({ user }, state) {
    const { name, password, passwordNew, tokenName, scopes, created, saved, tokens, audit } = state;
    return h('section', { class: 'account-page' },
      h('h1', null, 'Your account'),
      saved && h('p', { class: 'notice', role: 'status' }, saved),
      h('form', { class: 'card', onSubmit: this.saveProfile, 'aria-labelledby': 'profile-title' },
        h('h2', { id: 'profile-title' }, 'Profile'),
        h('p', null, `Email: ${user.email}`),
        h(Problem, { error: state.profileError && !fieldsOf(state.profileError).name ? state.profileError : null }),
        h(Field, { id: 'profile-name', label: 'Name', value: name, error: fieldsOf(state.profileError).name,
          onInput: (e) => this.setState({ name: e.target.value }) }),
        h('button', { type: 'submit' }, 'Save profile')),
      h('form', { class: 'card', onSubmit: this.changePassword, 'aria-labelledby': 'password-title' },
        h('h2', { id: 'password-title' }, 'Password'),
        h(Problem, { error: state.passwordError && !Object.keys(fieldsOf(state.passwordError)).length ? state.passwordError : null }),
        h(Field, { id: 'password-current', label: 'Current password', type: 'password', autocomplete: 'current-password',
          value: password, error: fieldsOf(state.passwordError).password, onInput: (e) => this.setState({ password: e.target.value }) }),
        h(Field, { id: 'password-new', label: 'New password', type: 'password', autocomplete: 'new-password',
          value: passwordNew, error: fieldsOf(state.passwordError).passwordNew, hint: 'At least 8 characters.',
          onInput: (e) => this.setState({ passwordNew: e.target.value }) }),
        h('button', { type: 'submit' }, 'Change password')),
      h('section', { class: 'card', 'aria-labelledby': 'tokens-title' },
        h('h2', { id: 'tokens-title' }, 'API tokens'),
        created && h('div', { class: 'notice', role: 'status' },
          h('p', null, 'Copy the token now: it is shown only once.'),
          h(CopyField, { id: 'new-token', label: `Token ${created.name || ''}`, value: created.token })),
        h(Problem, { error: state.tokenError }),
        h('form', { onSubmit: this.createToken, 'aria-label': 'Create a token' },
          h(Field, { id: 'token-name', label: 'Token name', value: tokenName, onInput: (e) => this.setState({ tokenName: e.target.value }) }),
          h('fieldset', { class: 'scopes' }, h('legend', null, 'Scopes'),
            SCOPES.map((scope) => h('label', { class: 'check' },
              h('input', { type: 'checkbox', checked: scopes.has(scope), onChange: () => this.toggleScope(scope) }), scope))),
          h('button', { type: 'submit' }, 'Create token')),
        pending(tokens, 'Loading tokens') || (tokens.data.length === 0 ? h('p', null, 'No tokens.')
          : h('table', { class: 'list' },
            h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, 'Scopes'), h('th', null, 'Last used'),
              h('th', null, 'Created'), h('th', null, h('span', { class: 'visually-hidden' }, 'Actions')))),
            h('tbody', null, tokens.data.map((token) => h('tr', null,
              h('td', null, token.name || token.tokenHint), h('td', null, token.scopes.join(' ')),
              h('td', null, h(RelativeTime, { date: token.lastUsedAt })), h('td', null, h(RelativeTime, { date: token.dateCreated })),
              h('td', null, h('button', { type: 'button', class: 'link danger', onClick: () => this.revoke(token) }, 'Revoke')))))))),
      h('section', { class: 'card', 'aria-labelledby': 'audit-title' },
        h('h2', { id: 'audit-title' }, 'Security log'),
        pending(audit, 'Loading the log') || h('table', { class: 'list' },
          h('thead', null, h('tr', null, h('th', null, 'What'), h('th', null, 'From'), h('th', null, 'When'))),
          h('tbody', null, audit.data.map((entry) => h('tr', null, h('td', null, entry.event),
            h('td', null, entry.ipAddress || '—'), h('td', null, h(RelativeTime, { date: entry.dateCreated }))))))));
  }
}
