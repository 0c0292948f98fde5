// Where the CSV downloads live: the API's export endpoints, which the browser calls with its session.
export function projectCsvHref(projectId: string, table: string, range: { from: string; to: string }): string {
  return `/api/v1/projects/${projectId}/analytics/export?${new URLSearchParams({ table, from: range.from, to: range.to })}`;
}

export function workspaceCsvHref(slug: string, table: string, range: { from: string; to: string }): string {
  return `/api/v1/workspaces/${encodeURIComponent(slug)}/analytics/export?${new URLSearchParams({ table, from: range.from, to: range.to })}`;
}
