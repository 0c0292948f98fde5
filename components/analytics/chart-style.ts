// Recharts props that read the theme's CSS variables (SVG presentation attributes accept var()).
export const axis = { stroke: "var(--chart-axis)", tick: { fill: "var(--chart-axis)", fontSize: 12 }, tickLine: false } as const;
export const grid = { stroke: "var(--chart-grid)", strokeDasharray: "3 3" } as const;
export const tooltip = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, color: "var(--text)" },
  labelStyle: { color: "var(--text)", fontWeight: 600 },
  itemStyle: { color: "var(--text)" },
  cursor: { fill: "var(--surface-2)" },
} as const;
export const legend = { wrapperStyle: { color: "var(--text)", fontSize: 12 } } as const;

/** The n-th series colour of the palette. */
export const series = (n: number) => `var(--chart-${(n % 8) + 1})`;

export const shortDate = (d: string) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
