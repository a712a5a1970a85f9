// One issue: what it is, how often and where it happened (tags), its latest event in full with older and newer
// events, its activity and its external issue links. (The tag bars' widths are set through the CSSOM, which the
// Content-Security-Policy allows, never as a style attribute.)
import { api, path } from '../api.js';
import { navigate, withQuery } from '../router.js';
import { Component, h, LevelBadge, Link, loadInto, pending, Problem, RelativeTime } from '../ui.js';
import { EventView } from './EventView.js';

const ACTIONS = { unresolved: [['resolved', 'Resolve'], ['ignored', 'Ignore']], resolved: [['unresolved', 'Unresolve']],
  ignored: [['unresolved', 'Stop ignoring']] };

export class IssueDetail extends Component {
  componentDidMount() {
    const { slug, issueId } = this.props;
    const base = path`/organizations/${slug}/issues/${issueId}/`;
    loadInto(this, 'issue', () => api.get(base));
    loadInto(this, 'event', () => api.get(`${base}events/${encodeURIComponent(this.props.query.get('event') || 'latest')}/`));
    loadInto(this, 'tags', () => api.get(`${base}tags/`));
    loadInto(this, 'activity', () => api.get(`${base}activities/`));
    loadInto(this, 'links', () => api.get(`${base}external-issues/`));
  }

  setStatus = async (status) => {
    const { slug, issueId } = this.props;
    this.setState({ error: null });
    try {
      const issue = await api.put(path`/organizations/${slug}/issues/${issueId}/`, { status });
      this.setState({ issue: { data: issue } });
      loadInto(this, 'activity', () => api.get(path`/organizations/${slug}/issues/${issueId}/activities/`));
    } catch (error) {
      this.setState({ error });
    }
  };

  showEvent(eventId) {
    const { slug, issueId } = this.props;
    navigate(withQuery(`/organizations/${encodeURIComponent(slug)}/issues/${encodeURIComponent(issueId)}/`, { event: eventId }));
  }

  render({ slug }, { issue, event, tags, activity, links, error }) {
    const waiting = pending(issue, 'Loading the issue');
    if (waiting) {
      return waiting;
    }
    const shown = issue.data;
    return h('article', { class: 'issue-detail' },
      h('p', { class: 'crumbs' }, h(Link, { to: `/organizations/${encodeURIComponent(slug)}/issues/` }, 'Issues'), ' / ',
        shown.shortId),
      h('header', { class: 'issue-head' },
        h('div', null,
          h('h1', { 'data-testid': 'issue-title' }, shown.title),
          h('p', { class: 'culprit' }, shown.culprit),
          h('p', { class: 'meta' }, h(LevelBadge, { level: shown.level }), ' ',
            h('span', { 'data-testid': 'issue-status' }, shown.status), ' · ', shown.project.name,
            ' · first seen ', h(RelativeTime, { date: shown.firstSeen }),
            ' · last seen ', h(RelativeTime, { date: shown.lastSeen }))),
        h('dl', { class: 'counts' },
          h('div', null, h('dt', null, 'Events'), h('dd', null, shown.count)),
          h('div', null, h('dt', null, 'Users'), h('dd', null, String(shown.userCount)))),
        h('div', { class: 'actions' }, (ACTIONS[shown.status] || []).map(([status, label]) =>
          h('button', { type: 'button', class: status === 'resolved' ? '' : 'secondary', onClick: () => this.setStatus(status) }, label)))),
      h(Problem, { error }),
      h('div', { class: 'issue-body' },
        h('div', { class: 'issue-main' },
          pending(event, 'Loading the latest event') || h('div', null,
            h('nav', { class: 'pager', 'aria-label': 'Events' },
              h('span', null, 'Event ', h('code', null, event.data.eventID), ' · ', h(RelativeTime, { date: event.data.dateCreated })),
              h('button', { type: 'button', class: 'secondary', disabled: !event.data.previousEventID,
                onClick: () => this.showEvent(event.data.previousEventID) }, 'Older'),
              h('button', { type: 'button', class: 'secondary', disabled: !event.data.nextEventID,
                onClick: () => this.showEvent(event.data.nextEventID) }, 'Newer')),
            h(EventView, { event: event.data }))),
        h('aside', { class: 'issue-side' },
          h('section', { class: 'card', 'aria-labelledby': 'tags-title' }, h('h2', { id: 'tags-title' }, 'Tags'),
            pending(tags, 'Loading tags') || h(TagBars, { tags: tags.data })),
          h('section', { class: 'card' }, h('h2', null, 'Activity'),
            pending(activity, 'Loading activity') || (activity.data.length === 0 ? h('p', null, 'Nothing yet.')
              : h('ol', { class: 'activity' }, activity.data.map((one) => h('li', null, h('strong', null, one.type.replace(/_/g, ' ')),
                ' ', h(RelativeTime, { date: one.dateCreated })))))),
          h('section', { class: 'card' }, h('h2', null, 'Linked issues'),
            pending(links, 'Loading links') || (links.data.length === 0 ? h('p', null, 'No external issue is linked.')
              : h('ul', null, links.data.map((link) => h('li', null, `${link.provider}: ${link.key}`))))))));
  }
}

function TagBars({ tags }) {
  if (!tags.length) {
    return h('p', null, 'No tags.');
  }
  return h('dl', { class: 'tags', 'data-testid': 'tags' }, tags.map((tag) => h('div', { class: 'tag' },
    h('dt', null, tag.key),
    tag.topValues.map((value) => {
      const share = Math.round((value.count / tag.totalValues) * 100);
      return h('dd', null,
        h('span', { class: 'tag-value' }, value.value),
        h('span', { class: 'bar', role: 'img', 'aria-label': `${share}%` },
          h('span', { class: 'fill', style: { width: `${share}%` } })),
        h('span', { class: 'share' }, `${share}%`));
    }))));
}
