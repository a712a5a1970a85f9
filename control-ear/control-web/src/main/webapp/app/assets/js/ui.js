// Shared pieces of every page. Everything that came from the API reaches the page as text (Preact sets text
// nodes and attributes, never markup), so an event's `<script>` shows as the characters it is.
import { Component, Fragment, h, render } from '/webjars/preact/dist/preact.module.js';
import { navigate } from './router.js';

export { Component, Fragment, h, render };

/** A link that moves inside the app without reloading; a modified click opens a new tab as usual. */
export function Link({ to, children, ...rest }) {
  const follow = (event) => {
    if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      navigate(to);
    }
  };
  return h('a', { href: to, onClick: follow, ...rest }, children);
}

/** A labelled input with its error next to it, tied together for screen readers. */
export function Field({ id, label, error, hint, children, ...input }) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  const control = children || h('input', {
    id, name: id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described || undefined, ...input,
  });
  return h('div', { class: `field${error ? ' invalid' : ''}` },
    h('label', { for: id }, label),
    control,
    hint && h('p', { class: 'hint', id: `${id}-hint` }, hint),
    error && h('p', { class: 'field-error', id: `${id}-error`, 'data-testid': `${id}-error` }, error));
}

/** A refusal said in the API's own words (problem+json `detail`). */
export function Problem({ error, children }) {
  if (!error) {
    return null;
  }
  return h('div', { class: 'problem', role: 'alert', 'data-testid': 'problem' },
    h('p', null, error.message), children);
}

export function Loading({ what = 'Loading' }) {
  return h('p', { class: 'loading', role: 'status' }, `${what}…`);
}

export function Empty({ title, children }) {
  return h('div', { class: 'empty' }, h('h2', null, title), children);
}

const UNITS = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]];
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago", the exact date and time on hover. */
export function RelativeTime({ date }) {
  if (!date) {
    return h('span', null, '—');
  }
  const when = new Date(date);
  const seconds = Math.round((when.getTime() - Date.now()) / 1000);
  let text = 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      text = relative.format(Math.round(seconds / size), unit);
      break;
    }
  }
  return h('time', { datetime: when.toISOString(), title: when.toLocaleString() }, text);
}

/** A button that copies `text` and says so. */
export class CopyButton extends Component {
  copy = async () => {
    try {
      await navigator.clipboard.writeText(this.props.text);
      this.setState({ said: 'Copied' });
    } catch (refused) {
      this.setState({ said: 'Select the text and copy it' });
    }
    setTimeout(() => this.setState({ said: null }), 2000);
  };

  render({ label = 'Copy' }, { said }) {
    return h('button', { type: 'button', class: 'secondary', onClick: this.copy, 'aria-live': 'polite' }, said || label);
  }
}

/** A read-only value with a copy button (a DSN, a token). */
export function CopyField({ id, label, value }) {
  return h(Field, { id, label },
    h('div', { class: 'copy-field' },
      h('input', { id, readOnly: true, value, 'data-testid': id, onFocus: (event) => event.target.select() }),
      h(CopyButton, { text: value })));
}

export function LevelBadge({ level }) {
  return h('span', { class: `level level-${level}` }, level);
}

/** Runs `load` and keeps {loading, data, error} in a component's state under `key`. */
export async function loadInto(component, key, load) {
  component.setState({ [key]: { loading: true } });
  try {
    component.setState({ [key]: { data: await load() } });
  } catch (error) {
    component.setState({ [key]: { error } });
  }
}

/** What a loaded piece of state shows while loading or after failing; null once it has data. */
export function pending(slot, what) {
  if (!slot || slot.loading) {
    return h(Loading, { what });
  }
  return slot.error ? h(Problem, { error: slot.error }) : null;
}

/** A copy of a set with `value` added, or removed if it was there (a checkbox list's state). */
export function toggled(set, value) {
  const copy = new Set(set);
  if (copy.has(value)) {
    copy.delete(value);
  } else {
    copy.add(value);
  }
  return copy;
}
