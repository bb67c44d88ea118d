/** Passes a byte stream through unchanged and counts what went by (metering, truncation checks). */
export function countingStream(source: ReadableStream<Uint8Array>, onChunk: (bytes: number) => void): ReadableStream<Uint8Array> {
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onChunk(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
}
