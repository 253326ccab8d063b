import { describe, expect, it } from 'vitest';
import { LogGate } from '../../src/console/logGate.js';
import { createLogger } from '../../src/logger.js';

describe('the console log gate', () => {
  const setUp = () => {
    const written: string[] = [];
    const gate = new LogGate((text) => written.push(text));
    const logger = createLogger('info', [], gate);
    return { written, gate, logger };
  };

  it('GIVEN log lines while an answer is written THEN they follow the whole answer', async () => {
    const { written, gate, logger } = setUp();
    await gate.holding(async () => {
      written.push('answer, part 1');
      logger.warn('slow search');
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push('answer, part 2');
    });
    expect(written.slice(0, 2)).toEqual(['answer, part 1', 'answer, part 2']);
    expect(written[2]).toContain('slow search');
  });

  it('GIVEN an answer that fails THEN the held lines still come out', async () => {
    const { written, gate, logger } = setUp();
    await expect(
      gate.holding(async () => {
        logger.error('it broke');
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    expect(written.join('')).toContain('it broke');
  });

  it('GIVEN no answer under way THEN a log line goes out at once', () => {
    const { written, logger } = setUp();
    logger.info('loaded');
    expect(written.join('')).toContain('loaded');
  });
});
