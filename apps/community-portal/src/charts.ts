import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Colors,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only the pieces the pages draw: keeps the bundle (and the build) small.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  DoughnutController,
  ArcElement,
  CategoryScale,
  LinearScale,
  Colors,
  Legend,
  Tooltip,
);

/** A chart in a canvas of its own; the page's `data-testid` lets tests find it. */
export function chart(testId: string, config: ChartConfiguration): HTMLElement {
  const canvas = document.createElement('canvas');
  const box = document.createElement('div');
  box.className = 'chart';
  box.dataset.testid = testId;
  box.append(canvas);
  // Animations off: the page is done drawing when its data is there (and screenshots are stable).
  new Chart(canvas, { ...config, options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options } });
  return box;
}
