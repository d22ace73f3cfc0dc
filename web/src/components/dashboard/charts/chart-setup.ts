import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartOptions, type Plugin, type TooltipItem } from 'chart.js';

// Chart.js, tree-shaken: only what the dashboard's bar charts use is registered (vue-chartjs' Bar
// registers the bar controller itself). This file and the charts load after the page's numbers,
// in a chunk of their own, so no other page pays for them.
Chart.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

// the chart components take Chart.js' types from here: the import graph check (madge) cannot read
// an import of a module named "chart.js" from a .vue file
export type { ChartData, ChartOptions } from 'chart.js';

/** A colour of the app's palette (styles.css), so the charts follow it. */
export function cssColor(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export interface IntervalOptions {
  /** per bar of the first dataset: [lower, upper], or null for none */
  intervals: Array<[number, number] | null>;
  color: string;
}

/**
 * Whiskers from each bar's interval's lower to its upper bound (Chart.js draws no error bars of
 * its own). Vertical bars only, values on the y axis.
 */
export const intervalWhiskers: Plugin<'bar', IntervalOptions> = {
  id: 'intervalWhiskers',
  afterDatasetsDraw(chart, _args, options) {
    const intervals = options.intervals ?? [];
    const meta = chart.getDatasetMeta(0);
    const scale = chart.scales.y;
    if (!scale || meta.hidden) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 1.5;
    meta.data.forEach((bar, index) => {
      const interval = intervals[index];
      if (!interval) return;
      const { x, width } = bar.getProps(['x', 'width'], true) as { x: number; width: number };
      const top = scale.getPixelForValue(interval[1]);
      const bottom = scale.getPixelForValue(interval[0]);
      const cap = Math.min(10, width / 4);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.moveTo(x - cap, top);
      ctx.lineTo(x + cap, top);
      ctx.moveTo(x - cap, bottom);
      ctx.lineTo(x + cap, bottom);
      ctx.stroke();
    });
    ctx.restore();
  },
};

export interface BarOptions {
  /** bars stacked per label (datasets add up) */
  stacked?: boolean;
  /** bars along the y axis, labels down the side */
  horizontal?: boolean;
  legend?: boolean;
  /** the value axis' upper end (e.g. 1 for shares) */
  max?: number;
  /** how values read on the value axis */
  valueTick?: (value: number) => string;
  /** the value axis' title */
  valueTitle?: string;
  /** whole numbers only on the value axis (counts) */
  counts?: boolean;
  tooltipLabel?: (item: TooltipItem<'bar'>) => string;
}

/**
 * The options every dashboard chart shares: it fills its box, no animation (live refreshes redraw
 * often), a quiet grid, the palette's text colour; plus what `config` asks for.
 */
export function barOptions(config: BarOptions = {}): ChartOptions<'bar'> {
  const grid = cssColor('--border', '#e2e5ea');
  const text = cssColor('--muted', '#596273');
  const category = { stacked: config.stacked, grid: { display: false }, ticks: { color: text, autoSkip: true, maxRotation: 0 } };
  const value = {
    stacked: config.stacked,
    beginAtZero: true,
    min: 0,
    max: config.max,
    grid: { color: grid },
    title: { display: !!config.valueTitle, text: config.valueTitle ?? '', color: text },
    ticks: { color: text, precision: config.counts ? 0 : undefined, callback: config.valueTick ? (tick: number | string) => config.valueTick!(Number(tick)) : undefined },
  };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: config.horizontal ? 'y' : 'x',
    plugins: {
      legend: { display: config.legend ?? true, labels: { color: text, boxWidth: 12, boxHeight: 12 } },
      tooltip: { intersect: false, callbacks: config.tooltipLabel ? { label: config.tooltipLabel } : {} },
    },
    scales: config.horizontal ? { x: value, y: category } : { x: category, y: value },
  };
}
