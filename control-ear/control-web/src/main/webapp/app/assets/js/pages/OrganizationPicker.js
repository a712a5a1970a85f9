// Every organization of the account, whichever region holds it, each with its region.
import { Component, Empty, h, Link, RelativeTime } from '../ui.js';

export class OrganizationPicker extends Component {
  componentDidMount() {
    this.props.refresh();
  }

  render({ organizations }) {
    return h('section', null,
      h('div', { class: 'page-head' },
        h('h1', null, 'Your organizations'),
        h(Link, { to: '/organizations/new/', class: 'button' }, 'Create organization')),
      organizations.length === 0
        ? h(Empty, { title: 'No organizations yet' },
          h('p', null, 'An organization holds your projects and their errors, in the region you choose.'),
          h(Link, { to: '/organizations/new/', class: 'button' }, 'Create your first organization'))
        : h('ul', { class: 'cards', 'data-testid': 'organization-list' },
          organizations.map((organization) => h('li', { class: 'card organization', 'data-slug': organization.slug },
            h(Link, { to: `/organizations/${encodeURIComponent(organization.slug)}/issues/` },
              h('span', { class: 'avatar', 'aria-hidden': 'true' }, organization.name.slice(0, 1).toUpperCase()),
              h('span', { class: 'name' }, organization.name)),
            h('p', { class: 'meta' },
              h('span', { class: 'region', 'data-testid': 'organization-region' }, `Region: ${organization.region}`),
              ' · ', organization.slug,
              organization.status.id !== 'active' && h('span', { class: 'status' }, ` · ${organization.status.name}`)),
            h('p', { class: 'meta' }, 'Created ', h(RelativeTime, { date: organization.dateCreated }))))));
  }
}
