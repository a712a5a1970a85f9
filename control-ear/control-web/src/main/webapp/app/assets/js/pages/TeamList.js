// An organization's teams, and creating one.
import { api, ApiError, path } from '../api.js';
import { Component, Field, h, loadInto, pending, Problem, RelativeTime } from '../ui.js';

export class TeamList extends Component {
  state = { slug: '', error: null };

  componentDidMount() {
    this.load();
  }

  load = () => loadInto(this, 'teams', () => api.get(path`/organizations/${this.props.slug}/teams/`));

  create = async (event) => {
    event.preventDefault();
    this.setState({ error: null });
    try {
      await api.post(path`/organizations/${this.props.slug}/teams/`, { slug: this.state.slug });
      this.setState({ slug: '' });
      this.load();
    } catch (error) {
      this.setState({ error });
    }
  };

  render(props, { teams, slug, error }) {
    const fields = error instanceof ApiError ? error.fields : {};
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Teams')),
      h(Problem, { error: error && !fields.slug ? error : null }),
      h('form', { class: 'card inline', onSubmit: this.create, 'aria-label': 'Create a team' },
        h(Field, { id: 'team-slug', label: 'New team', required: true, value: slug, error: fields.slug,
          hint: 'Lowercase letters, digits, - and _.', onInput: (e) => this.setState({ slug: e.target.value }) }),
        h('button', { type: 'submit' }, 'Create team')),
      pending(teams, 'Loading teams') || h('table', { class: 'list' },
        h('thead', null, h('tr', null, h('th', null, 'Team'), h('th', { class: 'number' }, 'Members'),
          h('th', null, 'You'), h('th', null, 'Created'))),
        h('tbody', null, teams.data.map((team) => h('tr', null,
          h('td', null, team.name, h('span', { class: 'culprit' }, `#${team.slug}`)),
          h('td', { class: 'number' }, String(team.memberCount)),
          h('td', null, team.isMember ? 'Member' : '—'),
          h('td', null, h(RelativeTime, { date: team.dateCreated })))))));
  }
}
