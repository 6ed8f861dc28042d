import { ExportSlots } from './export-slots';

describe('ExportSlots', () => {
  it('hands out at most the limit and the next slot to the first in line', async () => {
    const slots = new ExportSlots(2, 60_000);
    const a = await slots.acquire();
    await slots.acquire();
    expect(slots.active).toBe(2);
    const order: string[] = [];
    const third = slots.acquire().then((release) => (order.push('third'), release));
    const fourth = slots.acquire().then((release) => (order.push('fourth'), release));
    a();
    a(); // a second call gives nothing back twice
    (await third)();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    expect(slots.active).toBe(1);
  });

  it('answers EXPORTS_BUSY with a Retry-After when no slot comes free in time', async () => {
    const slots = new ExportSlots(1, 10);
    await slots.acquire();
    await expect(slots.acquire()).rejects.toMatchObject({ code: 'EXPORTS_BUSY', retryAfterSeconds: 10, status: 503 });
    expect(slots.active).toBe(1);
  });

  it('drops a waiting caller whose client went away', async () => {
    const slots = new ExportSlots(1, 60_000);
    const release = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    release();
    expect(slots.active).toBe(0);
  });
});
