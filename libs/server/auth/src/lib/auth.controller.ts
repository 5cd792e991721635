import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Me, SessionTokens } from '@gugus/contracts';
import { Authenticated, CurrentUser, Public, type AuthUser } from '@gugus/server-access';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { RequestId } from '@gugus/server-http';
import { HandoffDto, LoginDto, RefreshDto } from './auth.dto';
import { OidcService, SSO_BROWSER_COOKIE, ssoCookieOptions } from './oidc.service';
import { AuthService } from './auth.service';
import { ClientAddress, RateLimit } from './rate-limit';

/** One cookie from a Cookie header (the API reads no other cookie, so no parser middleware). */
function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcService,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  @ApiOperation({ summary: 'Masuk dengan e-mail dan kata sandi / Log in with e-mail and password' })
  async login(@Body() body: LoginDto, @ClientAddress() address: string, @RequestId() requestId: string | null): Promise<SessionTokens> {
    const { accessToken, refreshToken, expiresIn } = await this.auth.login(body.email, body.password, address, requestId);
    return { accessToken, refreshToken, expiresIn };
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @RateLimit('refresh')
  @ApiOperation({ summary: 'Perbarui token; token yang sudah dipakai mengakhiri sesi / Exchange a refresh token for new tokens; a used one ends the session' })
  refresh(@Body() body: RefreshDto, @RequestId() requestId: string | null): Promise<SessionTokens> {
    return this.auth.refresh(body.refreshToken, requestId);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Keluar: sesi berakhir saat itu juga / Log out: the session ends at once' })
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Siapa saya dan hak apa yang saya pegang hari ini / Who am I and my grants today' })
  me(@CurrentUser() user: AuthUser): Me {
    return this.auth.me(user);
  }

  @Get('oidc')
  @Public()
  @ApiOperation({ summary: 'Apakah login SSO (OpenID Connect) aktif / Whether single sign-on is enabled' })
  oidcStatus(): { enabled: boolean } {
    return { enabled: this.oidc.enabled };
  }

  @Get('oidc/login')
  @Public()
  @RateLimit('sso')
  @ApiOperation({ summary: 'Mulai login SSO: dialihkan ke penyedia identitas / Start single sign-on: redirects to the identity provider' })
  async oidcLogin(@Res() res: Response): Promise<void> {
    const { url, browserBinding } = await this.oidc.authorizationUrl();
    res.cookie(SSO_BROWSER_COOKIE, browserBinding, ssoCookieOptions(this.config));
    res.redirect(302, url);
  }

  @Get('oidc/callback')
  @Public()
  @RateLimit('sso')
  @ApiOperation({ summary: 'Kembali dari penyedia identitas (hanya di peramban yang memulai) / Return from the identity provider (only in the browser that started)' })
  async oidcCallback(@Query() query: Record<string, string>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.oidc.assertEnabled();
    const next = await this.oidc.callback(query, readCookie(req.headers.cookie, SSO_BROWSER_COOKIE));
    const { maxAge: _maxAge, ...attributes } = ssoCookieOptions(this.config);
    res.clearCookie(SSO_BROWSER_COOKIE, attributes);
    res.redirect(302, next);
  }

  @Post('oidc/exchange')
  @HttpCode(200)
  @Public()
  @RateLimit('sso')
  @ApiOperation({ summary: 'Tukar kode serah SSO sekali pakai dengan sesi / Exchange the one-time sign-on code for a session' })
  oidcExchange(@Body() body: HandoffDto, @RequestId() requestId: string | null): Promise<SessionTokens> {
    return this.oidc.exchange(body.handoff, requestId);
  }
}
