import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/**
 * The admin's IVR editor: Bank Zuid's flow built further through the forms (a menu with key 1 to a
 * queue and key 2 to a message and a hang-up), an unreachable node named next to it until it is
 * linked, saved and read back after a reload; the JSON view stays in sync both ways.
 */
describe('the IVR editor in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    server = session.server;
    page = await session.page();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  const openBankIvr = async () => {
    await page.getByTestId('admin-tab-ivr').click();
    await page.locator('[data-testid="admin-list-item"][data-id="ln_bankzuid"]').click();
    await page.getByTestId('ivr-node-list').waitFor();
  };
  const nodeForm = () => page.getByTestId('ivr-node-form');
  const field = (name: string) => nodeForm().getByTestId(`ivr-field-${name}`);
  const select = (id: string) => page.locator(`[data-testid="ivr-node"][data-node="${id}"] [data-testid="ivr-node-select"]`).click();
  const addNodeAs = async (type: string, id: string) => {
    await page.getByTestId('ivr-add-type').selectOption(type);
    await page.getByTestId('ivr-add-node').click();
    const idField = nodeForm().getByTestId('ivr-node-id');
    // A keyboard user continues in the new node's form: its id has the focus.
    expect(await idField.evaluate((el) => el === document.activeElement)).toBe(true);
    await idField.fill(id);
    await idField.press('Enter');
    await page.locator(`[data-testid="ivr-node-form"][data-node="${id}"]`).waitFor();
  };
  const fillPrompt = async (name: string, texts: { nl: string; fr: string; en: string }) => {
    for (const [lang, text] of Object.entries(texts)) await field(`${name}-${lang}`).fill(text);
  };
  const saveButton = () => page.getByTestId('ivr-save');

  it('builds a menu through the forms, names an unreachable node until it is linked, saves and reads it back', async () => {
    await loginAs(page, server.url, 'beheer@contactpunt.example', '/admin', 'admin');
    await openBankIvr();
    expect(await page.locator('[data-testid="ivr-node"][data-node="welcome"]').textContent()).toContain('start');
    await expect.poll(() => page.getByTestId('ivr-check').textContent()).toContain('in orde');

    await addNodeAs('enqueue', 'toqueue');
    await field('queueId').selectOption('qu_bank_kaart');
    await addNodeAs('hangup', 'bye');
    await addNodeAs('message', 'info');
    await fillPrompt('prompt', { nl: 'Onze kantoren zijn open op werkdagen.', fr: 'Nos bureaux sont ouverts en semaine.', en: 'Our offices are open on weekdays.' });
    await field('next').selectOption('bye');
    await addNodeAs('menu', 'servicemenu');
    await fillPrompt('prompt', { nl: 'Voor een medewerker, druk 1. Voor info, druk 2.', fr: 'Pour un conseiller, appuyez sur 1. Pour des infos, appuyez sur 2.', en: 'For an agent, press 1. For information, press 2.' });
    const rows = nodeForm().getByTestId('ivr-choice');
    await rows.nth(0).getByTestId('ivr-choice-target').selectOption('toqueue');
    await nodeForm().getByTestId('ivr-choice-add').click();
    expect(await rows.nth(1).getByTestId('ivr-choice-key').inputValue()).toBe('2');
    await rows.nth(1).getByTestId('ivr-choice-target').selectOption('info');
    await field('fallback').selectOption('toqueue');

    // Nothing leads to the new menu yet: the server names it (by code, said in the admin's Dutch), next to the node, and save waits.
    const nodeProblems = nodeForm().getByTestId('ivr-field-problems');
    await expect.poll(() => nodeProblems.first().textContent(), { timeout: 5_000 }).toMatch(/^Niet bereikbaar vanaf start "[\w-]+"$/);
    expect(await page.getByTestId('ivr-problems').textContent()).toContain('nodes.servicemenu: Niet bereikbaar vanaf start');
    expect(await page.locator('[data-testid="ivr-node"][data-node="servicemenu"]').textContent()).toMatch(/1 proble/);
    expect(await saveButton().isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-ivr-editor');

    // Linked from the bank's main menu (a new key 4), every problem is gone.
    await select('menu');
    await nodeForm().getByTestId('ivr-choice-add').click();
    const added = nodeForm().locator('[data-testid="ivr-choice"][data-key="4"]');
    await added.getByTestId('ivr-choice-target').selectOption('servicemenu');
    await expect.poll(() => page.getByTestId('ivr-check').textContent(), { timeout: 5_000 }).toContain('in orde');
    expect(await page.getByTestId('ivr-problems').count()).toBe(0);

    // The JSON view shows the same flow, and an edit there shows up in the form.
    await page.getByTestId('ivr-advanced').check();
    const json = page.getByTestId('ivr-json');
    expect(JSON.parse(await json.inputValue()).nodes.servicemenu.choices).toEqual({ '1': 'toqueue', '2': 'info' });
    await json.fill((await json.inputValue()).replace('Onze kantoren zijn open op werkdagen.', 'Onze kantoren zijn open van maandag tot vrijdag.'));
    await select('info');
    expect(await field('prompt-nl').inputValue()).toBe('Onze kantoren zijn open van maandag tot vrijdag.');
    await page.getByTestId('ivr-advanced').uncheck();

    await expect.poll(async () => saveButton().isEnabled(), { timeout: 5_000 }).toBe(true);
    await saveButton().click();
    await expect.poll(() => page.getByTestId('ivr-status').textContent()).toContain('Opgeslagen');
    const stored = await server.running.app.deps.repos.voice.listFlows('tn_contactpunt');
    const flow = stored.find((f) => f.lineId === 'ln_bankzuid')?.flow as { nodes: Record<string, Record<string, unknown>> };
    expect(flow.nodes.servicemenu?.choices).toEqual({ '1': 'toqueue', '2': 'info' });
    expect(flow.nodes.toqueue).toEqual({ type: 'enqueue', queueId: 'qu_bank_kaart' });

    await page.reload();
    await openBankIvr();
    expect(await page.getByTestId('ivr-language-en').isChecked()).toBe(true);
    expect(await page.getByTestId('ivr-default-language').inputValue()).toBe('nl');
    await select('servicemenu');
    const reloaded = nodeForm().getByTestId('ivr-choice');
    expect(await reloaded.nth(0).getByTestId('ivr-choice-target').inputValue()).toBe('toqueue');
    expect(await reloaded.nth(1).getByTestId('ivr-choice-target').inputValue()).toBe('info');
    expect(await nodeForm().getByTestId('ivr-node-refs').textContent()).toContain('nodes.menu.choices.4');

    // Deleting a node leaves its references, which the server names.
    await select('bye');
    await nodeForm().getByTestId('ivr-node-delete').click();
    await expect.poll(() => page.getByTestId('ivr-problems').textContent(), { timeout: 5_000 }).toContain('nodes.info.next');
    expect(await saveButton().isDisabled()).toBe(true);
    expect(session.problems).toEqual([]);
  });
});
