import { readdirSync } from "node:fs";
import path from "node:path";
import { attachmentCases, withSettings } from "./attachments-cases";

// Local disk storage under DATA_DIR/files (the default). A small limit keeps the 413 case cheap.
withSettings(() => ({ MAX_UPLOAD_MB: "1" }));

function storedFiles(): Promise<string[]> {
  const root = path.join(process.env.DATA_DIR!, "files");
  try {
    return Promise.resolve((readdirSync(root, { recursive: true }) as string[]).map((f) => f.split(path.sep).join("/")));
  } catch {
    return Promise.resolve([]);
  }
}

attachmentCases("local disk", storedFiles, 1);
