// Pages are addresses: every page has its own URL (deep links and reloads land on the same page), and moving
// between pages uses the History API without reloading.

const listeners = new Set();

export function location() {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

/** Where the person is now, to come back to after logging in. */
export function here() {
  return window.location.pathname + window.location.search;
}

export function navigate(to, { replace = false } = {}) {
  if (to === here()) {
    return;
  }
  window.history[replace ? 'replaceState' : 'pushState'](null, '', to);
  window.scrollTo(0, 0);
  listeners.forEach((listener) => listener());
}

export function onNavigate(listener) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
}

/** The parts of `path` that `pattern`'s `:name` pieces match, or null: match('/o/:org/', '/o/acme/') → {org}. */
export function match(pattern, path) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:([a-zA-Z]+)/g, (all, name) => {
    names.push(name);
    return '([^/]+)';
  })}$`);
  const found = regex.exec(path);
  if (!found) {
    return null;
  }
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
}

/** A query string from an object, leaving out empty values. */
export function withQuery(to, query) {
  const params = new URLSearchParams();
  Object.entries(query).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, value);
    }
  });
  const text = params.toString();
  return text ? `${to}?${text}` : to;
}
