import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  data: number[];
  color: string;
}

/**
 * A bar chart (chart.js on a canvas) that is never the only way to read the figures: the canvas
 * is an image with an aria-label naming the chart, and the same numbers follow in a table
 * (`children`) inside a disclosure, for screen readers and for copying.
 */
export function ReportChart(props: { title: string; labels: string[]; series: ChartSeries[]; horizontal?: boolean; stacked?: boolean; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { labels, series, horizontal = false, stacked = false } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: series.length > 1 } },
        scales: { x: { stacked, beginAtZero: true }, y: { stacked, beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, horizontal, stacked]);
  return (
    <figure className="report-chart" data-testid={props.testId}>
      <figcaption>
        <h3>{props.title}</h3>
      </figcaption>
      <div className="report-chart-canvas">
        <canvas ref={canvas} role="img" aria-label={t('report.chartLabel', { title: props.title })} />
      </div>
      <details>
        <summary>{t('report.chartTable')}</summary>
        {props.children}
      </details>
    </figure>
  );
}
