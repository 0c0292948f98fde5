import path from "node:path";
import { settings } from "@/config/settings";
import { localStorage } from "./local";
import { s3Storage } from "./s3";
import type { Storage } from "./types";

export type { Storage, StoredObject } from "./types";
export { localStorage } from "./local";
export { s3Storage } from "./s3";

const globalForStorage = globalThis as unknown as { __tasklaneStorage?: Storage };

/** S3 when S3_BUCKET is set, else local disk under DATA_DIR/files. */
export function storage(): Storage {
  if (!globalForStorage.__tasklaneStorage) {
    const s = settings();
    globalForStorage.__tasklaneStorage = s.S3_BUCKET
      ? s3Storage({
          bucket: s.S3_BUCKET,
          region: s.S3_REGION,
          endpoint: s.S3_ENDPOINT,
          forcePathStyle: s.S3_FORCE_PATH_STYLE,
          accessKeyId: s.S3_ACCESS_KEY_ID,
          secretAccessKey: s.S3_SECRET_ACCESS_KEY,
        })
      : localStorage(path.resolve(s.DATA_DIR, "files"));
  }
  return globalForStorage.__tasklaneStorage;
}
