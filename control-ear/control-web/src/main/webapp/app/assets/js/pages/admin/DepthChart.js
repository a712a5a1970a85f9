// A small time-series chart of outbox depths (uPlot, from its WebJar), one line per destination × category.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { Component, h } from '../../ui.js';

const COLORS = ['#4f46e5', '#c2410c', '#15803d', '#a16207', '#0e7490', '#be185d', '#4b5563'];

export class DepthChart extends Component {
  componentDidMount() {
    this.draw();
  }

  componentDidUpdate() {
    this.draw();
  }

  componentWillUnmount() {
    if (this.plot) {
      this.plot.destroy();
    }
  }

  /** Samples: [{t: seconds, depths: {key: depth}}]; keys: every series seen in the window. */
  draw() {
    const { samples, keys, label } = this.props;
    const data = [samples.map((sample) => sample.t), ...keys.map((key) => samples.map((sample) => sample.depths[key] ?? 0))];
    const shape = keys.join('|');
    if (this.plot && this.shape === shape) {
      this.plot.setData(data);
      return;
    }
    if (this.plot) {
      this.plot.destroy();
    }
    this.shape = shape;
    this.plot = new uPlot({
      title: label, width: Math.min(560, this.base.clientWidth || 560), height: 180,
      series: [{}, ...keys.map((key, index) => ({ label: key, stroke: COLORS[index % COLORS.length], width: 2 }))],
      axes: [{}, { label: 'waiting' }],
      scales: { y: { range: (plot, min, max) => [0, Math.max(5, max)] } },
    }, data, this.base);
  }

  render() {
    return h('div', { class: 'chart', role: 'img', 'aria-label': `${this.props.label}: waiting messages over time` });
  }
}
