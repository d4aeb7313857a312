/**
 * Renders the app icon (public/icons/icon.svg) to the PNGs the manifest and iOS need, in Chromium:
 * icon-192.png and icon-512.png (as drawn, transparent corners), icon-maskable-512.png (full-bleed background;
 * the artwork already lies within the central 80 % safe zone: its farthest corner is 171 of 205 px from the centre) and apple-touch-icon.png (180 px, opaque: iOS fills
 * transparency with black and rounds the corners itself). Run with `npm run icons`; commit the PNGs.
 */
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/browser-launch';

const DIR = 'public/icons';
const svg = readFileSync(`${DIR}/icon.svg`, 'utf8');
const background = /<rect width="512" height="512" rx="\d+" fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1];
if (!background) throw new Error('icon.svg: the background rect was not found');

/** The artwork without its rounded background, scaled around the centre. */
function artwork(scale: number): string {
  const inner = svg
    .replace(/^[\s\S]*?<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '')
    .replace(/<rect width="512" height="512"[^>]*\/>/, '');
  const offset = (512 * (1 - scale)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
    <rect width="512" height="512" fill="${background}"/>
    <g transform="translate(${offset} ${offset}) scale(${scale})">${inner}</g>
  </svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'icon-maskable-512.png', size: 512, source: artwork(1) },
  { file: 'apple-touch-icon.png', size: 180, source: artwork(1) },
];

const browser = await launch();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const url = `data:image/svg+xml;base64,${Buffer.from(icon.source).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${url}" width="${icon.size}" height="${icon.size}" alt="">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: `${DIR}/${icon.file}`, omitBackground: true });
    console.log(`${DIR}/${icon.file} (${icon.size}x${icon.size})`);
  }
} finally {
  await browser.close();
}
