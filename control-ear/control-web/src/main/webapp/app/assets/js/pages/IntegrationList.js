// The organization's integrations (GitHub, Slack, Jira): what is installed, installing one, uninstalling.
import { api, ApiError } from '../api.js';
import { Component, Field, h, loadInto, pending, Problem } from '../ui.js';

const PROVIDERS = [['github', 'GitHub'], ['slack', 'Slack'], ['jira', 'Jira']];

export class IntegrationList extends Component {
  state = { provider: 'github', externalId: '', name: '', error: null };

  componentDidMount() {
    this.load();
  }

  load = () => loadInto(this, 'installed', () => api.get('/integrations/', { organization: this.props.slug }));

  install = async (event) => {
    event.preventDefault();
    const { provider, externalId, name } = this.state;
    this.setState({ error: null });
    try {
      await api.post('/integrations/', { organization: this.props.slug, provider, externalId, name: name || undefined });
      this.setState({ externalId: '', name: '' });
      this.load();
    } catch (error) {
      this.setState({ error });
    }
  };

  uninstall = async (integration) => {
    if (!window.confirm(`Uninstall ${integration.name || integration.provider} from this organization?`)) {
      return;
    }
    this.setState({ error: null });
    try {
      await api.delete(`/integrations/${encodeURIComponent(integration.id)}/`, { organization: this.props.slug });
      this.load();
    } catch (error) {
      this.setState({ error });
    }
  };

  render(props, { installed, provider, externalId, name, error }) {
    const fields = error instanceof ApiError ? error.fields : {};
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Integrations')),
      h(Problem, { error: error && !fields.externalId ? error : null }),
      pending(installed, 'Loading integrations') || (installed.data.length === 0
        ? h('p', { class: 'empty' }, 'No integration is installed. Install one below to link issues and receive webhooks.')
        : h('table', { class: 'list' },
          h('thead', null, h('tr', null, h('th', null, 'Integration'), h('th', null, 'Provider'), h('th', null, 'Account'),
            h('th', null, h('span', { class: 'visually-hidden' }, 'Actions')))),
          h('tbody', null, installed.data.map((integration) => h('tr', null,
            h('td', null, integration.name || '—'), h('td', null, integration.provider),
            h('td', null, integration.externalId || '—'),
            h('td', null, h('button', { type: 'button', class: 'link danger', onClick: () => this.uninstall(integration) },
              'Uninstall'))))))),
      h('form', { class: 'card inline', onSubmit: this.install, 'aria-label': 'Install an integration' },
        h(Field, { id: 'integration-provider', label: 'Provider' },
          h('select', { id: 'integration-provider', value: provider, onChange: (e) => this.setState({ provider: e.target.value }) },
            PROVIDERS.map(([value, label]) => h('option', { value }, label)))),
        h(Field, { id: 'integration-external-id', label: 'Account or workspace id', required: true, value: externalId,
          error: fields.externalId, onInput: (e) => this.setState({ externalId: e.target.value }) }),
        h(Field, { id: 'integration-name', label: 'Name', value: name, onInput: (e) => this.setState({ name: e.target.value }) }),
        h('button', { type: 'submit' }, 'Install')));
  }
}
