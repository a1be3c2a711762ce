import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { launchBrowser } from './browser.js';
import { assertFrontEndsBuilt, newContext, watchedPage } from './pages.js';

export interface BrowserSessionOptions {
  /** Extra server configuration (e.g. DEMO_CUSTOMER_BOT, SMTP settings). */
  env?: Record<string, string>;
  /** Extra Chromium flags (e.g. FAKE_MEDIA_ARGS). */
  browserArgs?: string[];
}

export interface PageOptions {
  /** A context's viewport; the default is the laptop size of `newContext`. */
  viewport?: { width: number; height: number };
  /** Prepares the fresh context before its page opens (permissions, init scripts). */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/**
 * What every browser test starts with: the built front ends, a server on SQLite, Chromium, and
 * pages that report dialogs and page errors into `problems`. `close` ends browser and server.
 */
export interface BrowserSession {
  server: TestServer;
  browser: Browser;
  /** Dialogs and uncaught page errors of every page opened through `page`; a test expects it empty. */
  problems: string[];
  /** A watched page in a context of its own (its own cookies, so its own login). */
  page(options?: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserSession(options: BrowserSessionOptions = {}): Promise<BrowserSession> {
  assertFrontEndsBuilt();
  const server = await startTestServer('sqlite', options.env);
  let browser: Browser;
  try {
    browser = await launchBrowser(options.browserArgs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const problems: string[] = [];
  return {
    server,
    browser,
    problems,
    async page({ viewport, prepare } = {}) {
      const context = viewport ? await browser.newContext({ viewport, locale: 'nl-BE' }) : await newContext(browser);
      await prepare?.(context);
      return watchedPage(context, problems);
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
