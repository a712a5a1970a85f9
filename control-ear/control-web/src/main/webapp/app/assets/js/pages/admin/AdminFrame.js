// The operators' part of the app: its sections, and a plain "not allowed" for everyone else (the API refuses
// them with 403 anyway).
import { location } from '../../router.js';
import { h, Link } from '../../ui.js';

const SECTIONS = [['/admin/', 'Regions'], ['/admin/outbox/', 'Outbox'], ['/admin/webhooks/', 'Webhooks'],
  ['/admin/organizations/', 'Organizations'], ['/admin/audit/', 'Audit log']];

export function AdminFrame({ user, children }) {
  if (!user.isSuperuser) {
    return h('section', { class: 'empty', 'data-testid': 'not-allowed' },
      h('h1', null, 'Not allowed'),
      h('p', null, 'These pages are for the operators of this Silo installation (silo.admin.emails).'),
      h(Link, { to: '/', class: 'button' }, 'Back to your organizations'));
  }
  const current = location().path;
  return h('div', null,
    h('nav', { class: 'sections admin', 'aria-label': 'Administration' },
      SECTIONS.map(([to, title]) => h(Link, { to, 'aria-current': current === to ? 'page' : undefined }, title))),
    h('div', { class: 'admin-page' }, children));
}
