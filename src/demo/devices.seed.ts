import type { DeviceStatus, DeviceType } from '../devices/device.entity';
import { addDays, type DemoContext, type DemoSeed, type DemoSchool, isoDate, pick } from './demo-context';
import { rows } from '../common/db';

/**
 * The demo inventory: about 9,000 devices across the 30 schools of Musterstadt, sized by pupils, teachers and
 * classrooms, bought between 2016 and 2026 (most in the DigitalPakt years), in every state: many available laptops
 * and tablets for the loans demo, some in repair, lost, and retired ones with date and reason.
 */

type Model = { manufacturer: string; model: string; os: string | null; price: number; serial: () => string };

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function catalog(random: () => number): Record<DeviceType, Model[]> {
  const chars = (n: number) => Array.from({ length: n }, () => ALNUM[Math.floor(random() * ALNUM.length)]).join('');
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  return {
    laptop: [
      { manufacturer: 'Lenovo', model: 'ThinkPad L13 Gen 4', os: 'Windows 11 Education', price: 74900, serial: () => `PF${chars(6)}` },
      { manufacturer: 'Lenovo', model: '300e Chromebook Gen 4', os: 'ChromeOS', price: 32900, serial: () => `PF${chars(6)}` },
      { manufacturer: 'Dell', model: 'Latitude 3440', os: 'Windows 11 Education', price: 69900, serial: () => chars(7) },
      { manufacturer: 'HP', model: 'ProBook 440 G10', os: 'Windows 11 Education', price: 71900, serial: () => `5CG${chars(7)}` },
      { manufacturer: 'Acer', model: 'TravelMate B3 Spin', os: 'Windows 11 Education', price: 42900, serial: () => `NXV${chars(9)}` },
    ],
    tablet: [
      { manufacturer: 'Apple', model: 'iPad 10.2 (9. Gen.)', os: 'iPadOS', price: 39900, serial: () => `DMP${chars(9)}` },
      { manufacturer: 'Apple', model: 'iPad 10.9 (10. Gen.)', os: 'iPadOS', price: 47900, serial: () => `F9F${chars(9)}` },
      { manufacturer: 'Samsung', model: 'Galaxy Tab S6 Lite', os: 'Android', price: 32900, serial: () => `R52${chars(8)}` },
    ],
    desktop: [
      { manufacturer: 'Fujitsu', model: 'Esprimo D7012', os: 'Windows 11 Education', price: 79900, serial: () => `YM${chars(8)}` },
      { manufacturer: 'Dell', model: 'OptiPlex 7010', os: 'Windows 11 Education', price: 84900, serial: () => chars(7) },
    ],
    interactive_display: [
      { manufacturer: 'Promethean', model: 'ActivPanel 9 75"', os: 'Android', price: 449900, serial: () => `AP9${digits(10)}` },
      { manufacturer: 'Samsung', model: 'Flip Pro WM75B', os: 'Tizen', price: 389900, serial: () => `0K${chars(12)}` },
    ],
    projector: [{ manufacturer: 'Epson', model: 'EB-L210W', os: null, price: 119900, serial: () => `X8${chars(8)}` }],
    document_camera: [{ manufacturer: 'Elmo', model: 'MX-P3', os: null, price: 69900, serial: () => digits(9) }],
    access_point: [{ manufacturer: 'LANCOM', model: 'LW-600', os: null, price: 39900, serial: () => `4003${digits(10)}` }],
    printer: [{ manufacturer: 'Kyocera', model: 'ECOSYS M5526cdw', os: null, price: 64900, serial: () => `VCF${chars(7)}` }],
    other: [{ manufacturer: 'Apple', model: 'Apple TV 4K', os: 'tvOS', price: 16900, serial: () => `C0${chars(10)}` }],
  };
}

/** How many devices of each type a school has: by pupils (mobile), teachers, classrooms (displays, APs). */
function plan(school: DemoSchool): [DeviceType, number][] {
  const primary = school.schoolType === 'grundschule' || school.schoolType === 'foerderschule';
  const pupilsPerDevice = primary ? 4 : school.schoolType === 'berufskolleg' ? 3 : 2.5;
  const mobile = Math.round(school.studentCount / pupilsPerDevice);
  return [
    ['tablet', primary ? Math.round(mobile * 0.8) : Math.round(mobile * 0.45)],
    ['laptop', (primary ? Math.round(mobile * 0.2) : Math.round(mobile * 0.55)) + Math.round(school.teacherCount * 0.9)],
    ['desktop', school.schoolType === 'berufskolleg' ? Math.round(school.classCount * 4) : Math.round(school.classCount * 0.6) + 4],
    ['interactive_display', Math.round(school.classCount * 0.7)],
    ['projector', Math.round(school.classCount * 0.3)],
    ['document_camera', Math.round(school.classCount * 0.5)],
    ['access_point', school.classCount + 3],
    ['printer', 2 + Math.round(school.teacherCount / 25)],
    ['other', 1],
  ];
}

/** What the same shelf held before 2020: older models, Windows 10. */
const OLDER_MODELS: Record<string, string> = {
  'ThinkPad L13 Gen 4': 'ThinkPad L390',
  '300e Chromebook Gen 4': '300e Chromebook',
  'Latitude 3440': 'Latitude 3490',
  'ProBook 440 G10': 'ProBook 440 G5',
  'TravelMate B3 Spin': 'TravelMate B118',
  'iPad 10.2 (9. Gen.)': 'iPad 9.7 (6. Gen.)',
  'iPad 10.9 (10. Gen.)': 'iPad 9.7 (5. Gen.)',
  'Galaxy Tab S6 Lite': 'Galaxy Tab A 10.1',
  'Esprimo D7012': 'Esprimo D556',
  'OptiPlex 7010': 'OptiPlex 3050',
  'ActivPanel 9 75"': 'ActivPanel Nickel 75"',
  'Flip Pro WM75B': 'Flip WM55H',
};

const RETIREMENT_REASONS = ['Displayschaden, Reparatur unwirtschaftlich', 'Akku defekt, Ersatz unwirtschaftlich', 'Technisch veraltet, keine Updates mehr', 'Wasserschaden', 'Mainboard defekt'];
const REPAIR_REASONS = ['Display gesprungen', 'Tastatur defekt', 'Akku hält nicht', 'Ladebuchse locker', 'Startet nicht'];
const LOST_REASONS = ['Nach Klassenfahrt nicht zurückgegeben', 'Bei Inventur nicht auffindbar', 'Diebstahl angezeigt'];

interface DemoDevice {
  schoolId: string;
  values: unknown[];
  status: DeviceStatus;
  reason: string | null;
}

/** A purchase year weighted toward the DigitalPakt years (2020-2024). */
const purchaseYear = (random: () => number) => pick(random, [2016, 2017, 2018, 2019, 2020, 2020, 2021, 2021, 2021, 2022, 2022, 2023, 2023, 2024, 2024, 2025, 2026]);

function statusFor(random: () => number, type: DeviceType, year: number): DeviceStatus {
  const r = random();
  const old = year <= 2018;
  if (r < (old ? 0.45 : 0.04)) return 'retired';
  if (r < (old ? 0.5 : 0.08)) return 'in_repair';
  if (r < (old ? 0.52 : 0.095)) return 'lost';
  // Mobile devices wait in the cart for the next loan; fixed ones are in use where they hang.
  return type === 'laptop' || type === 'tablet' ? (random() < 0.7 ? 'available' : 'in_use') : 'in_use';
}

function location(random: () => number, type: DeviceType, seq: number): string {
  if (type === 'laptop' || type === 'tablet') return pick(random, ['Medienraum', `Laptopwagen ${1 + (seq % 4)}`, `Tabletkoffer ${1 + (seq % 6)}`, 'Lehrerzimmer', 'IT-Lager']);
  if (type === 'access_point' || type === 'interactive_display' || type === 'projector') return `Raum ${pick(random, ['A', 'B', 'C'])}${1 + Math.floor(random() * 3)}.${String(1 + Math.floor(random() * 20)).padStart(2, '0')}`;
  return pick(random, ['Verwaltung', 'Lehrerzimmer', 'Informatikraum', 'Bibliothek', 'Sekretariat']);
}

function buildDevices(ctx: DemoContext): DemoDevice[] {
  const { random } = ctx;
  const models = catalog(random);
  const devices: DemoDevice[] = [];
  for (const school of ctx.schools) {
    let seq = 0;
    for (const [type, count] of plan(school)) {
      for (let i = 0; i < count; i++) {
        seq++;
        const m = pick(random, models[type]);
        const year = purchaseYear(random);
        const purchase = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
        const purchaseDate = purchase > ctx.today ? addDays(ctx.today, -30 - Math.floor(random() * 60)) : purchase;
        const status = statusFor(random, type, year);
        const warrantyYears = type === 'interactive_display' ? 5 : 3;
        const retiredOn = status === 'retired' ? isoDate(new Date(Math.min(ctx.today.getTime() - 86_400_000, addDays(purchaseDate, 1200 + Math.floor(random() * 900)).getTime()))) : null;
        const reason = status === 'retired' ? pick(random, RETIREMENT_REASONS) : status === 'in_repair' ? pick(random, REPAIR_REASONS) : status === 'lost' ? pick(random, LOST_REASONS) : null;
        devices.push({
          schoolId: school.id,
          status,
          reason,
          values: [
            ctx.authorityId,
            school.id,
            `MS-${school.schoolNumber}-${purchaseDate.getUTCFullYear()}-${String(seq).padStart(4, '0')}`,
            m.serial(),
            type,
            m.manufacturer,
            year < 2020 ? (OLDER_MODELS[m.model] ?? m.model) : m.model,
            year < 2020 && m.os === 'Windows 11 Education' ? 'Windows 10 Education' : m.os,
            isoDate(purchaseDate),
            m.price + Math.round((random() - 0.5) * 40) * 100,
            isoDate(addDays(purchaseDate, 7 + Math.floor(random() * 30))),
            isoDate(new Date(Date.UTC(purchaseDate.getUTCFullYear() + warrantyYears, purchaseDate.getUTCMonth(), purchaseDate.getUTCDate()))),
            location(random, type, seq),
            random() < 0.05 ? pick(random, ['Mit Stift und Hülle', 'Leihgerät Sofortausstattungsprogramm', 'Schutzhülle fehlt', 'Aus Rückläufer-Pool']) : null,
            status,
            retiredOn,
            status === 'retired' ? reason : null,
          ],
        });
      }
    }
  }
  return devices;
}

const COLUMNS = `authority_id, school_id, inventory_number, serial_number, type, manufacturer, model, operating_system, purchase_date,
  purchase_price_cents, commissioned_on, warranty_until, location, notes, status, retired_on, retirement_reason`;

export const seedDevices: DemoSeed = async (ctx) => {
  const devices = buildDevices(ctx);
  const office = ctx.officeUserId;
  for (let i = 0; i < devices.length; i += 1_000) {
    const chunk = devices.slice(i, i + 1_000);
    const params: unknown[] = [];
    const values = chunk.map((d) => {
      const start = params.length;
      params.push(...d.values);
      return `(${d.values.map((_, j) => `$${start + j + 1}`).join(', ')})`;
    });
    const inserted = await rows<{ id: string }>(ctx.em, `INSERT INTO devices (${COLUMNS}) VALUES ${values.join(', ')} RETURNING id`, params);
    // History: the delivery, and for devices that left `available`, the change with its reason.
    const ids = inserted.map((r) => r.id);
    await rows(
      ctx.em,
      `INSERT INTO device_events (device_id, authority_id, kind, to_status, to_school_id, reason, actor_id, occurred_at)
       SELECT d.id, d.authority_id, 'imported', 'available', d.school_id, 'Import: Lieferschein', $2, d.commissioned_on::timestamptz
         FROM devices d WHERE d.id = ANY($1::uuid[])`,
      [ids, office],
    );
    const changed = chunk.map((d, k) => ({ ...d, id: ids[k] })).filter((d) => d.status !== 'available');
    if (changed.length) {
      await rows(
        ctx.em,
        `INSERT INTO device_events (device_id, authority_id, kind, from_status, to_status, reason, actor_id, occurred_at)
         SELECT d.id, d.authority_id, 'status_changed', 'available', d.status, x.reason, $3,
                coalesce(d.retired_on::timestamptz, d.commissioned_on::timestamptz + interval '1 day')
           FROM unnest($1::uuid[], $2::text[]) AS x(id, reason) JOIN devices d ON d.id = x.id`,
        [changed.map((d) => d.id), changed.map((d) => d.reason), office],
      );
    }
  }
};
