/**
 * Downloads a Discord attachment for `/corpus add`, refusing it as soon as it is too large: the size is
 * counted while the body streams in, and the request is aborted once over the limit, so an upload larger
 * than it claimed is never held whole.
 */
import { AdminError, readWithLimit } from '../corpus/admin.js';
import type { Logger } from '../logger.js';
import type { MessageKey } from '../messages/messages.js';

/** How long a download may take before it is given up. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

/** Where Discord serves uploads from. */
const DISCORD_CDN_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

/**
 * The origins an attachment may be downloaded from: Discord's CDN, and that of the REST API in use (a
 * proxy, or the tests' loopback Discord), so that the bot never fetches an arbitrary address.
 */
export function attachmentOrigins(apiBase: string): string[] {
  return [...DISCORD_CDN_ORIGINS, new URL(apiBase).origin];
}

/**
 * The bytes at `url` (an attachment URL Discord sent), at most `maxBytes`, only from `allowedOrigins`.
 * Throws {@link AdminError}, with a message for the moderator, when it is elsewhere, too large, unavailable
 * or too slow.
 */
export async function downloadAttachment(
  url: string,
  fileName: string,
  maxBytes: number,
  allowedOrigins: readonly string[],
  logger: Logger,
  timeoutMs = DOWNLOAD_TIMEOUT_MS,
): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // Redirects are followed here, not by fetch, so that every hop's origin is checked like the first.
    let at = url;
    for (let hop = 0; ; hop++) {
      const origin = URL.canParse(at) ? new URL(at).origin : null;
      if (origin === null || !allowedOrigins.includes(origin)) {
        logger.warn({ fileName, origin, hop }, 'attachment not on Discord’s CDN: not downloaded');
        throw refused(hop === 0 ? 'download.offCdn' : 'download.redirectOffCdn', { file: fileName });
      }
      const res = await fetch(at, { signal: controller.signal, redirect: 'manual' });
      const location = REDIRECTS.has(res.status) ? res.headers.get('location') : null;
      if (location !== null) {
        await res.body?.cancel();
        if (hop >= MAX_REDIRECTS) {
          throw refused('download.tooManyRedirects', { file: fileName, max: MAX_REDIRECTS });
        }
        at = URL.canParse(location, at) ? new URL(location, at).href : location;
        continue;
      }
      if (!res.ok || !res.body) {
        throw refused('download.status', { file: fileName, status: String(res.status) });
      }
      return await readWithLimit(res.body, fileName, maxBytes);
    }
  } catch (err) {
    if (err instanceof AdminError) throw err;
    logger.warn({ err, fileName }, 'attachment download failed');
    throw controller.signal.aborted
      ? refused('download.slow', { file: fileName, seconds: timeoutMs / 1000 })
      : refused('download.failed', { file: fileName });
  } finally {
    clearTimeout(timer);
    // Stops the transfer when readWithLimit gave up early; a no-op once the body was read.
    controller.abort();
  }
}

/** A refused download, said with a message of the catalogue. */
function refused(code: MessageKey, values: Record<string, string | number>): AdminError {
  return new AdminError({ code, values });
}

/** Statuses that redirect (with a Location header). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Redirects followed at most; Discord's CDN answers without any. */
export const MAX_REDIRECTS = 5;
