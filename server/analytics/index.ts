export { getProjectAnalytics } from "./project";
export { getWorkspaceAnalytics } from "./workspace";
export { csvResponse, exportProjectAnalyticsCsv, exportWorkspaceAnalyticsCsv, type CsvFile } from "./export";
export { AnalyticsQuery, ProjectAnalytics, WorkspaceAnalytics, csvTables, workspaceCsvTables } from "./schemas";
export { getProjectAnalyticsByKey, type AnalyticsProject } from "./by-key";
