import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';

/** The deny-by-default guard on every route; the module providing it must also provide a SessionResolver. */
export const AccessModule = {
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }] as Provider[],
};
