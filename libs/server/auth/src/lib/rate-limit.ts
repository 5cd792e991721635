import { applyDecorators, createParamDecorator, Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { normalizeIp, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions, type ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ErrorCode } from '@gugus/contracts';
import type { RequestWithUser } from '@gugus/server-access';
import type { ServerConfig } from '@gugus/server-config';
import { DomainError } from '@gugus/server-http';

/** Routes with a throttle of their own, on top of the write throttles every POST/PUT/PATCH/DELETE gets. */
export type RateLimitKind = 'login' | 'sso' | 'refresh' | 'system-checks';

const RATE_LIMIT_KEY = 'gugus:rate-limit';
const WINDOW_MS = 60_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who a throttle counts: the client address, or the logged-in person whatever their address. */
type Counted = 'address' | 'person';

interface Throttle {
  name: string;
  counts: Counted;
  limit: (config: ServerConfig) => number;
  /** Whether this throttle counts the request at all. */
  applies: (kind: RateLimitKind | undefined, method: string) => boolean;
}

/**
 * Every throttle, in requests per minute. Reads are not throttled: they change nothing, pages poll
 * them, and reads of victim records are audited instead. Login spraying is stopped per address here;
 * guessing one account's password is slowed per (account, address) by the lockout in AuthService.
 */
const THROTTLES: readonly Throttle[] = [
  { name: 'login', counts: 'address', limit: (c) => c.THROTTLE_LOGIN_PER_ADDRESS, applies: (kind) => kind === 'login' },
  // A single sign-on takes three requests (start, the provider's callback, the hand-off), counted apart from password logins.
  { name: 'sso', counts: 'address', limit: (c) => 3 * c.THROTTLE_LOGIN_PER_ADDRESS, applies: (kind) => kind === 'sso' },
  { name: 'refresh', counts: 'address', limit: (c) => c.THROTTLE_REFRESH_PER_ADDRESS, applies: (kind) => kind === 'refresh' },
  { name: 'address-writes', counts: 'address', limit: (c) => c.THROTTLE_WRITES_PER_ADDRESS, applies: (_kind, method) => WRITE_METHODS.has(method) },
  { name: 'person-writes', counts: 'person', limit: (c) => c.THROTTLE_WRITES_PER_PERSON, applies: (_kind, method) => WRITE_METHODS.has(method) },
  { name: 'system-checks', counts: 'person', limit: (c) => c.THROTTLE_SYSTEM_CHECKS_PER_PERSON, applies: (kind) => kind === 'system-checks' },
];

/** Gives a route a throttle of its own (see {@link THROTTLES}); shown as `x-gugus-rate-limit` in the OpenAPI document. */
export const RateLimit = (kind: RateLimitKind) => applyDecorators(SetMetadata(RATE_LIMIT_KEY, kind), ApiExtension('x-gugus-rate-limit', kind));

/** `ThrottlerModule` options from the configuration; counters live in this process's memory. */
export function rateLimitOptions(config: ServerConfig): ThrottlerModuleOptions {
  return {
    throttlers: THROTTLES.map((t) => ({ name: t.name, ttl: WINDOW_MS, limit: t.limit(config) })),
    // Only Retry-After, set below when a request is refused; no per-throttle headers.
    setHeaders: false,
  };
}

/**
 * The address a request comes from, as the throttles and the lockout count it: Express's `req.ip`
 * (which believes X-Forwarded-For only from API_TRUST_PROXY), IPv6 grouped by /64 so one host cannot
 * dodge a limit by hopping through its own subnet.
 */
export function clientAddress(req: Pick<Request, 'ip' | 'socket'>): string {
  return normalizeIp(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

/** The requesting client's address (see {@link clientAddress}). */
export const ClientAddress = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => clientAddress(ctx.switchToHttp().getRequest<Request>()));

const tooManyRequests = (seconds: number) =>
  new DomainError(
    ErrorCode.TOO_MANY_ATTEMPTS,
    {
      id: `Terlalu banyak permintaan. Coba lagi dalam ${seconds} detik.`,
      en: `Too many requests. Try again in ${seconds} seconds.`,
    },
    { retryAfter: new Date(Date.now() + seconds * 1000).toISOString() },
  );

/**
 * Applies {@link THROTTLES}. Registered after the access guard, which has put the logged-in person on
 * the request by then. A refused request is a DomainError (the one exception filter answers 429) with
 * a Retry-After header.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const throttle = THROTTLES.find((t) => t.name === request.throttler.name);
    const req = request.context.switchToHttp().getRequest<Request & RequestWithUser>();
    const kind = this.reflector.getAllAndOverride<RateLimitKind | undefined>(RATE_LIMIT_KEY, [request.context.getHandler(), request.context.getClass()]);
    if (!throttle?.applies(kind, req.method)) return true;
    const tracker = throttle.counts === 'person' ? req.user?.personId : clientAddress(req);
    if (!tracker) return true; // a person-counted throttle on an anonymous request (login, refresh)
    return super.handleRequest({
      ...request,
      getTracker: () => tracker,
      // One counter per throttle and tracker across all routes it covers (the default counts per route).
      generateKey: (_context, counted, name) => `${name}:${counted}`,
    });
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw tooManyRequests(seconds);
  }
}
