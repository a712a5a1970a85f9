// Control's audit index across regions, narrowed by organization, actor, event type and time.
import { api } from '../../api.js';
import { Component, Field, h, loadInto, pending, RelativeTime } from '../../ui.js';

const FILTERS = [['organization', 'Organization id', ''], ['actor', 'Actor (email or id)', ''],
  ['event', 'Event', 'login, organization.created, or release. for all release events'],
  ['since', 'Since', '2026-12-07 or 2026-12-07T12:00:00Z'], ['until', 'Until', '']];

export class AdminAudit extends Component {
  state = { filter: {}, cursor: '' };

  componentDidMount() {
    this.load();
  }

  load = (event, cursor = '') => {
    if (event) {
      event.preventDefault();
    }
    this.setState({ cursor });
    loadInto(this, 'entries', () => api.page('/admin/audit-log/', { ...this.state.filter, cursor }));
  };

  render(props, { filter, entries }) {
    const fields = entries && entries.error ? entries.error.fields : {};
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Audit log')),
      h('form', { class: 'card inline', onSubmit: this.load, 'aria-label': 'Filter the audit log' },
        FILTERS.map(([name, label, hint]) => h(Field, { id: `audit-${name}`, label, value: filter[name] || '',
          hint: hint || undefined, error: fields[name],
          onInput: (e) => this.setState({ filter: { ...this.state.filter, [name]: e.target.value } }) })),
        h('button', { type: 'submit' }, 'Filter')),
      pending(entries, 'Loading the log') || h('div', null,
        entries.data.data.length === 0 ? h('p', { class: 'empty' }, 'No entry matches.')
          : h('table', { class: 'list', 'data-testid': 'audit-entries' },
            h('thead', null, h('tr', null, h('th', null, 'Event'), h('th', null, 'Region'), h('th', null, 'Organization'),
              h('th', null, 'Actor'), h('th', null, 'Detail'), h('th', null, 'From'), h('th', null, 'When'))),
            h('tbody', null, entries.data.data.map((entry) => h('tr', null,
              h('td', null, entry.event), h('td', null, entry.region || 'control'), h('td', null, entry.organizationId || '—'),
              h('td', null, entry.actorUserId || '—'), h('td', null, entry.detail || ''), h('td', null, entry.ipAddress || '—'),
              h('td', null, h(RelativeTime, { date: entry.dateCreated })))))),
        h('nav', { class: 'pager', 'aria-label': 'Pages' },
          h('button', { type: 'button', class: 'secondary', disabled: !entries.data.cursors.previous,
            onClick: () => this.load(null, entries.data.cursors.previous) }, 'Newer'),
          h('button', { type: 'button', class: 'secondary', disabled: !entries.data.cursors.next,
            onClick: () => this.load(null, entries.data.cursors.next) }, 'Older'))));
  }
}
