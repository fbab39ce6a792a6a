// Printing a page to PDF in Chromium and reading it back with Debian's
// poppler-utils (pdftotext, pdfinfo, pdftoppm; scripts/bootstrap.sh installs them).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `page` printed as the browser prints it (print media, A4). Resolves to
 * { pages, text (all pages), pageText(n), png(n) (a path; copied into
 * $E2E_SHOTS_DIR as `<name>-<n>.png` when that is set) }.
 */
export async function printToPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
  const pageText = (n) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const png = (n) => {
    const stem = join(dir, `${name}-${n}`);
    execFileSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '80', '-png', '-singlefile', file, stem]);
    if (process.env.E2E_SHOTS_DIR) {
      mkdirSync(process.env.E2E_SHOTS_DIR, { recursive: true });
      copyFileSync(`${stem}.png`, join(process.env.E2E_SHOTS_DIR, `${name}-${n}.png`));
    }
    return `${stem}.png`;
  };
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { pages, text, pageText, png, bytes: () => readFileSync(file) };
}

/**
 * `text` with white space and hyphens taken out, for finding a URL or a
 * sentence the page wrapped: pdftotext drops a hyphen that ends a line.
 */
export const squeezed = (text) => text.replace(/[\s-]+/g, '');
