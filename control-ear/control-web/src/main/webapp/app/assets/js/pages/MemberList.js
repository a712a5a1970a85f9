// An organization's members: invite by email with a role, change a role, remove someone, or leave.
import { api, ApiError, path } from '../api.js';
import { navigate } from '../router.js';
import { Component, Field, h, loadInto, pending, Problem, RelativeTime } from '../ui.js';

export const ROLES = [['member', 'Member'], ['admin', 'Admin'], ['manager', 'Manager'], ['owner', 'Owner']];

export class MemberList extends Component {
  state = { email: '', role: 'member', error: null };

  componentDidMount() {
    this.load();
  }

  load = () => loadInto(this, 'members', () => api.get(path`/organizations/${this.props.slug}/members/`));

  change = async (action) => {
    this.setState({ error: null });
    try {
      await action();
      await this.load();
      return true;
    } catch (error) {
      this.setState({ error });
      return false;
    }
  };

  invite = async (event) => {
    event.preventDefault();
    const { email, role } = this.state;
    if (await this.change(() => api.post(path`/organizations/${this.props.slug}/members/`, { email, role }))) {
      this.setState({ email: '' });
    }
  };

  remove = (member) => {
    if (window.confirm(`Remove ${member.email} from this organization?`)) {
      this.change(() => api.delete(path`/organizations/${this.props.slug}/members/${member.id}/`));
    }
  };

  leave = async () => {
    if (window.confirm('Leave this organization? You lose access to its projects and issues.')) {
      this.setState({ error: null });
      try {
        await api.delete(path`/organizations/${this.props.slug}/members/me/`);
        navigate('/organizations/');
      } catch (error) {
        this.setState({ error });
      }
    }
  };

  render({ user }, { members, email, role, error }) {
    const fields = error instanceof ApiError ? error.fields : {};
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Members'),
        h('button', { type: 'button', class: 'secondary', onClick: this.leave }, 'Leave organization')),
      h(Problem, { error: error && !fields.email ? error : null }),
      h('form', { class: 'card inline', onSubmit: this.invite, 'aria-label': 'Invite a member' },
        h(Field, { id: 'invite-email', label: 'Invite by email', type: 'email', required: true, value: email,
          error: fields.email, onInput: (e) => this.setState({ email: e.target.value }) }),
        h(Field, { id: 'invite-role', label: 'Role' },
          h('select', { id: 'invite-role', value: role, onChange: (e) => this.setState({ role: e.target.value }) },
            ROLES.map(([value, label]) => h('option', { value }, label)))),
        h('button', { type: 'submit' }, 'Send invitation')),
      pending(members, 'Loading members') || h('table', { class: 'list' },
        h('thead', null, h('tr', null, h('th', null, 'Member'), h('th', null, 'Role'), h('th', null, 'Teams'),
          h('th', null, 'Joined'), h('th', null, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', null, members.data.map((member) => h('tr', null,
          h('td', null, member.name || member.email, member.pending && h('span', { class: 'badge' }, 'invited'),
            h('span', { class: 'culprit' }, member.email)),
          h('td', null, h('select', { 'aria-label': `Role of ${member.email}`, value: member.role,
            onChange: (e) => this.change(() => api.put(path`/organizations/${this.props.slug}/members/${member.id}/`,
              { role: e.target.value })) }, ROLES.map(([value, label]) => h('option', { value }, label)))),
          h('td', null, (member.teams || []).join(', ') || '—'),
          h('td', null, h(RelativeTime, { date: member.dateCreated })),
          h('td', null, member.user && member.user.id === user.id ? 'You'
            : h('button', { type: 'button', class: 'link danger', onClick: () => this.remove(member) }, 'Remove')))))));
  }
}
