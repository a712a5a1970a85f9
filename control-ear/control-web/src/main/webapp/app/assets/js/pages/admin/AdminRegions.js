// Control and every region: readiness, version, and what is failing in words with since when. Asked again every
// five seconds; a region that does not answer within two seconds is reported as unreachable, never waited for.
import { api } from '../../api.js';
import { Component, h, pending, Problem } from '../../ui.js';

const REFRESH_MILLIS = 5000;

function since(date) {
  return new Date(date).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export class AdminRegions extends Component {
  componentDidMount() {
    this.load();
  }

  componentWillUnmount() {
    clearTimeout(this.timer);
  }

  load = async () => {
    try {
      this.setState({ silos: { data: await api.get('/admin/regions/') }, error: null });
    } catch (error) {
      this.setState({ error, silos: this.state.silos || { error } });
    }
    this.timer = setTimeout(this.load, REFRESH_MILLIS);
  };

  render(props, { silos, error }) {
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Regions'),
        silos && silos.data && h('p', { class: 'meta' }, `Checked ${since(silos.data[0].checkedAt)}, again every 5 s`)),
      h(Problem, { error: silos && silos.data ? error : null }),
      pending(silos, 'Asking every silo') || h('div', { class: 'cards' }, silos.data.map((silo) =>
        h('article', { class: `card silo ${silo.status === 'UP' ? 'up' : 'down'}`, 'data-testid': `silo-${silo.name}` },
          h('h2', null, silo.name, ' ', h('span', { class: 'health', 'data-testid': `silo-${silo.name}-status` },
            silo.status === 'UP' ? 'healthy' : 'failing')),
          h('p', { class: 'meta' }, silo.kind, ' · version ', silo.version || 'unknown', ' · answered in ',
            `${silo.latencyMillis} ms`),
          silo.failing.length > 0 && h('ul', { class: 'failing', 'data-testid': `silo-${silo.name}-failing` },
            silo.failing.map((failure) => h('li', null, `${failure.what} since ${since(failure.since)}`))),
          h('ul', { class: 'checks' }, silo.checks.map((check) =>
            h('li', null, h('span', { class: check.status === 'UP' ? 'ok' : 'bad' }, check.status === 'UP' ? '✓' : '✗'),
              ` ${check.name}`)))))));
  }
}
