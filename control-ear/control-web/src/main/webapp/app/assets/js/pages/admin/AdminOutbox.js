// The outbox of every silo: what waits per destination × category, drawn over the last 15 minutes (sampled by
// this page every 5 s), the shards behind it with their back-off, and the dead letters with replay and discard.
import { api, ApiError } from '../../api.js';
import { Component, h, pending, Problem, RelativeTime } from '../../ui.js';
import { DepthChart } from './DepthChart.js';

const SAMPLE_MILLIS = 5000;
const WINDOW_SECONDS = 15 * 60;
/** Samples per silo, kept while the app is open so the charts survive moving between pages. */
const history = new Map();

function record(silo, shards) {
  const depths = {};
  for (const shard of shards) {
    const key = `${shard.destination} · ${shard.category}`;
    depths[key] = (depths[key] || 0) + shard.depth;
  }
  const now = Date.now() / 1000;
  const samples = (history.get(silo) || []).filter((sample) => sample.t > now - WINDOW_SECONDS);
  samples.push({ t: now, depths });
  history.set(silo, samples);
  return samples;
}

export class AdminOutbox extends Component {
  state = { silos: null, outcome: null };

  componentDidMount() {
    this.sample();
  }

  componentWillUnmount() {
    clearTimeout(this.timer);
  }

  sample = async () => {
    try {
      const silos = (await api.get('/admin/regions/')).filter((silo) => silo.outbox);
      const views = await Promise.all(silos.map(async (silo) => {
        try {
          const [shards, deadLetters] = await Promise.all([api.get(`${silo.outbox.replace('/api/0', '')}shards/`, { per_page: 100 }),
            api.get(`${silo.outbox.replace('/api/0', '')}dead-letters/`)]);
          return { silo, shards, deadLetters, samples: record(silo.name, shards) };
        } catch (error) {
          return { silo, error };
        }
      }));
      this.setState({ silos: { data: views } });
    } catch (error) {
      this.setState({ silos: { error } });
    }
    this.timer = setTimeout(this.sample, SAMPLE_MILLIS);
  };

  act = async (silo, action, path, question, said) => {
    if (!window.confirm(question)) {
      return;
    }
    try {
      await api[action](`${silo.outbox.replace('/api/0', '')}${path}`);
      this.setState({ outcome: { text: said } });
    } catch (error) {
      this.setState({ outcome: { error: error instanceof ApiError ? error : new ApiError(0, { detail: String(error) }) } });
    }
    clearTimeout(this.timer);
    this.sample();
  };

  render(props, { silos, outcome }) {
    return h('section', null,
      h('div', { class: 'page-head' }, h('h1', null, 'Outbox'), h('p', { class: 'meta' }, 'Sampled every 5 s; charts keep 15 minutes')),
      outcome && (outcome.error ? h(Problem, { error: outcome.error })
        : h('p', { class: 'notice', role: 'status', 'data-testid': 'outbox-outcome' }, outcome.text)),
      pending(silos, 'Asking every silo') || silos.data.map((view) => h(SiloOutbox, { view, act: this.act })));
  }
}

function SiloOutbox({ view, act }) {
  const { silo } = view;
  if (view.error) {
    return h('section', { class: 'card' }, h('h2', null, silo.name), h(Problem, { error: view.error }));
  }
  const keys = [...new Set(view.samples.flatMap((sample) => Object.keys(sample.depths)))].sort();
  const total = view.shards.reduce((sum, shard) => sum + shard.depth, 0);
  return h('section', { class: 'card', 'data-testid': `outbox-${silo.name}` },
    h('h2', null, `${silo.name}`, ' ', h('span', { class: 'meta' }, 'waiting: ',
      h('strong', { 'data-testid': `depth-${silo.name}` }, String(total)))),
    keys.length > 0 ? h(DepthChart, { samples: view.samples, keys, label: `${silo.name} outbox` })
      : h('p', { class: 'meta' }, 'Nothing has waited since this page opened.'),
    view.shards.length > 0 && h('table', { class: 'list' },
      h('thead', null, h('tr', null, h('th', null, 'To'), h('th', null, 'Shard'), h('th', null, 'Category'),
        h('th', { class: 'number' }, 'Waiting'), h('th', null, 'Oldest'), h('th', null, 'Failures'), h('th', null, 'State'))),
      h('tbody', null, view.shards.map((shard) => h('tr', null,
        h('td', null, shard.destination), h('td', null, `${shard.scope}:${shard.shardId}`), h('td', null, shard.category),
        h('td', { class: 'number' }, String(shard.depth)), h('td', null, `${Math.round(shard.oldestAgeSeconds)} s`),
        h('td', null, shard.attempts ? `${shard.attempts}: ${shard.lastError || ''}` : '—'),
        h('td', null, shard.disabled ? 'disabled' : shard.attempts ? h('span', null, 'backing off ',
          h('button', { type: 'button', class: 'link', onClick: () => act(silo, 'post',
            `shards/${shard.scope.toLowerCase()}/${shard.shardId}/enable/?destination=${encodeURIComponent(shard.destination)}`,
            `Re-enable shard ${shard.scope}:${shard.shardId} now?`, `Shard ${shard.scope}:${shard.shardId} re-enabled.`) },
          'Re-enable')) : 'draining'))))),
    h('h3', null, 'Dead letters'),
    view.deadLetters.length === 0 ? h('p', { class: 'meta' }, 'None.')
      : h('table', { class: 'list', 'data-testid': `dead-letters-${silo.name}` },
        h('thead', null, h('tr', null, h('th', null, 'Reason'), h('th', null, 'Category'), h('th', null, 'Shard'),
          h('th', { class: 'number' }, 'Deliveries'), h('th', null, 'Queue'), h('th', null, 'Parked'),
          h('th', null, 'Payload'), h('th', null, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', null, view.deadLetters.map((letter) => h('tr', { 'data-testid': 'dead-letter', 'data-shard': letter.shardId },
          h('td', null, letter.reason), h('td', null, letter.category), h('td', null, `${letter.shardScope}:${letter.shardId}`),
          h('td', { class: 'number' }, String(letter.deliveryCount ?? '—')), h('td', null, letter.queue),
          h('td', null, h(RelativeTime, { date: letter.dateParked })), h('td', null, h('code', null, letter.payloadStart)),
          h('td', null,
            h('button', { type: 'button', class: 'link', onClick: () => act(silo, 'post',
              `dead-letters/${encodeURIComponent(letter.id)}/replay/`, `Replay this ${letter.category} message on ${letter.queue}?`,
              `Replayed on ${letter.queue}: applied now, or parked here again if it still fails.`) }, 'Replay'), ' ',
            h('button', { type: 'button', class: 'link danger', onClick: () => act(silo, 'delete',
              `dead-letters/${encodeURIComponent(letter.id)}/`, `Discard this ${letter.category} message for good?`,
              'Discarded.') }, 'Discard')))))));
}
