import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

/** Bodies below this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 2048;

/**
 * Compresses responses of compressible types (JSON, CSV, text; not XLSX, images or video) with brotli or
 * gzip, as the browser accepts: buffered bodies above the threshold, streams (CSV exports) as they flow,
 * so an export still starts at once and memory stays flat. The web app's files are compressed at build
 * time and sent with their Content-Encoding (spa.ts), which this plugin leaves alone, as it does partial
 * (Range) responses. Request bodies are not decompressed. Register before the routes: it hooks routes as
 * they are added.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ["br", "gzip"],
  });
}
