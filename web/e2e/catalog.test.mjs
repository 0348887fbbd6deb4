// @ts-check
// The public procedure catalog (/thu-tuc, /thu-tuc/:code) on the demo's 36 real procedures,
// loaded through the real command line (`egov demo`). What the page shows is compared with
// what the API answers for the same query.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { apiCall, useEgov, withPage } from './harness.mjs';

const BIRTH = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const ctx = useEgov({
  seed: ({ db, egov }) => {
    egov(['demo', '--db', db]);
  },
});

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The search box, results, and the result cards (links) of the catalog page.
 * @param {import('playwright-core').Page} page
 */
function catalog(page) {
  return {
    search: page.getByLabel('Tìm thủ tục hành chính'),
    loaded: page.locator('[data-testid="catalog-results"][data-state="loaded"]'),
    cards: page.locator('[data-testid="catalog-results"] a.egov-proc-card'),
  };
}

/**
 * Waits until the results for ?q=`q` are shown (not the previous query's: the URL changes
 * before the page renders the new answer).
 * @param {import('playwright-core').Page} page
 * @param {string} q
 */
async function waitForResults(page, q) {
  await page.waitForURL((url) => (url.searchParams.get('q') ?? '') === q);
  await page.locator(`[data-testid="catalog-results"][data-state="loaded"][data-query="${q}"]`).waitFor();
}

/** @param {import('playwright-core').Page} page */
async function assertNoSidewaysScroll(page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide on a ${clientWidth}px screen`);
}

test('typing without diacritics finds the birth registration; the keyboard opens its page', async (t) => {
  const api = await apiCall(ctx, '/api/v1/procedures?q=dang%20ky%20khai%20sinh&per_page=20');
  assert.equal(api.status, 200);
  const index = api.body.items.findIndex((/** @type {{code: string}} */ p) => p.code === BIRTH.code);
  assert.ok(index >= 0, `the API finds ${BIRTH.code} without diacritics: ${JSON.stringify(api.body)}`);
  const detail = await apiCall(ctx, `/api/v1/procedures/${BIRTH.code}`);
  assert.equal(detail.status, 200);

  await withPage(ctx, t, async (page) => {
    await page.goto('/thu-tuc');
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    const { search, cards } = catalog(page);
    await catalog(page).loaded.waitFor();
    await search.click();
    await search.pressSequentially('dang ky khai sinh', { delay: 30 }); // searches as one types, no button
    await waitForResults(page, 'dang ky khai sinh');
    assert.equal(await cards.count(), api.body.items.length);
    const card = cards.nth(index);
    assert.equal((await card.locator('.egov-proc-name').innerText()).trim(), BIRTH.name);
    const facts = await card.innerText();
    assert.match(facts, /Mã 1\.001193/);
    assert.match(facts, /Hộ tịch/);
    assert.match(facts, /Cấp xã/);
    assert.match(facts, /Trong ngày \(nhận sau 15 giờ: ngày làm việc tiếp theo\)/);
    assert.match(facts, /Miễn phí/);
    await page.getByTestId('catalog-total').getByText(`Tìm thấy ${api.body.total} thủ tục`).waitFor();

    // ↓ moves from the box through the results; Enter opens the focused one.
    for (let i = 0; i <= index; i += 1) await page.keyboard.press('ArrowDown');
    assert.equal(await card.evaluate((el) => el === document.activeElement), true, 'the card has the focus');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/thu-tuc/${BIRTH.code}`);

    await page.getByRole('heading', { level: 1, name: BIRTH.name }).waitFor();
    assert.equal(await page.title(), `${BIRTH.name} — Egov — Dịch vụ công`);
    assert.equal(
      (await page.getByTestId('procedure-time-limit').innerText()).trim(),
      'Trong ngày (nhận sau 15 giờ: ngày làm việc tiếp theo)',
    );
    const info = await page.getByTestId('procedure-info').innerText();
    assert.match(info, /Hộ tịch/);
    assert.match(info, /Cấp xã/);
    assert.match(info, /Miễn phí/);
    assert.match(info, /Phiên bản 1, có hiệu lực từ ngày 01\/01\/2020/);

    // Thành phần hồ sơ: the four columns and one row per component the API lists.
    const table = page.getByTestId('procedure-components');
    const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
    assert.deepEqual(headers, ['Tên giấy tờ', 'Bản chính', 'Bản chứng thực', 'Bản sao']);
    const rows = table.locator('tbody tr.ant-table-row');
    assert.equal(await rows.count(), detail.body.components.length);
    for (const [i, component] of detail.body.components.entries()) {
      const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim());
      const shown = (/** @type {number} */ n) => (n > 0 ? String(n) : '—');
      assert.deepEqual(cells, [component.name, shown(component.original), shown(component.certified), shown(component.copy)]);
    }

    // Trình tự thực hiện: each step with its role in Vietnamese and its hours.
    const steps = page.getByTestId('procedure-steps');
    await steps.getByText('Tiếp nhận hồ sơ').waitFor();
    const stepText = await steps.innerText();
    assert.match(stepText, /Bộ phận Một cửa · 1 giờ làm việc/);
    assert.match(stepText, /Chuyên viên · 4 giờ làm việc/);
    assert.match(stepText, /Lãnh đạo · 2 giờ làm việc/);

    const submit = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
    assert.equal(await submit.getAttribute('href'), `/nop-ho-so/${BIRTH.code}`);

    // Back to the list with the same query.
    await page.getByRole('link', { name: 'Danh mục thủ tục hành chính' }).click();
    await page.waitForURL((url) => url.pathname === '/thu-tuc' && url.searchParams.get('q') === 'dang ky khai sinh');
    assert.equal(await catalog(page).search.inputValue(), 'dang ky khai sinh');
  });
});

test('"dat dai" finds the Đất đai procedures; a shared link keeps the field and the level', async (t) => {
  const api = await apiCall(ctx, '/api/v1/procedures?q=dat%20dai&per_page=20');
  assert.equal(api.status, 200);
  assert.ok(api.body.total > 0);
  const filtered = await apiCall(
    ctx,
    `/api/v1/procedures?field=${encodeURIComponent('Đất đai')}&level=district&per_page=20`,
  );
  assert.equal(filtered.status, 200);
  assert.ok(filtered.body.total > 0);

  await withPage(ctx, t, async (page) => {
    await page.goto('/thu-tuc');
    const { search, cards } = catalog(page);
    await search.fill('dat dai');
    await waitForResults(page, 'dat dai');
    await page.getByTestId('catalog-total').getByText(`Tìm thấy ${api.body.total} thủ tục`).waitFor();
    assert.equal(await cards.count(), api.body.items.length);
    for (const [i, procedure] of api.body.items.entries()) {
      assert.equal(procedure.field, 'Đất đai', `the API's result ${procedure.code} is in Đất đai`);
      await cards.nth(i).locator('.ant-tag', { hasText: /^Đất đai$/ }).waitFor();
    }

    // The field and level filters go into the URL.
    await page.goto(`/thu-tuc?linh_vuc=${encodeURIComponent('Đất đai')}&cap=huyen`);
    await catalog(page).loaded.waitFor();
    await page.getByTestId('catalog-total').getByText(`Tìm thấy ${filtered.body.total} thủ tục`).waitFor();
    assert.equal(await cards.count(), filtered.body.items.length);
    await page.locator('.ant-select-selection-item', { hasText: 'Cấp huyện' }).waitFor();
    await page.locator('.ant-select-selection-item', { hasText: /^Đất đai/ }).waitFor();
  });
});

test('the level filter and the pages change the URL; an unknown query shows the empty state', async (t) => {
  const all = await apiCall(ctx, '/api/v1/procedures?per_page=20&page=2');
  assert.equal(all.status, 200);
  assert.ok(all.body.total > 20, 'the demo has more than one page of procedures');
  const commune = await apiCall(ctx, '/api/v1/procedures?level=commune&per_page=20');

  await withPage(ctx, t, async (page) => {
    await page.goto('/thu-tuc');
    const { cards } = catalog(page);
    await catalog(page).loaded.waitFor();
    await page.getByTestId('catalog-total').getByText(`Tìm thấy ${all.body.total} thủ tục`).waitFor();

    await page.locator('.egov-catalog-pages').getByTitle('2', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('trang') === '2');
    await catalog(page).loaded.waitFor();
    await cards.first().locator('.egov-proc-name', { hasText: all.body.items[0].name }).waitFor();
    assert.equal(await cards.count(), all.body.items.length);

    await page.getByLabel('Cấp thực hiện').click();
    await page.locator('.ant-select-item-option', { hasText: 'Cấp xã' }).click();
    await page.waitForURL((url) => url.searchParams.get('cap') === 'xa' && !url.searchParams.has('trang'));
    await page.getByTestId('catalog-total').getByText(`Tìm thấy ${commune.body.total} thủ tục`).waitFor();

    await page.goto('/thu-tuc?q=khong%20co%20thu%20tuc%20nay%20xyz');
    await page.getByText('Không tìm thấy thủ tục phù hợp').waitFor();
    assert.equal(await cards.count(), 0);
  });
});

test('an unknown procedure code shows "Không tìm thấy thủ tục"', async (t) => {
  const api = await apiCall(ctx, '/api/v1/procedures/9.999999');
  assert.equal(api.status, 404);
  await withPage(ctx, t, async (page) => {
    await page.goto('/thu-tuc/9.999999');
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor();
    await page.getByRole('link', { name: 'Tìm trong danh mục thủ tục' }).click();
    await page.waitForURL((url) => url.pathname === '/thu-tuc');
  });
});

test('both catalog pages fit a 390×844 phone without sideways scrolling', async (t) => {
  const all = await apiCall(ctx, '/api/v1/procedures?per_page=100');
  // The longest name (official land procedures run to hundreds of characters).
  const longest = [...all.body.items].sort((a, b) => b.name.length - a.name.length)[0];
  await withPage(
    ctx,
    t,
    async (page) => {
      await page.goto('/thu-tuc');
      await catalog(page).loaded.waitFor();
      await assertNoSidewaysScroll(page);
      await catalog(page).search.fill('dang ky khai sinh');
      await waitForResults(page, 'dang ky khai sinh');
      await assertNoSidewaysScroll(page);
      await catalog(page).cards.filter({ hasText: BIRTH.name }).first().click(); // a tap
      await page.waitForURL((url) => url.pathname === `/thu-tuc/${BIRTH.code}`);
      await page.getByTestId('procedure-components').waitFor();
      await page.getByText('Trong ngày (nhận sau 15 giờ: ngày làm việc tiếp theo)').waitFor();
      await assertNoSidewaysScroll(page);

      await page.goto(`/thu-tuc/${longest.code}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRegExp(longest.name.slice(0, 40))}`) }).waitFor();
      await page.getByTestId('procedure-components').waitFor();
      await assertNoSidewaysScroll(page);
    },
    PHONE,
  );
});
