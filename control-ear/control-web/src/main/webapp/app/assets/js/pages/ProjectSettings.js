// A project's settings: its DSN with a copy button and a setup snippet for the platform, and its keys (add,
// disable, rate limit).
import { api, path } from '../api.js';
import { Component, CopyButton, CopyField, Field, h, Link, loadInto, pending, Problem, RelativeTime } from '../ui.js';
import { PLATFORMS, snippetFor, snippetPlatform } from '../snippets.js';

export class ProjectSettings extends Component {
  state = { platform: null, newKey: '', error: null };

  componentDidMount() {
    const { slug, projectSlug } = this.props;
    loadInto(this, 'project', () => api.get(path`/projects/${slug}/${projectSlug}/`));
    this.loadKeys();
  }

  loadKeys = () => loadInto(this, 'keys', () => api.get(path`/projects/${this.props.slug}/${this.props.projectSlug}/keys/`));

  keyPath(key) {
    return path`/projects/${this.props.slug}/${this.props.projectSlug}/keys/${key.id}/`;
  }

  change = async (action) => {
    this.setState({ error: null });
    try {
      await action();
      await this.loadKeys();
    } catch (error) {
      this.setState({ error });
    }
  };

  addKey = (event) => {
    event.preventDefault();
    const { slug, projectSlug } = this.props;
    this.change(() => api.post(path`/projects/${slug}/${projectSlug}/keys/`, { name: this.state.newKey || undefined }))
      .then(() => this.setState({ newKey: '' }));
  };

  render({ slug }, { project, keys, platform, newKey, error }) {
    const waiting = pending(project, 'Loading the project') || pending(keys, 'Loading keys');
    if (waiting) {
      return waiting;
    }
    const active = keys.data.find((key) => key.isActive) || keys.data[0];
    const dsn = active ? active.dsn.public : '';
    const shown = platform || snippetPlatform(project.data.platform);
    return h('section', null,
      h('div', { class: 'page-head' },
        h('h1', null, project.data.name),
        h(Link, { to: `/organizations/${encodeURIComponent(slug)}/issues/?project=${project.data.id}`, class: 'button secondary' },
          'See its issues')),
      h('div', { class: 'card' },
        h('h2', null, 'Client key (DSN)'),
        dsn ? h(CopyField, { id: 'dsn', label: 'DSN', value: dsn })
          : h('p', null, 'This project has no key yet: add one below.'),
        h('h3', null, 'Send your first event'),
        h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Platform' },
          PLATFORMS.map(([value, label]) => h('button', { type: 'button', role: 'tab', 'aria-selected': String(value === shown),
            onClick: () => this.setState({ platform: value }) }, label))),
        h('div', { class: 'snippet' },
          h('pre', { 'data-testid': 'setup-snippet' }, h('code', null, snippetFor(shown, dsn))),
          h(CopyButton, { text: snippetFor(shown, dsn), label: 'Copy snippet' }))),
      h('div', { class: 'card' },
        h('h2', null, 'Keys'),
        h(Problem, { error }),
        h('table', { class: 'list' },
          h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, 'Public key'), h('th', null, 'State'),
            h('th', null, 'Rate limit'), h('th', null, 'Created'))),
          h('tbody', null, keys.data.map((key) => h(KeyRow, { key: key.id, projectKey: key,
            toggle: () => this.change(() => api.put(this.keyPath(key), { isActive: !key.isActive })),
            limit: (rateLimit) => this.change(() => api.put(this.keyPath(key), { rateLimit })) })))),
        h('form', { class: 'inline', onSubmit: this.addKey },
          h(Field, { id: 'new-key-name', label: 'New key name', value: newKey,
            onInput: (e) => this.setState({ newKey: e.target.value }) }),
          h('button', { type: 'submit' }, 'Add key'))));
  }
}

class KeyRow extends Component {
  state = { count: '', window: '60', editing: false };

  save = (event) => {
    event.preventDefault();
    const { count, window } = this.state;
    this.props.limit(count === '' ? null : { count: Number(count), window: Number(window) });
    this.setState({ editing: false });
  };

  render({ projectKey, toggle }, { count, window, editing }) {
    const limit = projectKey.rateLimit;
    const id = `limit-${projectKey.id}`;
    return h('tr', null,
      h('td', null, projectKey.name),
      h('td', null, h('code', null, projectKey.public)),
      h('td', null, projectKey.isActive ? 'Active' : 'Disabled', ' ',
        h('button', { type: 'button', class: 'link', onClick: toggle }, projectKey.isActive ? 'Disable' : 'Enable')),
      h('td', null, editing
        ? h('form', { class: 'inline', onSubmit: this.save },
          h(Field, { id: `${id}-count`, label: 'Events (empty: no limit)', type: 'number', min: '1', value: count,
            onInput: (e) => this.setState({ count: e.target.value }) }),
          h(Field, { id: `${id}-window`, label: 'per seconds', type: 'number', min: '1', value: window,
            onInput: (e) => this.setState({ window: e.target.value }) }),
          h('button', { type: 'submit' }, 'Save'))
        : h('span', null, limit ? `${limit.count} per ${limit.window} s` : 'No limit', ' ',
          h('button', { type: 'button', class: 'link', onClick: () => this.setState({ editing: true,
            count: limit ? String(limit.count) : '', window: limit ? String(limit.window) : '60' }) }, 'Change'))),
      h('td', null, h(RelativeTime, { date: projectKey.dateCreated })));
  }
}

