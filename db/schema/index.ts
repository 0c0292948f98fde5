export * from "./users";
export * from "./workspaces";
export * from "./platform";
export * from "./projects";
export * from "./tasks";
export * from "./events";
export * from "./notifications";
export * from "./audit";
