// Creating a project in one of the person's teams.
import { api, ApiError, path } from '../api.js';
import { navigate } from '../router.js';
import { Component, Field, h, loadInto, pending, Problem } from '../ui.js';
import { PLATFORMS } from '../snippets.js';

export class ProjectCreate extends Component {
  state = { name: '', platform: 'java', team: '', error: null, busy: false };

  componentDidMount() {
    loadInto(this, 'teams', async () => {
      const teams = await api.get(path`/organizations/${this.props.slug}/teams/`);
      const mine = teams.find((team) => team.isMember) || teams[0];
      this.setState({ team: mine ? mine.slug : '' });
      return teams;
    });
  }

  submit = async (event) => {
    event.preventDefault();
    const { name, platform, team } = this.state;
    const { slug } = this.props;
    this.setState({ busy: true, error: null });
    try {
      const reply = await api.post(path`/teams/${slug}/${team}/projects/`, { name, platform });
      navigate(`/organizations/${encodeURIComponent(slug)}/projects/${encodeURIComponent(reply.data.slug)}/`);
    } catch (error) {
      this.setState({ busy: false, error });
    }
  };

  render(props, { name, platform, team, teams, error, busy }) {
    const fields = error instanceof ApiError ? error.fields : {};
    return h('section', { class: 'card narrow' },
      h('form', { onSubmit: this.submit, 'aria-labelledby': 'project-title' },
        h('h1', { id: 'project-title' }, 'Create a project'),
        h(Problem, { error: error && !fields.name ? error : null }),
        h(Field, { id: 'project-name', label: 'Name', required: true, value: name, error: fields.name || fields.slug,
          onInput: (e) => this.setState({ name: e.target.value }) }),
        h(Field, { id: 'project-platform', label: 'Platform' },
          h('select', { id: 'project-platform', value: platform, onChange: (e) => this.setState({ platform: e.target.value }) },
            PLATFORMS.map(([value, label]) => h('option', { value }, label)))),
        pending(teams, 'Loading teams') || h(Field, { id: 'project-team', label: 'Team' },
          h('select', { id: 'project-team', value: team, onChange: (e) => this.setState({ team: e.target.value }) },
            teams.data.map((one) => h('option', { value: one.slug }, one.name)))),
        h('button', { type: 'submit', disabled: busy || !team }, busy ? 'Creating…' : 'Create project')));
  }
}
