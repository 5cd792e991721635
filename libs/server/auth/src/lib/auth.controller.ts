import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Me, SessionTokens } from '@gugus/contracts';
import { Authenticated, CurrentUser, Public, type AuthUser } from '@gugus/server-access';
import { RequestId } from '@gugus/server-http';
import { HandoffDto, LoginDto, RefreshDto } from './auth.dto';
import { OidcService } from './oidc.service';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Masuk dengan e-mail dan kata sandi / Log in with e-mail and password' })
  async login(@Body() body: LoginDto, @RequestId() requestId: string | null): Promise<SessionTokens> {
    const { accessToken, refreshToken, expiresIn } = await this.auth.login(body.email, body.password, requestId);
    return { accessToken, refreshToken, expiresIn };
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Perbarui token / Exchange a refresh token for new tokens' })
  refresh(@Body() body: RefreshDto): Promise<SessionTokens> {
    return this.auth.refresh(body.refreshToken);
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
  @ApiOperation({ summary: 'Mulai login SSO: dialihkan ke penyedia identitas / Start single sign-on: redirects to the identity provider' })
  async oidcLogin(@Res() res: Response): Promise<void> {
    res.redirect(302, await this.oidc.authorizationUrl());
  }

  @Get('oidc/callback')
  @Public()
  @ApiOperation({ summary: 'Kembali dari penyedia identitas / Return from the identity provider' })
  async oidcCallback(@Query() query: Record<string, string>, @Res() res: Response): Promise<void> {
    this.oidc.assertEnabled();
    res.redirect(302, await this.oidc.callback(query));
  }

  @Post('oidc/exchange')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Tukar kode serah SSO sekali pakai dengan sesi / Exchange the one-time sign-on code for a session' })
  oidcExchange(@Body() body: HandoffDto, @RequestId() requestId: string | null): Promise<SessionTokens> {
    return this.oidc.exchange(body.handoff, requestId);
  }
}
