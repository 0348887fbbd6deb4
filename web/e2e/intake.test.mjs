// @ts-check
// One-stop intake on the demo world (`egov demo`): reception at UBND xã Trà Sơn receives a
// birth registration at the counter (search without diacritics, keyboard, Ctrl+Enter), prints
// the receipt (Form 01 PDF) and the citizen looks it up; a citizen submits online from a phone
// and reception accepts it from the queue of online submissions.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { apiCall, useEgov, withPage } from './harness.mjs';

const BIRTH = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' };
const AGENCY = '000.21.99.H48'; // UBND xã Trà Sơn
const DISTRICT_OFFICE = '000.01.99.H48'; // Văn phòng HĐND và UBND huyện Trà Bồng: a department
const OFFICER = { username: 'tiepnhan.traso', password: 'demo' };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const CODE_PATTERN = new RegExp(`^${AGENCY.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`);
const OFFICIAL_TIME = /^\d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4}$/;

const ctx = useEgov({
  seed: ({ db, egov }) => {
    egov(['demo', '--db', db]);
  },
});

/**
 * Signs in as `who` from the sign-in page, going to `next` afterwards.
 * @param {import('playwright-core').Page} page
 * @param {{username: string, password: string}} who
 * @param {string} next
 */
async function signIn(page, who, next) {
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/**
 * The public lookup page of `code` shows `status` and a masked applicant name (not `fullName`).
 * @param {import('playwright-core').Page} page
 * @param {string} code
 * @param {string} status
 * @param {string} fullName
 */
async function assertPublicLookup(page, code, status, fullName) {
  await page.goto(`/tra-cuu/${code}`);
  await page.getByTestId('lookup-status').filter({ hasText: status }).waitFor();
  const shown = (await page.getByTestId('lookup-applicant').innerText()).trim();
  assert.match(shown, /\*/, `the applicant's name is masked: ${shown}`);
  assert.notEqual(shown, fullName);
  assert.equal(shown.split(' ').length, fullName.split(' ').length, `one masked word per word of the name: ${shown}`);
}

test('reception receives a birth registration, prints the receipt, and the citizen looks it up', async (t) => {
  const api = await apiCall(ctx, '/api/v1/procedures?q=dang%20ky%20khai%20sinh&per_page=20');
  assert.equal(api.status, 200);
  const index = api.body.items.findIndex((/** @type {{code: string}} */ p) => p.code === BIRTH.code);
  assert.ok(index >= 0, `the API finds ${BIRTH.code} without diacritics`);
  const applicant = { name: 'Nguyễn Thị Hoa', id: '048190000123', phone: '0905 123 456', address: 'Thôn 1, xã Trà Sơn, huyện Trà Bồng, tỉnh Quảng Ngãi' };

  await withPage(ctx, t, async (page) => {
    await signIn(page, OFFICER, '/can-bo/tiep-nhan');
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
    await page.getByRole('menuitem', { name: 'Tiếp nhận hồ sơ' }).waitFor();
    await page.getByRole('menuitem', { name: 'Hồ sơ nộp trực tuyến' }).waitFor();

    // The search box has the focus: type without diacritics, ↓ to the procedure, Enter.
    const search = page.getByLabel('Tìm thủ tục');
    await search.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Tìm thủ tục');
    await search.pressSequentially('dang ky khai sinh', { delay: 20 });
    await page.locator(`.egov-picker-option[data-code="${BIRTH.code}"]`).waitFor();
    await page.locator('[data-testid="picker-state"][data-state="idle"]').waitFor();
    assert.equal(await page.locator('.egov-picker-option').count(), api.body.items.length);
    for (let i = 0; i < index; i++) await search.press('ArrowDown');
    await search.press('Enter');
    await page.getByTestId('intake-procedure').getByText(BIRTH.name, { exact: true }).waitFor();

    // Straight to the applicant's name; client-side checks before anything is sent.
    const name = page.getByLabel('Họ và tên người nộp');
    await page.waitForFunction(() => document.activeElement?.id?.endsWith('full_name'));
    await name.fill(applicant.name);
    await page.getByLabel('Số CCCD (định danh cá nhân)').fill('04819');
    await page.getByLabel('Số điện thoại').fill('12345');
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Số CCCD phải gồm đúng 12 chữ số.').waitFor();
    await page.getByText(/^Số điện thoại không hợp lệ/).waitFor();
    await page.getByText('Vui lòng nhập địa chỉ.').waitFor();

    await page.getByLabel('Số CCCD (định danh cá nhân)').fill(applicant.id);
    await page.getByLabel('Số điện thoại').fill(applicant.phone);
    await page.getByLabel('Địa chỉ').fill(applicant.address);
    // Components prefilled with the required counts; nothing ticked yet → refused locally.
    const detail = await apiCall(ctx, `/api/v1/procedures/${BIRTH.code}`);
    const components = /** @type {{name: string, original: number}[]} */ (detail.body.components);
    for (const c of components) {
      assert.equal(await page.getByLabel(`Bản chính: ${c.name}`).inputValue(), String(c.original));
    }
    await page.getByLabel('Địa chỉ').press('Control+Enter');
    await page.getByTestId('components-error').getByText(/^Chưa nhận đủ thành phần hồ sơ/).waitFor();
    await page.getByRole('button', { name: 'Đã nhận đủ tất cả' }).click();
    assert.equal(await page.getByTestId('components-error').count(), 0);
    assert.ok(await page.getByRole('radio', { name: 'Trực tiếp' }).isChecked(), 'the counter is the default channel');

    const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/dossiers');
    await page.getByLabel('Địa chỉ').press('Control+Enter');
    const key = (await posted).headers()['idempotency-key'] ?? '';
    assert.match(key, /^[0-9a-f-]{32,36}$/, `an Idempotency-Key goes with the intake: ${key}`);
    const codeText = page.getByTestId('intake-code');
    await codeText.waitFor();
    const code = (await codeText.innerText()).trim();
    assert.match(code, CODE_PATTERN);
    assert.match((await page.getByTestId('intake-received-at').innerText()).trim(), OFFICIAL_TIME);
    assert.match((await page.getByTestId('intake-due-at').innerText()).trim(), OFFICIAL_TIME);

    // One dossier for this applicant, as entered (the phone normalised by the server).
    const stored = await page.request.get(`/api/v1/dossiers/${code}`);
    assert.equal(stored.status(), 200);
    const dossier = await stored.json();
    assert.equal(dossier.status, 'processing');
    assert.equal(dossier.channel, 'direct');
    assert.equal(dossier.applicant.phone, '0905123456');
    assert.equal(dossier.components.length, components.length);

    // "In giấy hẹn": the receipt PDF in a new tab, focused so that Enter prints.
    const print = page.getByTestId('print-receipt');
    assert.equal(await print.getAttribute('href'), `/api/v1/dossiers/${code}/forms/01.pdf`);
    assert.equal(await print.getAttribute('target'), '_blank');
    assert.ok(await print.evaluate((el) => el === document.activeElement), '"In giấy hẹn" has the focus');
    const pdf = await page.request.get(/** @type {string} */ (await print.getAttribute('href')));
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
    assert.equal((await pdf.body()).subarray(0, 4).toString('latin1'), '%PDF');

    // The read-only view of the dossier.
    await page.getByRole('link', { name: `Xem chi tiết hồ sơ ${code}` }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByTestId('dossier-status').filter({ hasText: 'Đang giải quyết' }).waitFor();
    await page.getByTestId('dossier-events').getByText('Tiếp nhận hồ sơ', { exact: true }).waitFor();
    await page.getByTestId('dossier-step').getByText(/Tiếp nhận hồ sơ/).waitFor();

    // The next citizen: a double click on "Tiếp nhận" makes one dossier, not two.
    await page.goBack();
    await page.getByTestId('intake-next').click();
    await search.waitFor();
    await search.pressSequentially('1.001193', { delay: 20 });
    await page.locator(`.egov-picker-option[data-code="${BIRTH.code}"]`).waitFor();
    await page.locator('[data-testid="picker-state"][data-state="idle"]').waitFor();
    await search.press('Enter');
    await page.getByTestId('intake-procedure').waitFor();
    await page.getByLabel('Họ và tên người nộp').fill('Hồ Văn Nam');
    await page.getByLabel('Số CCCD (định danh cá nhân)').fill('048090000777');
    await page.getByLabel('Số điện thoại').fill('+84 255 3811 222');
    await page.getByLabel('Địa chỉ').fill('Thôn 2, xã Trà Sơn');
    await page.getByRole('button', { name: 'Đã nhận đủ tất cả' }).click();
    await page.locator('label', { hasText: 'Bưu chính' }).click();
    assert.ok(await page.getByRole('radio', { name: 'Bưu chính' }).isChecked());
    await page.getByRole('button', { name: 'Tiếp nhận' }).dblclick();
    await page.getByTestId('intake-code').waitFor();
    const second = (await page.getByTestId('intake-code').innerText()).trim();
    assert.notEqual(second, code);
    const list = await (await page.request.get('/api/v1/dossiers?q=048090000777')).json();
    assert.equal(list.total, 1, 'a double click received one dossier');
    assert.equal(list.items[0].channel, 'postal');

    await assertPublicLookup(page, code, 'Đang giải quyết', applicant.name);
  });
});

test('a citizen submits online from a phone; reception accepts it from the queue', async (t) => {
  const applicant = { name: 'Đinh Văn Tùng', id: '048095001234', phone: '0388 456 789' };
  /** @type {string} */
  let code = '';
  await withPage(
    ctx,
    t,
    async (page) => {
      await page.goto(`/thu-tuc/${BIRTH.code}`);
      await page.getByTestId('procedure-submit').click();
      await page.waitForURL((url) => url.pathname === `/nop-ho-so/${BIRTH.code}`);
      await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
      await page.getByTestId('submit-procedure').getByText(BIRTH.name).waitFor();

      await page.getByLabel('Họ và tên người nộp').fill(applicant.name);
      await page.getByLabel('Số CCCD (định danh cá nhân)').fill(applicant.id);
      await page.getByLabel('Số điện thoại').fill(applicant.phone);
      await page.getByLabel('Địa chỉ').fill('Thôn 3, xã Trà Sơn, huyện Trà Bồng');

      // The receiving agencies: exactly those the public list offers for the procedure's level
      // (the commune's one-stop counter for this commune-level procedure, not the district's
      // office, which has a counter for district procedures), the first chosen by default.
      const procedure = await apiCall(ctx, `/api/v1/procedures/${BIRTH.code}`);
      assert.equal(procedure.status, 200);
      assert.equal(procedure.body.level, 'commune');
      const offered = await apiCall(ctx, `/api/v1/public/agencies?level=${procedure.body.level}`);
      assert.equal(offered.status, 200);
      /** @type {{code: string, name: string, kind: string}[]} */
      const receiving = offered.body.items;
      assert.equal(receiving[0]?.code, AGENCY, `${AGENCY} is the first receiving agency of the commune level`);
      assert.ok(receiving.every((agency) => agency.kind === 'commune'), 'only communes receive commune-level procedures');
      const district = await apiCall(ctx, '/api/v1/public/agencies?level=district');
      assert.ok(
        district.body.items.some((/** @type {{code: string}} */ agency) => agency.code === DISTRICT_OFFICE),
        `${DISTRICT_OFFICE} receives district-level procedures`,
      );
      const choices = page.getByTestId('submit-agencies').locator('label.ant-radio-wrapper');
      assert.deepEqual(
        (await choices.allInnerTexts()).map((text) => text.trim()),
        receiving.map((agency) => `${agency.name} (${agency.code})`),
        'the page offers the public list, nothing else',
      );
      assert.equal(await page.getByText(/Cơ quan khác/).count(), 0, 'no typed agency code');
      const radios = page.getByTestId('submit-agencies').getByRole('radio');
      assert.ok(await radios.first().isChecked(), `the first receiving agency ${AGENCY} is chosen by default`);
      assert.equal(await page.getByTestId('submit-agencies').getByRole('radio', { checked: true }).count(), 1);

      // Nothing declared yet: the components are asked for before anything is sent.
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await page.getByTestId('components-error').waitFor();
      await page.getByRole('button', { name: 'Chọn tất cả' }).click();

      // Should the server still refuse the agency (here: the request rewritten to the district's
      // office), its message goes on the agency field.
      const submissions = '**/api/v1/public/submissions';
      await page.route(submissions, (route) =>
        route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), agency_code: DISTRICT_OFFICE }) }),
      );
      const [refused] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/public/submissions'),
        page.getByRole('button', { name: 'Nộp hồ sơ' }).click(),
      ]);
      assert.equal(refused.status(), 422);
      /** @type {string} */
      const refusal = (await refused.json()).error.details.agency_code;
      assert.match(refusal, new RegExp(DISTRICT_OFFICE.replace(/\./g, '\\.')));
      const agencyField = page.locator('.ant-form-item', { has: page.getByTestId('submit-agencies') });
      const shown = refusal.charAt(0).toLocaleUpperCase('vi') + refusal.slice(1); // as a sentence
      await agencyField.locator('.ant-form-item-explain-error').getByText(shown, { exact: true }).waitFor();
      await page.unroute(submissions);

      // As offered, the submission goes through.
      const [accepted] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/public/submissions'),
        page.getByRole('button', { name: 'Nộp hồ sơ' }).click(),
      ]);
      assert.equal(accepted.status(), 201, `submitted: ${await accepted.text()}`);
      assert.equal(accepted.request().postDataJSON().agency_code, AGENCY);

      const codeText = page.getByTestId('submit-code');
      await codeText.waitFor();
      code = (await codeText.innerText()).trim();
      assert.match(code, CODE_PATTERN);
      await page.getByText('Hãy ghi lại hoặc chụp màn hình mã hồ sơ này.').waitFor();
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(scrollWidth <= clientWidth, `no sideways scrolling: ${scrollWidth}px on ${clientWidth}px`);

      await page.getByTestId('submit-lookup').click();
      await page.waitForURL((url) => url.pathname === `/tra-cuu/${code}`);
      await page.getByTestId('lookup-status').filter({ hasText: 'Đã nộp trực tuyến, chờ tiếp nhận' }).waitFor();
    },
    PHONE,
  );

  await withPage(ctx, t, async (page) => {
    await signIn(page, OFFICER, '/can-bo');
    await page.getByRole('menuitem', { name: 'Hồ sơ nộp trực tuyến' }).click();
    await page.waitForURL((url) => url.pathname === '/can-bo/ho-so-truc-tuyen');
    const row = page.getByTestId('online-queue').getByRole('row', { name: new RegExp(code.replace(/\./g, '\\.')) });
    await row.getByText(applicant.name).waitFor();
    await row.click();
    const drawer = page.getByRole('dialog', { name: `Hồ sơ ${code}` });
    await drawer.getByText(applicant.id).waitFor();
    await drawer.getByTestId('dossier-status').filter({ hasText: 'Đã nộp trực tuyến, chờ tiếp nhận' }).waitFor();
    await drawer.getByRole('button', { name: 'Tiếp nhận' }).click();
    await drawer.getByTestId('intake-result').waitFor();
    assert.equal((await drawer.getByTestId('intake-code').innerText()).trim(), code);
    await drawer.getByText('Đang giải quyết').waitFor();
    assert.match((await drawer.getByTestId('intake-due-at').innerText()).trim(), OFFICIAL_TIME);
    assert.equal(await drawer.getByTestId('print-receipt').getAttribute('href'), `/api/v1/dossiers/${code}/forms/01.pdf`);
    // Gone from the queue.
    await page.getByTestId('online-queue').getByText(code).waitFor({ state: 'detached' });

    await assertPublicLookup(page, code, 'Đang giải quyết', applicant.name);
  });
});
