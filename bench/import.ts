import ExcelJS from 'exceljs';
import type { BenchContext, BenchStep } from './api';
import { ensureBenchUser, tokenFor } from './common';
import { benchFixtures } from './seed-devices';

export const IMPORT_BENCH_ROWS = 10_000;

/** A supplier's delivery list as an office would get it: German headings, German dates and prices as text, some Excel date cells. */
async function deliveryList(runId: string, rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lieferschein');
  sheet.addRow([`Lieferschein ${runId}`]);
  sheet.addRow(['Inventarnummer', 'Seriennummer', 'Gerätetyp', 'Hersteller', 'Modell', 'Betriebssystem', 'Kaufdatum', 'Kaufpreis', 'Inbetriebnahme', 'Garantie bis', 'Raum']);
  for (let i = 0; i < rows; i++) {
    const laptop = i % 3 !== 0;
    sheet.addRow([
      `IMP-${runId}-${String(i).padStart(5, '0')}`,
      `IMPSN${runId}${i}`,
      laptop ? 'Notebook' : 'Tablet',
      laptop ? 'Lenovo' : 'Apple',
      laptop ? 'ThinkPad L13 Gen 4' : 'iPad 10.9 (10. Gen.)',
      laptop ? 'Windows 11 Education' : 'iPadOS',
      `${1 + (i % 28)}.${1 + (i % 12)}.2025`,
      laptop ? '1.234,56' : '479,00',
      new Date(Date.UTC(2025, i % 12, 1 + (i % 28))),
      '31.12.2028',
      `Raum ${100 + (i % 200)}`,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function post(url: string, token: string, file: Buffer): Promise<{ status: number; ms: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'lieferschein.xlsx');
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, ms: Math.round(performance.now() - started), body };
}

/** POST /devices/import of a 10,000-row xlsx: dry run, real import, and the same file again (all duplicates). Cleans up after itself. */
export const importBenchmark: BenchStep = {
  name: 'devices.import',
  async run({ client, api }: BenchContext) {
    const { bigCityId, coordinatorSchoolIds } = await benchFixtures(client);
    const userId = await ensureBenchUser(client, { email: 'bench-office@bench.example', role: 'office', authorityId: bigCityId });
    const token = tokenFor(api.secret, userId);
    const runId = Date.now().toString(36);
    const file = await deliveryList(runId, IMPORT_BENCH_ROWS);
    const url = `${api.baseUrl}/api/v1/devices/import?schoolId=${coordinatorSchoolIds[2]}`;
    try {
      const dry = await post(`${url}&dryRun=true`, token, file);
      const real = await post(url, token, file);
      const again = await post(url, token, file);
      if (real.status !== 200 || real.body.created !== IMPORT_BENCH_ROWS) throw new Error(`import failed: ${real.status} ${JSON.stringify(real.body).slice(0, 500)}`);
      return {
        rows: IMPORT_BENCH_ROWS,
        fileKiB: Math.round(file.length / 1024),
        dryRunMs: dry.ms,
        importMs: real.ms,
        reimportMs: again.ms,
        reimportDuplicates: (again.body.duplicates as unknown[] | undefined)?.length,
        targetMs: 10_000,
      };
    } finally {
      await client.query(`DELETE FROM devices WHERE authority_id = $1 AND inventory_number LIKE $2`, [bigCityId, `IMP-${runId}-%`]);
    }
  },
};
