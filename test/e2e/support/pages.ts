import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { WEB_DIST, WIDGET_FILE } from '../../../src/http/static-assets.js';

export function assertFrontEndsBuilt(): void {
  if (!existsSync(`${WEB_DIST}/index.html`) || !existsSync(WIDGET_FILE)) {
    throw new Error('The web app and widget are not built: run `npm run build` (npm test does it)');
  }
}

/** A page that fails the test on a JavaScript dialog (an XSS that ran) or an uncaught page error. */
export async function watchedPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-BE' });
}

/**
 * Logs in through the login form (unless the context has a session already) and lands on the route,
 * whose screen is found by `rootTestId` (by default the supervisor view or the desktop).
 */
export async function loginAs(page: Page, baseUrl: string, email: string, route: string, rootTestId = route === '/supervisor' ? 'supervisor' : 'desktop'): Promise<void> {
  await page.goto(`${baseUrl}${route}`);
  const root = page.getByTestId(rootTestId);
  const form = page.getByTestId('login-form');
  await root.or(form).first().waitFor();
  if (await form.isVisible()) {
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('centraal-demo');
    await page.getByTestId('login-submit').click();
  }
  await root.waitFor();
}

export async function expectText(page: Page, testId: string, text: string | RegExp, timeout = 10_000): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor({ timeout });
  expect(await page.getByTestId(testId).filter({ hasText: text }).count()).toBeGreaterThan(0);
}
