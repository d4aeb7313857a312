/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

/**
 * The Content-Security-Policy of the production build. It is injected at build time only, because the dev
 * server injects inline styles and scripts for hot reloading.
 */
export const CSP = [
  "default-src 'self'",
  // sql.js (the Anki package reader, lazy-loaded) compiles its WebAssembly: allowed, eval still is not.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const cspPlugin: Plugin = {
  name: 'sarcomet-csp',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  },
};

/**
 * What Settings shows as "Version …". `SARCOMET_BUILD_ID` lets a deployment (and the update test) tell two
 * builds apart; without it the package version is used, so rebuilding unchanged code ships no update.
 */
const BUILD_ID = process.env.SARCOMET_BUILD_ID || pkg.version;

/** The web app manifest. Colours are the light theme's; index.html has the dark theme-color too. */
export const MANIFEST: Partial<ManifestOptions> = {
  id: './',
  name: 'SarcoMet',
  short_name: 'SarcoMet',
  description: 'Study sarcoma brain metastasis with spaced repetition, offline.',
  lang: 'en',
  dir: 'ltr',
  start_url: './',
  scope: './',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#f6f7fb',
  background_color: '#f6f7fb',
  categories: ['education', 'medical'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

export default defineConfig({
  define: { __BUILD_ID__: JSON.stringify(BUILD_ID) },
  plugins: [
    solid(),
    cspPlugin,
    VitePWA({
      registerType: 'prompt',
      // No inline registration script (the CSP forbids it): src/pwa/create-service-worker.ts registers.
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: MANIFEST,
      workbox: {
        // The app shell (with sql.js's WebAssembly, so Anki packages import offline), the built-in decks and
        // the icons; the manifest is added by the plugin.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm}', 'decks/*.json'],
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
        runtimeCaching: [
          {
            // Lazy chunks that are not in the precache (e.g. loaded by an old page after an update):
            // their names are content hashes, so a cached copy is always right.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /\/assets\/[^/]+\.(?:js|css|wasm)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'sarcomet-chunks',
              expiration: { maxEntries: 64, maxAgeSeconds: 180 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  // The manifest (dist/.vite/manifest.json) lets scripts/size.mjs find the entry chunk and its imports.
  build: { target: 'es2022', sourcemap: false, manifest: true },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/webkit/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // The core journeys again in WebKit (WebKitGTK's MiniBrowser under Xvfb), one session at a time:
        // the driver allows one. It does not extend the app's config: vite-plugin-solid's `browser` resolve
        // condition would load webdriverio's browser build.
        test: {
          name: 'webkit',
          include: ['tests/webkit/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/webkit/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
