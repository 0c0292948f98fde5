import type { Linter } from "eslint";

export declare const layerZones: { target: string; from: string[]; message: string }[];
export declare const layerRules: Linter.Config[];
