/**
 * How a share link's fragment starts, apart from the codec (src/domain/share-link.ts) so the router can
 * recognise a link without loading the codec and its compression library into the first screen.
 */
export const SHARE_HASH_PREFIX = '#deck=';
