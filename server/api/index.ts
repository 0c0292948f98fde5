// Importing this module registers every operation, for the OpenAPI document.
export * as health from "./health";
export * as auth from "./auth";
export * as workspaces from "./workspaces";
export * as projects from "./projects";
export * as analytics from "./analytics";
export * as notifications from "./notifications";
export * as webhooks from "./webhooks";
export * as search from "./search";
export * as tasks from "./tasks";
export * as views from "./views";
export * as attachments from "./attachments";
