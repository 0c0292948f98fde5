import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { ServiceUnavailableError } from "../errors";
import { assertSafeKey, type Storage, type StoredObject } from "./types";

/** A network failure or a 5xx from the store is an outage (503 with Retry-After), not a bug of ours. */
function unavailable(error: unknown): unknown {
  const e = error as { $metadata?: { httpStatusCode?: number }; $fault?: string; name?: string };
  const status = e?.$metadata?.httpStatusCode;
  if (status === undefined || status >= 500 || e.$fault === "server" || e.name === "TimeoutError")
    return new ServiceUnavailableError("File storage is unavailable; try again shortly");
  return error;
}

export type S3Config = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
};

/** An S3 bucket (or an S3-compatible store at `endpoint`). A PutObject is atomic: no partial objects. */
export function s3Storage(config: S3Config): Storage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle ?? Boolean(config.endpoint),
    // An unreachable store must fail the request quickly (503), not hold it open.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3000, requestTimeout: 30000 },
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
  });
  return {
    kind: "s3",
    async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
      assertSafeKey(key);
      await client
        .send(
          new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.byteLength }),
        )
        .catch((error: unknown) => {
          throw unavailable(error);
        });
    },
    async get(key: string): Promise<StoredObject | null> {
      assertSafeKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
        if (!out.Body) return null;
        return { body: out.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: Number(out.ContentLength ?? 0) };
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw unavailable(error);
      }
    },
    async delete(key: string): Promise<void> {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key })).catch((error: unknown) => {
        throw unavailable(error);
      });
    },
  };
}
