// The webhooks control received: those routed, with the regions they went to, and those no installation wanted.
import { api } from '../../api.js';
import { Component, Field, h, loadInto, pending, RelativeTime } from '../../ui.js';

const PROVIDERS = [['', 'Every provider'], ['github', 'GitHub'], ['slack', 'Slack'], ['jira', 'Jira']];

function WebhookTable({ slot, testId, empty, last, onPage }) {
  return pending(slot, 'Loading') || h('div', null,
    slot.data.data.length === 0 ? h('p', { class: 'meta' }, empty)
      : h('table', { class: 'list', 'data-testid': testId },
        h('thead', null, h('tr', null, h('th', null, 'Provider'), h('th', null, 'Installation'), h('th', null, 'Event'),
          h('th', null, last), h('th', null, 'Received'))),
        h('tbody', null, slot.data.data.map((webhook) => h('tr', null,
          h('td', null, webhook.provider), h('td', null, webhook.externalId || '—'), h('td', null, webhook.eventType || '—'),
          h('td', null, webhook.reason || webhook.regions.join(', ')),
          h('td', null, h(RelativeTime, { date: webhook.receivedAt })))))),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', class: 'secondary', disabled: !slot.data.cursors.previous,
        onClick: () => onPage(slot.data.cursors.previous) }, 'Newer'),
      h('button', { type: 'button', class: 'secondary', disabled: !slot.data.cursors.next,
        onClick: () => onPage(slot.data.cursors.next) }, 'Older')));
}

export class AdminWebhooks extends Component {
  state = { provider: '' };

  componentDidMount() {
    this.load('routed', '/admin/webhooks/');
    this.load('unroutable', '/admin/webhooks/unroutable/');
  }

  load(key, path, cursor = '') {
    loadInto(this, key, () => api.page(path, { provider: this.state.provider, cursor }));
  }

  choose = (event) => {
    this.setState({ provider: event.target.value }, () => this.componentDidMount());
  };

  render(props, { provider, routed, unroutable }) {
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Webhooks')),
      h('div', { class: 'card inline' }, h(Field, { id: 'webhook-provider', label: 'Provider' },
        h('select', { id: 'webhook-provider', value: provider, onChange: this.choose },
          PROVIDERS.map(([value, label]) => h('option', { value }, label))))),
      h('section', { class: 'card' }, h('h2', null, 'Routed'),
        h(WebhookTable, { slot: routed, testId: 'webhooks-routed', empty: 'None in the last days.', last: 'Regions',
          onPage: (cursor) => this.load('routed', '/admin/webhooks/', cursor) })),
      h('section', { class: 'card' }, h('h2', null, 'Unroutable'),
        h(WebhookTable, { slot: unroutable, testId: 'webhooks-unroutable', empty: 'None: every webhook found its installation.',
          last: 'Why', onPage: (cursor) => this.load('unroutable', '/admin/webhooks/unroutable/', cursor) })));
  }
}
