// The frame around every page once logged in: the organization switcher (every organization, each with its
// region), the organization's sections, the account and logging out.
import { api } from '../api.js';
import { location, navigate } from '../router.js';
import { h, Link } from '../ui.js';

const SECTIONS = [['issues', 'Issues'], ['projects', 'Projects'], ['members', 'Members'], ['teams', 'Teams'],
  ['integrations', 'Integrations']];

function switchOrganization(event) {
  const slug = event.target.value;
  if (slug === '__new') {
    navigate('/organizations/new/');
    return;
  }
  // the same section of the other organization: no new login, control holds the session for every region
  const section = /^\/organizations\/[^/]+\/([a-z]+)\//.exec(location().path);
  navigate(`/organizations/${encodeURIComponent(slug)}/${section ? section[1] : 'issues'}/`);
}

export function AppShell({ user, organizations, slug, onLoggedOut, children }) {
  const logOut = async () => {
    try {
      await api.delete('/auth/');
    } finally {
      onLoggedOut();
    }
  };
  const current = location().path;
  return h('div', { class: 'shell' },
    h('header', { class: 'topbar' },
      h(Link, { to: '/', class: 'brand' }, h('img', { src: '/assets/icon.svg', alt: '' }), 'Silo'),
      h('label', { class: 'switcher' },
        h('span', { class: 'visually-hidden' }, 'Organization'),
        h('select', { 'aria-label': 'Organization', 'data-testid': 'organization-switcher', value: slug || '',
          onChange: switchOrganization },
          !slug && h('option', { value: '' }, 'Choose an organization'),
          organizations.map((organization) => h('option', { value: organization.slug },
            `${organization.name} · ${organization.region}`)),
          h('option', { value: '__new' }, '+ New organization'))),
      h('nav', { class: 'account', 'aria-label': 'Account' },
        h(Link, { to: '/organizations/' }, 'All organizations'),
        user.isSuperuser && h(Link, { to: '/admin/' }, 'Admin'),
        h(Link, { to: '/account/' }, user.name || user.email),
        h('button', { type: 'button', class: 'link', onClick: logOut }, 'Log out'))),
    slug && h('nav', { class: 'sections', 'aria-label': 'Organization' },
      SECTIONS.map(([section, title]) => {
        const to = `/organizations/${encodeURIComponent(slug)}/${section}/`;
        return h(Link, { to, 'aria-current': current.startsWith(to) ? 'page' : undefined }, title);
      })),
    h('main', { id: 'main' }, children));
}
