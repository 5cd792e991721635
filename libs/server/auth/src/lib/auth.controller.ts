import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Me, SessionTokens } from '@gugus/contracts';
import { Authenticated, CurrentUser, Public, type AuthUser } from '@gugus/server-access';
import { LoginDto, RefreshDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Masuk dengan e-mail dan kata sandi / Log in with e-mail and password' })
  async login(@Body() body: LoginDto): Promise<SessionTokens> {
    const { accessToken, refreshToken, expiresIn } = await this.auth.login(body.email, body.password);
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
    await this.auth.logout(user.sessionId);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Siapa saya dan hak apa yang saya pegang hari ini / Who am I and my grants today' })
  me(@CurrentUser() user: AuthUser): Me {
    return this.auth.me(user);
  }
}
