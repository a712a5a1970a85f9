// An organization's projects.
import { api, path } from '../api.js';
import { Component, Empty, h, Link, loadInto, pending, RelativeTime } from '../ui.js';

export class ProjectList extends Component {
  componentDidMount() {
    loadInto(this, 'projects', () => api.get(path`/organizations/${this.props.slug}/projects/`));
  }

  render({ slug }, { projects }) {
    const base = `/organizations/${encodeURIComponent(slug)}/projects/`;
    return h('section', null,
      h('div', { class: 'page-head' },
        h('h1', null, 'Projects'),
        h(Link, { to: `${base}new/`, class: 'button' }, 'Create project')),
      pending(projects, 'Loading projects') || (projects.data.length === 0
        ? h(Empty, { title: 'No projects yet' },
          h('p', null, 'A project gets its own DSN: the address your application sends its errors to.'),
          h(Link, { to: `${base}new/`, class: 'button' }, 'Create your first project'))
        : h('table', { class: 'list' },
          h('thead', null, h('tr', null, h('th', null, 'Project'), h('th', null, 'Platform'),
            h('th', null, 'Teams'), h('th', null, 'Created'))),
          h('tbody', null, projects.data.map((project) => h('tr', null,
            h('td', null, h(Link, { to: `${base}${encodeURIComponent(project.slug)}/` }, project.name)),
            h('td', null, project.platform || '—'),
            h('td', null, (project.teams || []).map((team) => team.slug).join(', ') || '—'),
            h('td', null, h(RelativeTime, { date: project.dateCreated }))))))));
  }
}
