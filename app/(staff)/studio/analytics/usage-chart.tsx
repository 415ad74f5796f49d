"use client";

import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export type UsageChartSeries = { label: string; color: string; values: number[] };

/**
 * A picture of a table the page also shows: the table stays the accessible source (the canvas gets a label and a
 * figcaption naming it). Colours reach at least 4.5:1 on white.
 */
export function UsageChart({
  labels,
  series,
  label,
  caption,
}: {
  labels: string[];
  series: UsageChartSeries[];
  label: string;
  caption: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series]);
  return (
    <figure style={{ margin: "1rem 0" }}>
      <div style={{ position: "relative", height: "260px" }}>
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
      <figcaption className="muted">{caption}</figcaption>
    </figure>
  );
}
