// An organization's issues (or one project's): Sentry's search syntax, sort, period, Link-header pages, and
// resolving, ignoring or reopening one or several at once.
import { api, path } from '../api.js';
import { navigate, withQuery } from '../router.js';
import { Component, Empty, Field, h, LevelBadge, Link, loadInto, pending, Problem, RelativeTime, toggled } from '../ui.js';
import { snippetFor, snippetPlatform } from '../snippets.js';

const SORTS = [['date', 'Last seen'], ['new', 'First seen'], ['freq', 'Events'], ['user', 'Users']];
const PERIODS = [['24h', 'Last 24 hours'], ['14d', 'Last 14 days'], ['30d', 'Last 30 days'], ['90d', 'Last 90 days']];
const DEFAULT_QUERY = 'is:unresolved';

export class IssueList extends Component {
  constructor(props) {
    super(props);
    this.state = { typed: props.query.get('query') ?? DEFAULT_QUERY, selected: new Set(), error: null };
  }

  componentDidMount() {
    this.load();
    loadInto(this, 'projects', () => api.get(path`/organizations/${this.props.slug}/projects/`));
  }

  params() {
    const { query } = this.props;
    return {
      query: query.get('query') ?? DEFAULT_QUERY, sort: query.get('sort') || 'date',
      statsPeriod: query.get('statsPeriod') || '14d', project: query.get('project') || '', cursor: query.get('cursor') || '',
    };
  }

  load = () => {
    this.setState({ selected: new Set() });
    loadInto(this, 'issues', () => api.page(path`/organizations/${this.props.slug}/issues/`, this.params()));
  };

  go(changes) {
    const next = { ...this.params(), cursor: '', ...changes };
    navigate(withQuery(`/organizations/${encodeURIComponent(this.props.slug)}/issues/`,
      { ...next, query: next.query === DEFAULT_QUERY ? undefined : next.query,
        sort: next.sort === 'date' ? undefined : next.sort, statsPeriod: next.statsPeriod === '14d' ? undefined : next.statsPeriod }));
  }

  search = (event) => {
    event.preventDefault();
    this.go({ query: this.state.typed });
  };

  toggle(id) {
    this.setState({ selected: toggled(this.state.selected, id) });
  }

  setStatus = async (status) => {
    this.setState({ error: null });
    try {
      await Promise.all([...this.state.selected].map((id) =>
        api.put(path`/organizations/${this.props.slug}/issues/${id}/`, { status })));
    } catch (error) {
      this.setState({ error });
    }
    this.load();
  };

  render({ slug }, { typed, issues, projects, selected, error }) {
    const params = this.params();
    const base = `/organizations/${encodeURIComponent(slug)}`;
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Issues')),
      h('form', { class: 'filters', role: 'search', onSubmit: this.search },
        h(Field, { id: 'issue-search', label: 'Search issues', type: 'search', value: typed,
          placeholder: 'is:unresolved level:error release:1.0 browser:Chrome timeout',
          hint: 'is:, level:, environment:, release:, any tag as key:value, or words from the title',
          onInput: (e) => this.setState({ typed: e.target.value }) }),
        h(Field, { id: 'issue-project', label: 'Project' },
          h('select', { id: 'issue-project', value: params.project, onChange: (e) => this.go({ project: e.target.value }) },
            h('option', { value: '' }, 'All projects'),
            projects && projects.data && projects.data.map((project) => h('option', { value: project.id }, project.name)))),
        h(Field, { id: 'issue-sort', label: 'Sort by' },
          h('select', { id: 'issue-sort', value: params.sort, onChange: (e) => this.go({ sort: e.target.value }) },
            SORTS.map(([value, label]) => h('option', { value }, label)))),
        h(Field, { id: 'issue-period', label: 'Period' },
          h('select', { id: 'issue-period', value: params.statsPeriod, onChange: (e) => this.go({ statsPeriod: e.target.value }) },
            PERIODS.map(([value, label]) => h('option', { value }, label)))),
        h('button', { type: 'submit' }, 'Search')),
      h('div', { class: 'bulk', role: 'toolbar', 'aria-label': 'Selected issues' },
        h('span', null, selected.size ? `${selected.size} selected` : 'Select issues to change them'),
        h('button', { type: 'button', disabled: !selected.size, onClick: () => this.setStatus('resolved') }, 'Resolve'),
        h('button', { type: 'button', class: 'secondary', disabled: !selected.size, onClick: () => this.setStatus('ignored') }, 'Ignore'),
        h('button', { type: 'button', class: 'secondary', disabled: !selected.size, onClick: () => this.setStatus('unresolved') }, 'Unresolve')),
      h(Problem, { error }),
      pending(issues, 'Loading issues') || (issues.data.data.length === 0
        ? h(NoIssues, { slug, projects, searched: params.query !== DEFAULT_QUERY || params.project })
        : h('div', null,
          h('table', { class: 'list issues', 'data-testid': 'issue-list' },
            h('thead', null, h('tr', null, h('th', null, h('span', { class: 'visually-hidden' }, 'Select')),
              h('th', null, 'Issue'), h('th', null, 'Level'), h('th', { class: 'number' }, 'Events'),
              h('th', { class: 'number' }, 'Users'), h('th', null, 'First seen'), h('th', null, 'Last seen'),
              h('th', null, 'Status'))),
            h('tbody', null, issues.data.data.map((issue) => h('tr', { 'data-issue-id': issue.id },
              h('td', null, h('input', { type: 'checkbox', checked: selected.has(issue.id),
                'aria-label': `Select ${issue.title}`, onChange: () => this.toggle(issue.id) })),
              h('td', { class: 'issue-title' },
                h(Link, { to: `${base}/issues/${issue.id}/` }, issue.title),
                h('span', { class: 'culprit' }, issue.shortId, ' · ', issue.culprit || '')),
              h('td', null, h(LevelBadge, { level: issue.level })),
              h('td', { class: 'number' }, issue.count),
              h('td', { class: 'number' }, String(issue.userCount)),
              h('td', null, h(RelativeTime, { date: issue.firstSeen })),
              h('td', null, h(RelativeTime, { date: issue.lastSeen })),
              h('td', null, issue.status))))),
          h('nav', { class: 'pager', 'aria-label': 'Pages' },
            h('button', { type: 'button', class: 'secondary', disabled: !issues.data.cursors.previous,
              onClick: () => this.go({ cursor: issues.data.cursors.previous }) }, 'Previous'),
            h('button', { type: 'button', class: 'secondary', disabled: !issues.data.cursors.next,
              onClick: () => this.go({ cursor: issues.data.cursors.next }) }, 'Next')))));
  }
}

/** No issue: after a search say so; otherwise show how to send the first event, with a real DSN. */
class NoIssues extends Component {
  componentDidMount() {
    this.loadKey();
  }

  componentDidUpdate(previous) {
    if (previous.projects !== this.props.projects) {
      this.loadKey();
    }
  }

  loadKey() {
    const { projects, slug } = this.props;
    const first = projects && projects.data && projects.data[0];
    if (first && !this.state.key) {
      this.setState({ key: { loading: true } });
      loadInto(this, 'key', async () => ({ project: first,
        keys: await api.get(path`/projects/${slug}/${first.slug}/keys/`) }));
    }
  }

  render({ slug, projects, searched }, { key }) {
    if (searched) {
      return h(Empty, { title: 'No issues match' }, h('p', null, 'Try another search, a longer period or all projects.'));
    }
    if (projects && projects.data && projects.data.length === 0) {
      return h(Empty, { title: 'No issues yet' },
        h('p', null, 'Create a project to get a DSN, then send it an error.'),
        h(Link, { to: `/organizations/${encodeURIComponent(slug)}/projects/new/`, class: 'button' }, 'Create a project'));
    }
    const dsn = key && key.data && key.data.keys.length ? key.data.keys[0].dsn.public : null;
    return h(Empty, { title: 'No issues yet — send a test event:' },
      dsn ? h('pre', null, h('code', null, snippetFor(snippetPlatform(key.data.project.platform), dsn)))
        : h('p', null, 'Open a project\'s settings for its DSN and a setup snippet.'));
  }
}
