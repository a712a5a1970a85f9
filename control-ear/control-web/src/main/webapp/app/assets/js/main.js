// The app: who is logged in, which organizations they have, and which page the address names.
import { api, onUnauthorized } from './api.js';
import { here, location, match, navigate, onNavigate, withQuery } from './router.js';
import { Component, h, Loading, render } from './ui.js';
import { AppShell } from './pages/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { SignUpPage } from './pages/SignUpPage.js';
import { OrganizationPicker } from './pages/OrganizationPicker.js';
import { OrganizationCreate } from './pages/OrganizationCreate.js';
import { ProjectList } from './pages/ProjectList.js';
import { ProjectCreate } from './pages/ProjectCreate.js';
import { ProjectSettings } from './pages/ProjectSettings.js';
import { IssueList } from './pages/IssueList.js';
import { IssueDetail } from './pages/IssueDetail.js';
import { MemberList } from './pages/MemberList.js';
import { TeamList } from './pages/TeamList.js';
import { IntegrationList } from './pages/IntegrationList.js';
import { AccountPage } from './pages/AccountPage.js';
import { AdminFrame } from './pages/admin/AdminFrame.js';
import { AdminRegions } from './pages/admin/AdminRegions.js';
import { AdminOutbox } from './pages/admin/AdminOutbox.js';
import { AdminOrganizations } from './pages/admin/AdminOrganizations.js';
import { AdminAudit } from './pages/admin/AdminAudit.js';
import { AdminWebhooks } from './pages/admin/AdminWebhooks.js';

const PUBLIC_PAGES = ['/login/', '/signup/'];

/** The operators' pages. */
const ADMIN_PAGES = { '/admin/': AdminRegions, '/admin/outbox/': AdminOutbox, '/admin/organizations/': AdminOrganizations,
  '/admin/audit/': AdminAudit, '/admin/webhooks/': AdminWebhooks };

/** Pages inside an organization: the pattern after /organizations/:org, and what shows it. */
const ORGANIZATION_PAGES = [
  ['/issues/', IssueList],
  ['/issues/:issueId/', IssueDetail],
  ['/projects/', ProjectList],
  ['/projects/new/', ProjectCreate],
  ['/projects/:projectSlug/', ProjectSettings],
  ['/members/', MemberList],
  ['/teams/', TeamList],
  ['/integrations/', IntegrationList],
];

class App extends Component {
  state = { user: undefined, organizations: null };

  componentDidMount() {
    onNavigate(() => this.forceUpdate());
    onUnauthorized(() => {
      const wasLoggedIn = Boolean(this.state.user);
      this.setState({ user: null, organizations: null });
      if (!PUBLIC_PAGES.includes(location().path)) {
        navigate(withQuery('/login/', { next: here(), expired: wasLoggedIn ? '1' : '' }), { replace: true });
      }
    });
    this.whoAmI();
  }

  whoAmI = async () => {
    try {
      const user = await api.get('/users/me/', undefined, { anonymous: true });
      this.setState({ user });
      await this.refreshOrganizations();
    } catch (error) {
      this.setState({ user: null });
    }
  };

  refreshOrganizations = async () => {
    const organizations = await api.get('/organizations/');
    this.setState({ organizations });
    return organizations;
  };

  loggedIn = async (loggedInUser, next) => {
    // the account as /users/me/ describes it (isSuperuser included)
    const user = await api.get('/users/me/').catch(() => loggedInUser);
    this.setState({ user });
    const organizations = await this.refreshOrganizations();
    navigate(next || (organizations.length ? '/' : '/organizations/new/'), { replace: true });
  };

  loggedOut = () => {
    this.setState({ user: null, organizations: null });
    navigate('/login/', { replace: true });
  };

  render(props, { user, organizations }) {
    const { path, query } = location();
    if (user === undefined) {
      return h(Loading, { what: 'Loading Silo' });
    }
    if (path === '/signup/') {
      return h(SignUpPage, { onLoggedIn: this.loggedIn });
    }
    if (!user || path === '/login/') {
      if (path !== '/login/') {
        navigate(withQuery('/login/', { next: path === '/' ? '' : here() }), { replace: true });
        return null;
      }
      return h(LoginPage, { query, onLoggedIn: this.loggedIn });
    }
    if (organizations === null) {
      return h(Loading, { what: 'Loading your organizations' });
    }
    const shell = { user, organizations, onLoggedOut: this.loggedOut };
    if (path === '/') {
      const remembered = window.localStorage.getItem('silo.organization');
      const landing = organizations.find((organization) => organization.slug === remembered) || organizations[0];
      navigate(landing ? `/organizations/${encodeURIComponent(landing.slug)}/issues/` : '/organizations/new/',
        { replace: true });
      return null;
    }
    if (path === '/organizations/') {
      return h(AppShell, shell, h(OrganizationPicker, { organizations, refresh: this.refreshOrganizations }));
    }
    if (path === '/organizations/new/') {
      return h(AppShell, shell, h(OrganizationCreate, { refresh: this.refreshOrganizations }));
    }
    if (ADMIN_PAGES[path]) {
      return h(AppShell, shell, h(AdminFrame, { user }, h(ADMIN_PAGES[path], { key: path })));
    }
    if (path === '/account/') {
      return h(AppShell, shell, h(AccountPage, { user, onUserChanged: (changed) => this.setState({ user: changed }) }));
    }
    const organizationMatch = /^\/organizations\/([^/]+)(\/.*)$/.exec(path);
    if (organizationMatch) {
      const slug = decodeURIComponent(organizationMatch[1]);
      const rest = organizationMatch[2];
      const organization = organizations.find((one) => one.slug === slug);
      if (rest === '/') {
        navigate(`/organizations/${encodeURIComponent(slug)}/issues/`, { replace: true });
        return null;
      }
      for (const [pattern, Page] of ORGANIZATION_PAGES) {
        const params = match(pattern, rest);
        if (params) {
          window.localStorage.setItem('silo.organization', slug);
          return h(AppShell, { ...shell, organization, slug },
            h(Page, { key: path, slug, organization, query, user, ...params }));
        }
      }
    }
    return h(AppShell, shell, h('div', { class: 'empty' }, h('h1', null, 'Page not found'),
      h('p', null, 'Nothing lives at this address. Pick an organization from the menu above.')));
  }
}

render(h(App), document.getElementById('app'));
