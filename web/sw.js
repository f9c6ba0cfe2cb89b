// LikeCast's service worker: keeps every file of the page, the embedded widget and the API example in one
// cache, so they run with the network off after the first visit. The build (scripts/web-files.mjs stamp)
// writes the version, a hash of the built files, and the file list below. Each build thus has its own cache,
// and the new worker deletes the old caches when it takes over.
//
// NOTE: a new version takes over once no tab runs the old one (no skipWaiting), so a page never mixes the
// old index.js with the new index.wasm.
'use strict';

const kVersion = 'unstamped';
const kCachedFiles = [];
const kCachePrefix = 'likecast-';
const kCacheName = kCachePrefix + kVersion;

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the new cache never stores a file of the previous build.
  const requests = kCachedFiles.map((name) => new Request(name, { cache: 'reload' }));
  event.waitUntil(caches.open(kCacheName).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const old = names.filter((name) => name.startsWith(kCachePrefix) && name !== kCacheName);
    await Promise.all(old.map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// The page reads its scenario and options from the query (?embed=1&views=...), so the query never selects
// another file: every URL is served from its file in the cache, or from the network when it is not cached.
async function respond(request) {
  const cache = await caches.open(kCacheName);
  const url = new URL(request.url);
  const folderUrl = url.pathname.endsWith('/');
  const cached = folderUrl
    ? await cache.match(new URL('index.html', url).href)
    : await cache.match(request, { ignoreSearch: true });
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
