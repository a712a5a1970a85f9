// Creating an organization in a chosen region: the region dropdown is where the person decides where their
// customers' data lives. A region that is down refuses with 503 and nothing is created; they may retry or choose
// another region.
import { api, ApiError } from '../api.js';
import { navigate } from '../router.js';
import { Component, Field, h, pending, loadInto, Problem } from '../ui.js';

const SLUG = /^[a-z0-9_-]{1,50}$/;

function slugOf(name) {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
}

function slugProblem(slug) {
  if (!slug) {
    return null;
  }
  if (!SLUG.test(slug)) {
    return 'Use 1 to 50 lowercase letters, digits, hyphens or underscores.';
  }
  return /^[0-9]+$/.test(slug) ? 'A slug needs at least one letter.' : null;
}

const CATEGORIES = { MULTI_TENANT: 'shared', SINGLE_TENANT: 'dedicated' };

export class OrganizationCreate extends Component {
  state = { name: '', slug: '', slugEdited: false, region: '', error: null, busy: false, creating: null };

  componentDidMount() {
    loadInto(this, 'regions', async () => {
      const { regions } = await api.get('/regions/');
      if (!this.state.region && regions.length) {
        this.setState({ region: regions[0].name });
      }
      return regions;
    });
  }

  componentWillUnmount() {
    clearTimeout(this.poll);
  }

  submit = async (event) => {
    event.preventDefault();
    const { name, slug, region } = this.state;
    this.setState({ busy: true, error: null });
    try {
      const reply = await api.post('/organizations/', { name, slug: slug || undefined, region });
      if (reply.status === 202) {
        this.setState({ creating: reply.data });
        this.awaitActive(reply.data.slug);
      } else {
        await this.props.refresh();
        navigate(`/organizations/${encodeURIComponent(reply.data.slug)}/projects/new/`);
      }
    } catch (error) {
      this.setState({ busy: false, error });
    }
  };

  /** A 202: the region is still creating it; ask the picker until it is active. */
  awaitActive = async (slug) => {
    const organizations = await this.props.refresh().catch(() => []);
    const created = organizations.find((organization) => organization.slug === slug);
    if (created && created.status.id === 'active') {
      navigate(`/organizations/${encodeURIComponent(slug)}/projects/new/`);
      return;
    }
    this.poll = setTimeout(() => this.awaitActive(slug), 1000);
  };

  render(props, { name, slug, region, regions, error, busy, creating }) {
    if (creating) {
      return h('section', { class: 'card narrow', role: 'status', 'data-testid': 'organization-creating' },
        h('h1', null, `Creating ${creating.name}`),
        h('p', null, `Being created in ${creating.region}… this page moves on by itself when it is ready.`));
    }
    const typedProblem = slugProblem(slug);
    const fields = error instanceof ApiError ? error.fields : {};
    const slugError = typedProblem || fields.slug || (error && error.status === 409 ? error.message : null);
    const otherError = error && !(error.status === 409) && !fields.slug ? error : null;
    return h('section', { class: 'card narrow' },
      h('form', { onSubmit: this.submit, 'aria-labelledby': 'create-title' },
        h('h1', { id: 'create-title' }, 'Create an organization'),
        h(Problem, { error: otherError },
          otherError && otherError.status === 503
            && h('p', null, 'Nothing was created. Try again, or choose another region.')),
        h(Field, { id: 'organization-name', label: 'Name', required: true, value: name, error: fields.name,
          onInput: (e) => this.setState({ name: e.target.value,
            slug: this.state.slugEdited ? this.state.slug : slugOf(e.target.value) }) }),
        h(Field, { id: 'organization-slug', label: 'Slug', value: slug, error: slugError,
          hint: 'Part of every address of the organization. Lowercase letters, digits, - and _.',
          onInput: (e) => this.setState({ slug: e.target.value, slugEdited: true, error: null }) }),
        pending(regions, 'Loading regions') || h(Field, { id: 'organization-region', label: 'Data region',
          hint: 'Where this organization\'s events, issues and projects are stored. It cannot be changed later.' },
        h('select', { id: 'organization-region', value: region, 'aria-describedby': 'organization-region-hint',
          onChange: (e) => this.setState({ region: e.target.value, error: null }) },
        regions.data.map((one) => h('option', { value: one.name },
          `${one.name} — ${CATEGORIES[one.category] || 'region'}`)))),
        h('button', { type: 'submit', disabled: busy || Boolean(typedProblem) },
          busy ? 'Creating…' : (error && error.status === 503 ? 'Try again' : 'Create organization'))));
  }
}
