import { yieldInBackground } from '../../src/domain/pause';

type Scheduler = { postTask: (cb: () => void, options: { priority: string }) => Promise<unknown> };
const global = globalThis as { scheduler?: Scheduler };

afterEach(() => {
  delete global.scheduler;
});

describe('yieldInBackground', () => {
  it("posts a background task through the browser's scheduler and resolves after it ran", async () => {
    const posted: string[] = [];
    let ran = false;
    global.scheduler = {
      postTask: (cb, options) => {
        posted.push(options.priority);
        return new Promise((resolve) =>
          setTimeout(() => {
            cb();
            ran = true;
            resolve(undefined);
          }, 0),
        );
      },
    };
    await yieldInBackground();
    expect(posted).toEqual(['background']);
    expect(ran).toBe(true);
  });

  it('resolves on a later task where there is no scheduler', async () => {
    const order: string[] = [];
    const pause = yieldInBackground().then(() => order.push('resumed'));
    await Promise.resolve();
    order.push('after a microtask');
    await pause;
    expect(order).toEqual(['after a microtask', 'resumed']);
  });
});
