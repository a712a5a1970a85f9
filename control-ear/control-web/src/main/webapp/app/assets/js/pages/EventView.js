// One event as the issue page shows it: the exception chain with its stack frames (in-app frames first and
// emphasised, the rest folded), breadcrumbs, request, user, contexts and SDK. Every value is shown as text.
import { Component, h, RelativeTime } from '../ui.js';

function entry(event, type) {
  const found = (event.entries || []).find((one) => one.type === type);
  return found ? found.data : null;
}

function text(value) {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function pairs(value) {
  if (!value) {
    return [];
  }
  return Array.isArray(value) ? value.filter((pair) => Array.isArray(pair)) : Object.entries(value);
}

export function KeyValues({ rows, label }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (!shown.length) {
    return null;
  }
  return h('table', { class: 'key-values', 'aria-label': label },
    h('tbody', null, shown.map(([key, value]) => h('tr', null, h('th', { scope: 'row' }, text(key)), h('td', null, text(value))))));
}

function Frame({ frame }) {
  const where = [frame.module || frame.filename || frame.abs_path, frame.function].filter(Boolean).join(' in ');
  const line = frame.lineno ? ` at line ${frame.lineno}${frame.colno ? `:${frame.colno}` : ''}` : '';
  const hasContext = frame.context_line !== undefined && frame.context_line !== null;
  const first = (frame.lineno || 0) - (frame.pre_context || []).length;
  return h('li', { class: `frame${frame.in_app ? ' in-app' : ''}`, 'data-in-app': String(Boolean(frame.in_app)) },
    h('p', { class: 'frame-where' }, h('code', null, `${where}${line}`),
      frame.in_app && h('span', { class: 'badge' }, 'in app')),
    hasContext && h('ol', { class: 'context', start: String(first) },
      [...(frame.pre_context || []), frame.context_line, ...(frame.post_context || [])].map((source, index) =>
        h('li', { class: index === (frame.pre_context || []).length ? 'current' : undefined }, h('code', null, text(source))))));
}

/** A stack trace, innermost frame first; frames outside the application folded unless there are no in-app ones. */
class StackTrace extends Component {
  state = { open: false };

  render({ frames }, { open }) {
    const innermostFirst = [...frames].reverse();
    const anyInApp = innermostFirst.some((frame) => frame.in_app);
    const shown = open || !anyInApp ? innermostFirst : innermostFirst.filter((frame) => frame.in_app);
    const hidden = innermostFirst.length - shown.length;
    return h('div', { class: 'stacktrace' },
      h('ol', { class: 'frames' }, shown.map((frame) => h(Frame, { frame }))),
      anyInApp && innermostFirst.length !== innermostFirst.filter((frame) => frame.in_app).length
        && h('button', { type: 'button', class: 'link', 'aria-expanded': String(open), onClick: () => this.setState({ open: !open }) },
          open ? 'Show only in-app frames' : `Show ${hidden} other frame${hidden === 1 ? '' : 's'}`));
  }
}

function Exceptions({ data }) {
  const values = [...(data.values || [])].reverse();
  return h('section', { class: 'card', 'aria-labelledby': 'exception-title' },
    h('h2', { id: 'exception-title' }, values.length > 1 ? 'Exceptions (most recent first)' : 'Exception'),
    values.map((exception) => h('div', { class: 'exception' },
      h('h3', { class: 'exception-type', 'data-testid': 'exception-type' }, text(exception.type) || 'Error'),
      h('p', { class: 'exception-value', 'data-testid': 'exception-value' }, text(exception.value)),
      exception.mechanism && h('p', { class: 'meta' }, `Mechanism: ${text(exception.mechanism.type)}`,
        exception.mechanism.handled === false ? ' · unhandled' : ''),
      exception.stacktrace && exception.stacktrace.frames
        && h(StackTrace, { frames: exception.stacktrace.frames }))));
}

function Breadcrumbs({ data }) {
  const crumbs = data.values || [];
  if (!crumbs.length) {
    return null;
  }
  return h('section', { class: 'card', 'aria-labelledby': 'breadcrumbs-title' },
    h('h2', { id: 'breadcrumbs-title' }, 'Breadcrumbs'),
    h('table', { class: 'list breadcrumbs', 'data-testid': 'breadcrumbs' },
      h('thead', null, h('tr', null, h('th', null, 'Time'), h('th', null, 'Category'), h('th', null, 'Message'),
        h('th', null, 'Level'))),
      h('tbody', null, crumbs.map((crumb) => h('tr', null,
        h('td', null, crumb.timestamp ? h(RelativeTime, {
          date: typeof crumb.timestamp === 'number' ? crumb.timestamp * 1000 : crumb.timestamp }) : ''),
        h('td', null, text(crumb.category || crumb.type)),
        h('td', null, text(crumb.message || (crumb.data ? JSON.stringify(crumb.data) : ''))),
        h('td', null, text(crumb.level)))))));
}

export function EventView({ event }) {
  const exception = entry(event, 'exception');
  const message = entry(event, 'message');
  const breadcrumbs = entry(event, 'breadcrumbs');
  const request = entry(event, 'request');
  const user = event.user || {};
  return h('div', { class: 'event', 'data-testid': 'event' },
    message && message.formatted && h('section', { class: 'card' }, h('h2', null, 'Message'),
      h('p', { class: 'message', 'data-testid': 'event-message' }, text(message.formatted))),
    exception && h(Exceptions, { data: exception }),
    breadcrumbs && h(Breadcrumbs, { data: breadcrumbs }),
    request && h('section', { class: 'card' }, h('h2', null, 'Request'),
      h('p', null, h('code', null, `${text(request.method)} ${text(request.url)}`)),
      h(KeyValues, { label: 'Request headers', rows: pairs(request.headers) })),
    event.user && h('section', { class: 'card' }, h('h2', null, 'User'),
      h(KeyValues, { label: 'User', rows: [['ID', user.id], ['Email', user.email], ['Username', user.username],
        ['IP address', user.ip_address]] })),
    Object.keys(event.contexts || {}).length > 0 && h('section', { class: 'card' }, h('h2', null, 'Contexts'),
      Object.entries(event.contexts).map(([name, context]) => h('div', null, h('h3', null, name),
        h(KeyValues, { label: name, rows: pairs(context) })))),
    event.sdk && h('section', { class: 'card' }, h('h2', null, 'SDK'),
      h(KeyValues, { label: 'SDK', rows: [['Name', event.sdk.name], ['Version', event.sdk.version]] })));
}
