// Organizations of every region, found in control's directory by slug, id or a member's email.
import { api } from '../../api.js';
import { Component, Field, h, loadInto, pending, RelativeTime } from '../../ui.js';

export class AdminOrganizations extends Component {
  state = { query: '' };

  componentDidMount() {
    this.search();
  }

  search = (event) => {
    if (event) {
      event.preventDefault();
    }
    loadInto(this, 'found', () => api.get('/admin/organizations/', { query: this.state.query }));
  };

  render(props, { query, found }) {
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Organizations')),
      h('form', { class: 'card inline', role: 'search', onSubmit: this.search },
        h(Field, { id: 'organization-search', label: 'Search organizations', type: 'search', value: query,
          hint: 'The start of a slug, an id, or a member\'s email', onInput: (e) => this.setState({ query: e.target.value }) }),
        h('button', { type: 'submit' }, 'Search')),
      pending(found, 'Searching') || (found.data.length === 0 ? h('p', { class: 'empty' }, 'No organization matches.')
        : h('table', { class: 'list', 'data-testid': 'organizations' },
          h('thead', null, h('tr', null, h('th', null, 'Organization'), h('th', null, 'Region'), h('th', null, 'Status'),
            h('th', null, 'Members'), h('th', null, 'Created'))),
          h('tbody', null, found.data.map((organization) => h('tr', { 'data-slug': organization.slug },
            h('td', null, organization.name, h('span', { class: 'culprit' }, `${organization.slug} · ${organization.id}`)),
            h('td', { class: 'region' }, organization.region),
            h('td', { class: organization.provisioningOverdue ? 'overdue' : undefined },
              organization.status.toLowerCase().replace(/_/g, ' '),
              organization.provisioningOverdue ? ' — past its lease, reconciliation will repair or release it' : ''),
            h('td', null, organization.members.map((member) => `${member.email} (${member.role})`).join(', ') || '—'),
            h('td', null, h(RelativeTime, { date: organization.createdAt }))))))));
  }
}
