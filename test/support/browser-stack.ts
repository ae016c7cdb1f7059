import type { Browser } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { launchBrowser } from './browser';
import { startTestStack } from './local-stack';
import { startTogether, type Starting } from './start-together';

export const stackStarting = (): Starting<LocalStack> => ({
  started: startTestStack(),
  stop: (stack) => stack.stop(),
});

export const browserStarting = (): Starting<Browser> => ({
  started: launchBrowser(),
  stop: (browser) => browser.close(),
});

/** A browser suite's local stack and chromium, started at once; neither left running if the other fails. */
export const startStackAndBrowser = (): Promise<[LocalStack, Browser]> =>
  startTogether<[LocalStack, Browser]>(stackStarting(), browserStarting());
