// @ts-check
// /xac-thuc/{token}: the public check of a sealed document (the QR printed on it). The seals
// are signed here with Node's own Ed25519 over the text that core::seal::SignedText defines
// (docs/documents-output.md) and written into the database before the server starts, so the
// server's libsodium check is tested against an independent signer: a valid seal, an altered
// one, an unknown token, and a file in hand compared by its SHA-256 computed in the browser.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { useEgov, withPage } from './harness.mjs';

const AGENCY = { code: '000.00.99.H48', name: 'UBND huyện Trà Bồng' };
const FILE_BYTES = Buffer.from('%PDF-1.5 Quyết định 07/QĐ-UBND (bản điện tử)\n');
const SHA256 = crypto.createHash('sha256').update(FILE_BYTES).digest('hex');
const VALID = 'q8Zr3vT0pKcW1sXy7uN4bH2gM9aL5eD6fJ0iQwErTyU';
const ALTERED = 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2H1g0FeD';

/** @param {Record<string, string>} seal */
function signedText(seal) {
  const names = ['token', 'kind', 'subject_ref', 'sha256', 'number_notation', 'issuer_code', 'issuer_name',
    'title', 'issued_on', 'algorithm', 'key_id', 'signed_at'];
  return 'egov-seal-v1\n' + names.map((n) => `${n}:${Buffer.byteLength(seal[n])}:${seal[n]}\n`).join('');
}

/** @param {string} text */
const sqlQuote = (text) => `'${text.replaceAll("'", "''")}'`;

const ctx = useEgov({
  seed: ({ db, egov }) => {
    egov(['agency', 'add', '--db', db, '--code', AGENCY.code, '--name', AGENCY.name, '--kind', 'district',
      '--abbreviation', 'UBND']);
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const raw = Buffer.from(/** @type {string} */ (publicKey.export({ format: 'jwk' }).x), 'base64url');
    const keyId = crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16);
    const statements = [
      `INSERT INTO agency_keys (agency_id, key_id, algorithm, public_key, private_key_sealed, created_at)
       SELECT id, ${sqlQuote(keyId)}, 'ed25519', ${sqlQuote(raw.toString('base64url'))}, 'not-used-here', 0
       FROM agencies WHERE code = ${sqlQuote(AGENCY.code)};`,
    ];
    for (const token of [VALID, ALTERED]) {
      const seal = {
        token, kind: 'document', subject_ref: '42', sha256: SHA256, number_notation: '07/QĐ-UBND',
        issuer_code: AGENCY.code, issuer_name: AGENCY.name,
        title: 'Quyết định về việc phê duyệt Kế hoạch chuyển đổi số năm 2027', issued_on: '2026-12-05',
        algorithm: 'ed25519', key_id: keyId, signed_at: String(Date.parse('2026-12-05T09:30:00+07:00')),
      };
      const signature = crypto.sign(null, Buffer.from(signedText(seal)), privateKey).toString('base64url');
      const title = token === ALTERED ? 'Quyết định về việc giao đất' : seal.title;  // changed after signing
      statements.push(
        `INSERT INTO seals (token, kind, subject_ref, sha256, number_notation, issuer_agency_id, issuer_code,
           issuer_name, title, issued_on, algorithm, key_id, signature, signed_at)
         SELECT ${[seal.token, seal.kind, seal.subject_ref, seal.sha256, seal.number_notation].map(sqlQuote).join(', ')},
           id, ${[seal.issuer_code, seal.issuer_name, title, seal.issued_on, seal.algorithm, seal.key_id, signature]
             .map(sqlQuote).join(', ')}, ${seal.signed_at}
         FROM agencies WHERE code = ${sqlQuote(AGENCY.code)};`,
      );
    }
    execFileSync('sqlite3', [db.replace(/^sqlite:/, '')], { input: statements.join('\n') });
  },
});

test('a valid seal shows what the paper must say, and a file in hand is compared', async (t) => {
  await withPage(ctx, t, async (page) => {
    const response = await page.goto(`/xac-thuc/${VALID}`);
    assert.equal(response?.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Xác thực văn bản' }).waitFor();
    await page.getByTestId('verify-valid').waitFor();
    assert.equal(await page.getByTestId('verify-number').innerText(), '07/QĐ-UBND');
    assert.equal(await page.getByTestId('verify-issuer').innerText(), AGENCY.name);
    const result = await page.getByTestId('verify-result').innerText();
    assert.ok(result.includes('Quyết định về việc phê duyệt Kế hoạch chuyển đổi số năm 2027'), result);
    assert.ok(result.includes('05/12/2026'), result);
    assert.ok(result.includes('09 giờ 30 phút, ngày 05/12/2026'), result);
    assert.ok(result.includes(SHA256), result);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'egov-e2e-verify-'));
    try {
      const same = path.join(dir, 'quyet-dinh.pdf');
      fs.writeFileSync(same, FILE_BYTES);
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('verify-file').click();
      await (await chooser).setFiles(same);
      const answer = page.getByTestId('verify-file-result');
      await answer.filter({ hasText: 'trùng khớp với văn bản đã đóng dấu' }).waitFor();
      assert.ok(!(await answer.innerText()).includes('KHÔNG'));

      const forged = path.join(dir, 'gia-mao.pdf');
      fs.writeFileSync(forged, Buffer.concat([FILE_BYTES, Buffer.from(' ')]));
      const chooser2 = page.waitForEvent('filechooser');
      await page.getByTestId('verify-file').click();
      await (await chooser2).setFiles(forged);
      await answer.filter({ hasText: 'KHÔNG trùng khớp' }).waitFor();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // A phone's width: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  }, { viewport: { width: 390, height: 844 }, isMobile: true });
});

test('a seal altered in the database is shown as not valid', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto(`/xac-thuc/${ALTERED}`);
    const alert = page.getByTestId('verify-invalid');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes('Văn bản KHÔNG hợp lệ'));
    assert.equal(await page.getByTestId('verify-valid').count(), 0);
  });
});

test('an unknown token says so in Vietnamese', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/xac-thuc/khong-co-ma-nay');
    const alert = page.getByTestId('verify-error');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes('Không tìm thấy văn bản với mã xác thực này.'));
  });
});
